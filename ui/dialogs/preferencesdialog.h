#pragma once

#include "settings/preferences.h"

#include <QDialog>

#include <array>
#include <optional>

class QCheckBox;
class QComboBox;
class QDialogButtonBox;
class QLabel;
class QTabWidget;
class QTimeEdit;

namespace fermata {

class AutostartEntry;
class PreferencesPage;

// Tabs: General (working hours per weekday, the time zone, start at login, learn from my
// estimates) and the pages the window adds
// (check-in windows, team, calendars). OK validates every page first, then saves General
// through Preferences::setWorkingHours and each page through its apply(); anything to fix keeps
// OK disabled, shows the page and says why.
class PreferencesDialog final : public QDialog
{
    Q_OBJECT
public:
    explicit PreferencesDialog(Preferences &preferences, QWidget *parent = nullptr);

    // Adds a tab after General; the dialog takes ownership.
    void addPage(PreferencesPage *page);
    // Shows "Start Fermata when I log in" on General, checked when the entry exists; OK writes
    // or removes it. Without this call the option is not offered.
    void setAutostart(const AutostartEntry *autostart);
    // How many finished tasks have focus time (PlanningService::estimateSampleCount): until
    // the person chooses, "Learn from my estimates" shows on from 5. Unknown: shown on.
    void setEstimateSampleCount(int count);
    QTabWidget *tabs() const { return m_tabs; }

    WorkingHours workingHours() const;
    // An empty string when the form can be saved, else what to fix.
    QString validationError() const;

    QCheckBox *workingBox(Qt::DayOfWeek day) const { return m_rows[index(day)].working; }
    QTimeEdit *startEdit(Qt::DayOfWeek day) const { return m_rows[index(day)].start; }
    QTimeEdit *endEdit(Qt::DayOfWeek day) const { return m_rows[index(day)].end; }
    QComboBox *timeZoneBox() const { return m_zone; }
    QCheckBox *autostartBox() const { return m_autostartBox; }
    QCheckBox *learnBox() const { return m_learnBox; }
    QLabel *learnNote() const { return m_learnNote; }
    QLabel *errorLabel() const { return m_error; }
    QDialogButtonBox *buttons() const { return m_buttons; }

    void accept() override;

private:
    struct Row
    {
        QCheckBox *working = nullptr;
        QTimeEdit *start = nullptr;
        QTimeEdit *end = nullptr;
    };

    static size_t index(Qt::DayOfWeek day) { return size_t(day) - 1; }
    QWidget *buildHoursGroup(const WorkingHours &hours);
    QWidget *buildZoneRow();
    QWidget *buildStartupRow();
    QWidget *buildLearningRow();
    void showLearning();
    QString generalError() const;
    void revalidate();
    void showProblem(const QString &problem);

    Preferences &m_preferences;
    std::array<Row, 7> m_rows;
    QTabWidget *m_tabs = nullptr;
    QList<PreferencesPage *> m_pages;
    QComboBox *m_zone = nullptr;
    const AutostartEntry *m_autostart = nullptr;
    QCheckBox *m_autostartBox = nullptr;
    QCheckBox *m_learnBox = nullptr;
    QLabel *m_learnNote = nullptr;
    bool m_learnShown = true;        // the state shown before the person touched it
    std::optional<int> m_sampleCount;
    QLabel *m_error = nullptr;
    QDialogButtonBox *m_buttons = nullptr;
};

} // namespace fermata
