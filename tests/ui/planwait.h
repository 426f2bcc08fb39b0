#pragma once

#include "mainwindow.h"
#include "plancontroller.h"

#include <QAction>
#include <QSignalSpy>

namespace fermata::test {

// Plan runs the planner on a worker thread and stores the plan when it is done: do what
// starts a plan (`start`), then wait until it has landed (or failed, with its message shown).
template<typename Start>
bool waitForPlan(MainWindow &window, Start start)
{
    auto *planner = window.findChild<PlanController *>();
    if (!planner)
        return false;
    QSignalSpy finished(planner, &PlanController::finished);
    start();
    return !finished.isEmpty() || finished.wait(60000);
}

// Triggers Plan (the day shown, or the week in Week) and waits for it.
inline bool planAndWait(MainWindow &window)
{
    return waitForPlan(window, [&window] { window.planAction()->trigger(); });
}

} // namespace fermata::test
