#include "welcomecontroller.h"

#include "calendar/calendarservice.h"
#include "settings/preferences.h"
#include "tasks/taskservice.h"
#include "time/clock.h"
#include "time/interval.h"
#include "views/welcomepanel.h"

namespace fermata {

namespace {

bool eventsNear(const CalendarService &calendar, const Clock &clock)
{
    const QDateTime now = clock.now();
    const auto events = calendar.events(Interval::fromDateTimes(now.addDays(-31), now.addDays(31)));
    return events && !events->isEmpty();
}

} // namespace

bool WelcomeController::isFirstRun(const TaskService &tasks, const CalendarService &calendar, const Clock &clock)
{
    return tasks.tasks().isEmpty() && !eventsNear(calendar, clock);
}

WelcomeController::WelcomeController(WelcomePanel &panel, Preferences &preferences, TaskService &tasks,
                                     CalendarService &calendar, const Clock &clock, QObject *parent)
    : QObject(parent), m_panel(panel), m_preferences(preferences), m_calendar(calendar), m_clock(clock)
{
    if (!preferences.welcomeFinished() && !isFirstRun(tasks, calendar, clock))
        preferences.setWelcomeFinished(); // someone who already uses Fermata needs no welcome
    m_shown = !preferences.welcomeFinished();
    panel.setVisible(m_shown);
    if (!m_shown)
        return;
    panel.setDone(WelcomePanel::Step::Tasks, !tasks.tasks().isEmpty());
    connect(&tasks, &TaskService::taskAdded, this, [this] {
        m_panel.setDone(WelcomePanel::Step::Tasks, true);
        finishIfDone();
    });
    connect(&calendar, &CalendarService::eventsChanged, this, &WelcomeController::calendarChanged);
    connect(&panel, &WelcomePanel::dismissed, this, &WelcomeController::finish);
}

void WelcomeController::hoursSet()
{
    if (!m_shown)
        return;
    m_panel.setDone(WelcomePanel::Step::Hours, true);
    finishIfDone();
}

void WelcomeController::calendarChanged()
{
    if (!m_shown || !eventsNear(m_calendar, m_clock))
        return;
    m_panel.setDone(WelcomePanel::Step::Calendar, true);
    finishIfDone();
}

void WelcomeController::finishIfDone()
{
    for (auto step : {WelcomePanel::Step::Hours, WelcomePanel::Step::Calendar, WelcomePanel::Step::Tasks}) {
        if (!m_panel.isDone(step))
            return;
    }
    finish();
}

void WelcomeController::finish()
{
    m_preferences.setWelcomeFinished();
    m_shown = false;
    m_panel.hide();
}

} // namespace fermata
