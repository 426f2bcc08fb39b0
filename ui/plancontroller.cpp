#include "plancontroller.h"

#include "models/durationtext.h"
#include "calendar/calendarservice.h"
#include "planning/planningservice.h"
#include "tasks/taskservice.h"
#include "settings/preferences.h"
#include "time/clock.h"
#include "time/weeklyrule.h"

#include <QLocale>
#include <QTimeZone>

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
    if (const std::optional<Interval> range = watchedRange())
        plan(*range);
}

QString PlanController::replanOfferText()
{
    return tr("Your plan no longer fits: a meeting or task changed.");
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
    // A day a busy all-day event takes stays empty: say why, or it looks like a planner bug.
    for (const DayReport &day : plan.days) {
        if (!day.blockedBy.isEmpty())
            text += QLatin1Char(' ') + tr("%1 is blocked by '%2' (all day).")
                        .arg(QLocale().dayName(day.date.dayOfWeek(), QLocale::ShortFormat), day.blockedBy);
    }
    if (unplaced == 1)
        text += QLatin1Char(' ') + tr("1 task could not be placed — see the list.");
    else if (unplaced > 1)
        text += QLatin1Char(' ') + tr("%1 tasks could not be placed — see the list.").arg(unplaced);
    return text;
}

void PlanController::checkPlan()
{
    if (planNoLongerFits())
        Q_EMIT replanSuggested();
}

std::optional<Interval> PlanController::watchedRange() const
{
    const qint64 now = m_context.clock.now().toMSecsSinceEpoch();
    if (m_plannedRange) {
        if (now >= m_plannedRange->endMs())
            return std::nullopt;
        return Interval(qMax(now, m_plannedRange->startMs()), m_plannedRange->endMs());
    }
    // No Plan in this session: watch the planned blocks of the weeks ahead, to their day's end.
    constexpr qint64 lookAheadMs = qint64(28) * 24 * 3600 * 1000;
    const auto blocks = m_context.planning.blocks(Interval(now, now + lookAheadMs));
    if (!blocks)
        return std::nullopt;
    qint64 end = now;
    for (const FocusBlock &block : *blocks) {
        if (!block.pinned)
            end = qMax(end, block.end.toMSecsSinceEpoch());
    }
    if (end <= now)
        return std::nullopt;
    const QTimeZone zone = m_context.preferences.timeZone();
    const QDate lastDay = QDateTime::fromMSecsSinceEpoch(end - 1, Qt::UTC).toTimeZone(zone).date();
    return Interval(now, resolveWallClock(lastDay.addDays(1), QTime(0, 0), zone).toMSecsSinceEpoch());
}

bool PlanController::planNoLongerFits() const
{
    const std::optional<Interval> ahead = watchedRange();
    if (!ahead)
        return false;
    const qint64 now = m_context.clock.now().toMSecsSinceEpoch();
    const auto blocks = m_context.planning.blocks(*ahead);
    const auto events = m_context.calendar.events(*ahead);
    if (!blocks || !events)
        return false;
    for (const FocusBlock &block : *blocks) {
        if (block.pinned || block.start.toMSecsSinceEpoch() < now)
            continue;
        const auto task = m_context.tasks.task(block.taskId);
        if (!task || task->done)
            return true;
        // The planner's own rule: a busy event takes its time (an all-day one its whole days).
        for (const CalendarEvent &event : *events) {
            if (event.busy && event.busyInterval().overlaps(block.interval()))
                return true;
        }
    }
    return false;
}

} // namespace fermata
