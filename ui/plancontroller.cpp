#include "plancontroller.h"

#include "models/durationtext.h"
#include "calendar/calendarservice.h"
#include "planning/planningservice.h"
#include "tasks/taskservice.h"
#include "time/clock.h"

namespace fermata {

PlanController::PlanController(const UiContext &context, QObject *parent)
    : QObject(parent)
    , m_context(context)
{
    connect(&m_context.calendar, &CalendarService::eventsChanged, this, &PlanController::checkPlan);
    connect(&m_context.tasks, &TaskService::taskChanged, this, &PlanController::checkPlan);
}

qint64 PlanController::roundUpToGrid(qint64 ms)
{
    constexpr qint64 grid = qint64(5) * 60 * 1000;
    return (ms + grid - 1) / grid * grid;
}

bool PlanController::canUndo() const
{
    return m_context.planning.canUndo();
}

void PlanController::plan(const Interval &range)
{
    const Interval ahead(qMax(range.startMs(), roundUpToGrid(m_context.clock.now().toMSecsSinceEpoch())),
                         range.endMs());
    if (ahead.isEmpty()) {
        Q_EMIT errorOccurred(tr("Could not plan: this period is already over. Pick a later day."));
        return;
    }
    const Result<Plan> planned = m_context.planning.plan(ahead);
    if (!planned) {
        Q_EMIT errorOccurred(tr("Could not plan: %1").arg(planned.error().message));
        return;
    }
    m_plannedRange = ahead;
    Q_EMIT infoMessage(summary(*planned, ahead));
}

void PlanController::replan()
{
    if (m_plannedRange)
        plan(*m_plannedRange);
}

void PlanController::undo()
{
    if (!m_context.planning.canUndo())
        return;
    if (const Status undone = m_context.planning.undo(); !undone) {
        Q_EMIT errorOccurred(tr("Could not undo the plan: %1").arg(undone.error().message));
        return;
    }
    m_plannedRange.reset();
    Q_EMIT infoMessage(tr("Plan undone."));
}

QString PlanController::summary(const Plan &plan, const Interval &range) const
{
    int blocks = 0;
    int minutes = 0;
    for (const PlannedBlock &block : plan.blocks) {
        if (block.block.pinned || block.block.start.toMSecsSinceEpoch() < range.startMs())
            continue;
        ++blocks;
        minutes += int(block.block.start.secsTo(block.block.end) / 60);
    }
    const qsizetype unplaced = m_context.planning.unplacedTasks().size();
    QString text;
    if (blocks == 0)
        text = tr("Nothing new to plan in this range.");
    else if (blocks == 1)
        text = tr("Planned 1 block, %1.").arg(DurationText::format(minutes));
    else
        text = tr("Planned %1 blocks, %2.").arg(blocks).arg(DurationText::format(minutes));
    if (unplaced == 1)
        text += QLatin1Char(' ') + tr("1 task could not be placed — see the list.");
    else if (unplaced > 1)
        text += QLatin1Char(' ') + tr("%1 tasks could not be placed — see the list.").arg(unplaced);
    return text;
}

void PlanController::checkPlan()
{
    if (!m_plannedRange)
        return;
    const qint64 now = m_context.clock.now().toMSecsSinceEpoch();
    if (now >= m_plannedRange->endMs())
        return;
    const Interval ahead(qMax(now, m_plannedRange->startMs()), m_plannedRange->endMs());
    const auto blocks = m_context.planning.blocks(ahead);
    const auto events = m_context.calendar.events(ahead);
    if (!blocks || !events)
        return;
    for (const FocusBlock &block : *blocks) {
        if (block.pinned || block.start.toMSecsSinceEpoch() < now)
            continue;
        const auto task = m_context.tasks.task(block.taskId);
        bool invalid = !task || task->done;
        for (const CalendarEvent &event : *events)
            invalid = invalid || (event.busy && !event.allDay && event.busyInterval().overlaps(block.interval()));
        if (invalid) {
            Q_EMIT replanSuggested();
            return;
        }
    }
}

} // namespace fermata
