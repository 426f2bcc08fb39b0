#pragma once

#include <QGroupBox>
#include <QTimeZone>

class QCheckBox;
class QLabel;
class QLineEdit;
class QPushButton;
class QStandardItem;
class QStandardItemModel;
class QTreeView;

namespace fermata {

class CalDavSync;
class Clock;
struct CalDavAccount;
struct CalDavCalendarRecord;

// Preferences > Calendars > CalDAV accounts: each account with its last sync (and what went
// wrong, in full, under the list), its calendars with their colours, which are read and which
// one receives focus blocks (both act at once, then sync), the title colleagues see on focus
// blocks (of the selected account, or the only one), and Add / Sync Now / Remove.
class CalDavAccountsBox final : public QGroupBox
{
    Q_OBJECT
public:
    enum Column { NameColumn, ReadColumn, BlocksColumn, StatusColumn, ColumnCount };
    enum Role { AccountIdRole = Qt::UserRole + 1, CalendarIdRole };

    CalDavAccountsBox(CalDavSync &sync, const Clock &clock, const QTimeZone &zone, QWidget *parent = nullptr);

    void reload();
    // Opens Add CalDAV Account….
    void addAccount();
    void syncNow();
    // Removes the account, deleting the focus block events it wrote (after a question in the
    // window; this call itself does not ask).
    void removeAccount(qint64 accountId);
    // "Synced today 09:12", "Not synced — tried today 09:12", "Syncing…".
    QString statusText(const CalDavAccount &account) const;

    QTreeView *list() const { return m_list; }
    QStandardItemModel *model() const { return m_model; }
    QLabel *problemLabel() const { return m_problem; }
    QPushButton *syncButton() const { return m_sync; }
    QPushButton *removeButton() const { return m_remove; }
    QPushButton *addButton() const { return m_add; }
    QLineEdit *titleEdit() const { return m_title; }
    QCheckBox *taskTitlesBox() const { return m_taskTitles; }

private:
    QList<QStandardItem *> calendarRow(const CalDavCalendarRecord &calendar) const;
    void onItemChanged(QStandardItem *item);
    void removeSelected();
    qint64 selectedAccount() const;
    void updateButtons();
    // The account the title fields edit: the selected one, else the first; 0 without any.
    qint64 titleAccount() const;
    void showTitle();
    void saveTitle();
    QString timeText(const QDateTime &when) const;

    CalDavSync &m_caldav;
    const Clock &m_clock;
    QTimeZone m_zone;
    QStandardItemModel *m_model = nullptr;
    QTreeView *m_list = nullptr;
    QLabel *m_problem = nullptr;
    QPushButton *m_add = nullptr;
    QPushButton *m_sync = nullptr;
    QPushButton *m_remove = nullptr;
    QLineEdit *m_title = nullptr;
    QCheckBox *m_taskTitles = nullptr;
    bool m_reloading = false;
};

} // namespace fermata
