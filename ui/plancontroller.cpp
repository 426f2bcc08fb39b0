#include "plancontroller.h"

#include "models/durationtext.h"
#include "undo/blockcommands.h"
#include "undo/undohistory.h"
#include "views/unplacedtasks.h"
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
    connect(&m_worker, &BackgroundPlanner::finished, this, &PlanController::land);
    m_slow.setSingleShot(true);
    m_slow.setInterval(slowMs);
    connect(&m_slow, &QTimer::timeout, this, [this] {
        Q_EMIT infoMessage(tr("Planning… checking that no better plan exists."));
    });
}

qint64 PlanController::roundUpToGrid(qint64 ms)
{
    constexpr qint64 grid = qint64(5) * 60 * 1000;
    return (ms + grid - 1) / grid * grid;
}

void PlanController::plan(const Interval &range)
{
    if (m_running) {
        m_next = range;
        return;
    }
    if (start(range, 1)) {
        m_slow.start();
        Q_EMIT planningChanged(true);
    } else {
        Q_EMIT finished();
    }
}

bool PlanController::start(const Interval &range, int attempt)
{
    Interval ahead(qMax(range.startMs(), roundUpToGrid(m_context.clock.now().toMSecsSinceEpoch())),
                   range.endMs());
    if (ahead.isEmpty()) {
        Q_EMIT errorOccurred(tr("Could not plan: this period is already over. Pick a later day."));
        return false;
    }
    // Outside working time (a Sunday, after hours) the range holds no work: plan as many days
    // from the next working day on instead, and say which.
    std::optional<Interval> moved;
    if (m_context.preferences.workingHours().expand(ahead).isEmpty()) {
        const int days = qMax(1, int(qRound(double(range.endMs() - range.startMs()) / (24.0 * 3600 * 1000))));
        moved = nextWorkingDays(ahead.startMs(), days);
        if (!moved) {
            Q_EMIT errorOccurred(tr("Could not plan: there are no working hours in the next two weeks. "
                                    "Set them in Preferences."));
            return false;
        }
        ahead = *moved;
    }
    Result<PlanningService::Prepared> prepared = m_context.planning.prepare(ahead);
    if (!prepared) {
        Q_EMIT errorOccurred(tr("Could not plan: %1").arg(prepared.error().message));
        return false;
    }
    m_running = Running{std::move(*prepared), moved.has_value(), false, attempt};
    m_worker.start(m_running->prepared.request);
    return true;
}

void PlanController::land(const Plan &planned)
{
    Running running = std::move(*m_running);
    m_running.reset();
    const Interval ahead = running.prepared.range;
    // What the planner read changed while it worked, or the blocks it replaces did (another
    // plan, an edit): plan again from what is there now, a few times at most, so a calendar
    // that keeps syncing cannot keep the plan away.
    const auto again = [&] {
        if (start(ahead, running.attempt + 1))
            m_running->moved = running.moved;
        else
            stop(); // start() said why
    };
    if (running.inputChanged && running.attempt < maxAttempts) {
        again();
        return;
    }
    const Result<std::optional<Plan>> committed = m_context.planning.commit(running.prepared, planned);
    if (!committed) {
        Q_EMIT errorOccurred(tr("Could not plan: %1").arg(committed.error().message));
    } else if (!committed->has_value()) {
        // Nothing was stored.
        if (running.attempt < maxAttempts) {
            again();
            return;
        }
        Q_EMIT errorOccurred(tr("Could not plan: %1").arg(PlanningService::blocksKeptChanging().message));
    } else {
        m_plannedRange = ahead;
        if (m_history)
            m_history->push(new PlanCommand(*m_history, tr("Plan")));
        Q_EMIT infoMessage(summary(**committed, ahead, running.moved));
    }
    stop();
}

void PlanController::stop()
{
    if (m_next) {
        const Interval next = *m_next;
        m_next.reset();
        if (start(next, 1))
            return;
    }
    m_slow.stop();
    Q_EMIT planningChanged(false);
    Q_EMIT finished();
}

std::optional<Interval> PlanController::nextWorkingDays(qint64 fromMs, int days) const
{
    constexpr qint64 searchMs = qint64(14) * 24 * 3600 * 1000;
    const IntervalSet work = m_context.preferences.workingHours().expand(Interval(fromMs, fromMs + searchMs));
    if (work.isEmpty())
        return std::nullopt;
    const QTimeZone zone = m_context.preferences.timeZone();
    const QDate first = QDateTime::fromMSecsSinceEpoch(work.intervals().first().startMs(), Qt::UTC)
                            .toTimeZone(zone).date();
    return Interval(fromMs, resolveWallClock(first.addDays(days), QTime(0, 0), zone).toMSecsSinceEpoch());
}

QString PlanController::workingDaysText(const Interval &range) const
{
    const IntervalSet work = m_context.preferences.workingHours().expand(range);
    if (work.isEmpty())
        return {};
    const QTimeZone zone = m_context.preferences.timeZone();
    const auto dateOf = [&zone](qint64 ms) {
        return QDateTime::fromMSecsSinceEpoch(ms, Qt::UTC).toTimeZone(zone).date();
    };
    const QLocale locale;
    const QDate first = dateOf(work.intervals().first().startMs());
    const QDate last = dateOf(work.intervals().last().endMs() - 1);
    const QString firstName = locale.dayName(first.dayOfWeek(), QLocale::ShortFormat);
    if (first == last)
        return firstName;
    return tr("%1–%2").arg(firstName, locale.dayName(last.dayOfWeek(), QLocale::ShortFormat));
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

QString PlanController::qualityText(const PlanQuality &quality)
{
    const int shortAtMost = quality.percentShortAtMost();
    if (shortAtMost == 0)
        return QLatin1Char(' ') + tr("Optimal: no other plan gets more important work done on time.");
    if (shortAtMost > 0 && shortAtMost < 100)
        return QLatin1Char(' ') + tr("Within %1% of the best possible.").arg(shortAtMost);
    return {}; // no bound, or one too loose to say anything
}

QString PlanController::summary(const Plan &plan, const Interval &range, bool moved) const
{
    int blocks = 0;
    int minutes = 0;
    for (const PlannedBlock &block : plan.blocks) {
        if (block.block.pinned || block.block.start.toMSecsSinceEpoch() < range.startMs())
            continue;
        ++blocks;
        minutes += int(block.block.start.secsTo(block.block.end) / 60);
    }
    QString text;
    if (moved && blocks == 0)
        text = tr("Nothing new to plan for %1.").arg(workingDaysText(range));
    else if (moved && blocks == 1)
        text = tr("Planned %1: 1 block, %2.").arg(workingDaysText(range), DurationText::format(minutes));
    else if (moved)
        text = tr("Planned %1: %2 blocks, %3.")
                   .arg(workingDaysText(range)).arg(blocks).arg(DurationText::format(minutes));
    else if (blocks == 0)
        text = tr("Nothing new to plan in this range.");
    else if (blocks == 1)
        text = tr("Planned 1 block, %1.").arg(DurationText::format(minutes));
    else
        text = tr("Planned %1 blocks, %2.").arg(blocks).arg(DurationText::format(minutes));
    if (blocks > 0)
        text += qualityText(plan.quality);
    // A day a busy all-day event takes stays empty: say why, or it looks like a planner bug.
    for (const DayReport &day : plan.days) {
        if (!day.blockedBy.isEmpty())
            text += QLatin1Char(' ') + tr("%1 is blocked by '%2' (all day).")
                        .arg(QLocale().dayName(day.date.dayOfWeek(), QLocale::ShortFormat), day.blockedBy);
    }
    // Named here, not "see the list": Week and the command line have no list.
    if (const QString unplaced = UnplacedTasks::sentence(m_context, UnplacedTasks::current(m_context));
        !unplaced.isEmpty())
        text += QLatin1Char(' ') + unplaced;
    return text;
}

void PlanController::checkPlan()
{
    if (m_running) {
        m_running->inputChanged = true;
        return; // the plan under way is planned again; asking to re-plan now would be noise
    }
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
