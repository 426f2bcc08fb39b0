#pragma once

#include <QObject>

namespace fermata {

class Clock;
class Preferences;
class TaskService;
class CalendarService;
class WelcomePanel;

// Decides when the first-run welcome shows: only on a first run (no tasks, no events near
// today, never finished before), until its three steps are done or it is skipped; then it is
// finished for good (Preferences). A step is done when the person did it, whichever way:
// Preferences accepted, a calendar brought events, a task added.
class WelcomeController final : public QObject
{
    Q_OBJECT
public:
    WelcomeController(WelcomePanel &panel, Preferences &preferences, TaskService &tasks,
                      CalendarService &calendar, const Clock &clock, QObject *parent = nullptr);

    // A first run: no task, and no event within a month of today.
    static bool isFirstRun(const TaskService &tasks, const CalendarService &calendar, const Clock &clock);

    bool isShown() const { return m_shown; }
    // The person accepted Preferences (working hours and check-in windows).
    void hoursSet();

private:
    void calendarChanged();
    void finishIfDone();
    void finish();

    WelcomePanel &m_panel;
    Preferences &m_preferences;
    CalendarService &m_calendar;
    const Clock &m_clock;
    bool m_shown = false;
};

} // namespace fermata
