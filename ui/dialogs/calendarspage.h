#pragma once

#include "dialogs/preferencespage.h"

#include <QTimeZone>

class QCheckBox;
class QLabel;
class QLineEdit;
class QPushButton;
class QSpinBox;
class QStandardItemModel;
class QTreeView;

namespace fermata {

class CalDavAccountsBox;
class CalDavSync;
class CalendarSync;
class Clock;
struct CalendarSubscription;
struct RefreshOutcome;

// Preferences > Calendars: subscribed ICS addresses with their last refresh and any error
// (Add, Remove and Refresh now act at once), CalDAV accounts when the app runs them
// (CalDavAccountsBox), and the file Fermata keeps up to date with focus blocks and check-in
// windows (saved with OK).
class CalendarsPage final : public PreferencesPage
{
    Q_OBJECT
public:
    enum Column { NameColumn, AddressColumn, StatusColumn, ColumnCount };

    CalendarsPage(CalendarSync &sync, const Clock &clock, const QTimeZone &zone,
                  CalDavSync *caldav = nullptr, QWidget *parent = nullptr);

    QString title() const override;
    QString validationError() const override;
    Status apply() override;

    // Adds the subscription from the form and starts its first refresh; false (and the
    // reason on the page) when it cannot be added.
    bool addFromForm();
    bool removeSubscription(const QString &name);
    void refreshSelected();
    void reload();
    // One subscription's status in words ("Refreshed Tue 09:12 · 120 events",
    // "Not refreshed — showing the copy from Tue 09:12"; errorsLabel() says why).
    QString statusText(const CalendarSubscription &subscription) const;

    QTreeView *list() const { return m_list; }
    QStandardItemModel *model() const { return m_model; }
    QLineEdit *urlEdit() const { return m_url; }
    QLineEdit *nameEdit() const { return m_name; }
    QSpinBox *intervalBox() const { return m_interval; }
    QLabel *problemLabel() const { return m_problem; }
    QLabel *errorsLabel() const { return m_errors; }
    QCheckBox *exportBox() const { return m_exportBox; }
    QLineEdit *exportPathEdit() const { return m_exportPath; }
    CalDavAccountsBox *calDavBox() const { return m_caldav; } // null without CalDAV

private:
    QWidget *buildSubscriptions();
    QWidget *buildExport();
    void removeSelected();
    void chooseExportPath();
    void updateButtons();
    void onRefreshFinished(const RefreshOutcome &outcome);
    QString selectedName() const;
    QString timeText(const QDateTime &when) const;

    CalendarSync &m_sync;
    const Clock &m_clock;
    QTimeZone m_zone;
    QStandardItemModel *m_model = nullptr;
    QTreeView *m_list = nullptr;
    QLineEdit *m_url = nullptr;
    QLineEdit *m_name = nullptr;
    QSpinBox *m_interval = nullptr;
    QPushButton *m_add = nullptr;
    QPushButton *m_remove = nullptr;
    QPushButton *m_refresh = nullptr;
    QLabel *m_problem = nullptr;
    QLabel *m_errors = nullptr; // the full reason of each failed refresh
    QCheckBox *m_exportBox = nullptr;
    QLineEdit *m_exportPath = nullptr;
    QPushButton *m_choose = nullptr;
    CalDavAccountsBox *m_caldav = nullptr;
};

} // namespace fermata
