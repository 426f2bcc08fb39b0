#include "planning/planningservice.h"

#include "settings/preferences.h"
#include "tasks/taskservice.h"
#include "storage/database.h"
#include "storage/repositories.h"
#include "time/clock.h"

#include <algorithm>

namespace fermata {

PlanningService::PlanningService(Database &database, TaskService &tasks, const Preferences &preferences,
                                 const Clock &clock, QObject *parent)
    : QObject(parent), m_db(database), m_tasks(tasks), m_preferences(preferences), m_clock(clock)
{
}

Result<PlanRequest> PlanningService::buildRequest(const Interval &range, QList<FocusBlock> *replaceable) const
{
    PlanRequest r;
    r.now = m_clock.now();
    r.horizon = range;
    r.zoneId = m_preferences.timeZoneId();
    r.workingRules = m_preferences.workingHours().rules();

    const Result<QList<CheckInWindow>> windows = CheckInWindowRepository(m_db).all();
    if (!windows)
        return windows.error();
    for (const CheckInWindow &w : *windows)
        r.checkInRules.append(w.rule);

    const Result<QList<CalendarEvent>> events = CalendarEventRepository(m_db).overlapping(range);
    if (!events)
        return events.error();
    r.events = *events;

    // Pinned, started and partly outside blocks stay; the rest may be re-planned.
    const Result<QList<FocusBlock>> stored = FocusBlockRepository(m_db).overlapping(range);
    if (!stored)
        return stored.error();
    for (const FocusBlock &b : *stored) {
        const bool started = r.now.isValid() && b.start < r.now;
        if (b.pinned || started || !range.contains(b.interval()))
            r.fixedBlocks.append(b);
        else
            replaceable->append(b);
    }
    r.previous = *replaceable;
    for (const Task &t : m_tasks.tasks()) {
        if (!t.done)
            r.tasks.append(t);
    }
    return r;
}

Status PlanningService::store(const QList<FocusBlock> &remove, const QList<FocusBlock> &add, QList<qint64> *addedIds)
{
    QList<qint64> ids;
    const Status status = m_db.inTransaction([&]() -> Status {
        FocusBlockRepository repo(m_db);
        for (const FocusBlock &b : remove) {
            if (Status s = repo.remove(b.id); !s)
                return s;
        }
        for (FocusBlock b : add) {
            b.id = 0;
            const Result<qint64> id = repo.add(b);
            if (!id)
                return id.error();
            ids.append(*id);
        }
        return {};
    });
    if (status && addedIds)
        *addedIds = ids;
    return status;
}

Result<Plan> PlanningService::plan(const Interval &requested)
{
    const QDateTime now = m_clock.now();
    const Interval range(std::max(requested.startMs(), now.toMSecsSinceEpoch()), requested.endMs());
    if (range.isEmpty())
        return Error{Error::Code::Invalid, QStringLiteral("the period to plan has already passed")};
    QList<FocusBlock> replaceable;
    const Result<PlanRequest> request = buildRequest(range, &replaceable);
    if (!request)
        return request.error();
    Plan result = Planner::plan(*request);

    QList<FocusBlock> fresh;
    QList<bool> late;
    for (const PlannedBlock &b : result.blocks) {
        if (b.block.id == 0) { // fixed blocks carry their stored ids
            fresh.append(b.block);
            late.append(b.late);
        }
    }
    QList<qint64> ids;
    if (Status s = store(replaceable, fresh, &ids); !s)
        return s.error();

    m_undo = Undo{replaceable, ids};
    m_reasons.clear();
    for (qsizetype i = 0; i < fresh.size(); ++i) {
        fresh[i].id = ids[i];
        m_reasons.insert(ids[i], reasonFor(fresh[i], late[i], range));
    }
    // The stored ids, so the caller can match blocks to what blocks() returns.
    qsizetype k = 0;
    for (PlannedBlock &b : result.blocks) {
        if (b.block.id == 0)
            b.block.id = ids[k++];
        else if (!m_reasons.contains(b.block.id))
            m_reasons.insert(b.block.id, reasonFor(b.block, false, range));
    }
    m_plan = result;
    Q_EMIT planned(m_plan);
    Q_EMIT blocksChanged();
    return m_plan;
}

Status PlanningService::undo()
{
    if (!m_undo)
        return Status::failure(Error::Code::NotFound, QStringLiteral("there is no plan to undo"));
    QList<FocusBlock> added;
    for (qint64 id : m_undo->added)
        added.append(FocusBlock{id, 0, {}, {}, false});
    if (Status s = store(added, m_undo->removed, nullptr); !s)
        return s;
    m_undo.reset();
    m_reasons.clear();
    m_plan = Plan();
    Q_EMIT blocksChanged();
    return {};
}

QList<TaskReport> PlanningService::unplacedTasks() const
{
    QList<TaskReport> out;
    for (const TaskReport &t : m_plan.tasks) {
        if (t.outcome != planning::TaskOutcome::Complete)
            out.append(t);
    }
    return out;
}

QString PlanningService::reasonFor(const FocusBlock &block, bool late, const Interval &range) const
{
    const std::optional<Task> task = m_tasks.task(block.taskId);
    if (!task)
        return {};
    const QString priority = priorityName(task->priority);
    if (!task->hasDeadline())
        return QStringLiteral("%1, no deadline").arg(priority);
    static const char *const names[] = {"Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"};
    static const char *const months[] = {"Jan", "Feb", "Mar", "Apr", "May", "Jun",
                                         "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"};
    const QDateTime local = task->deadline.toTimeZone(m_preferences.timeZone());
    QString when = QLatin1String(names[local.date().dayOfWeek() - 1]);
    // Beyond a week the weekday alone is ambiguous.
    if (qAbs(range.startMs() - local.toMSecsSinceEpoch()) > qint64(6) * 24 * 3600 * 1000)
        when += QStringLiteral(" %1 %2").arg(local.date().day()).arg(QLatin1String(months[local.date().month() - 1]));
    when += QLatin1Char(' ') + local.time().toString(QStringLiteral("HH:mm"));
    return QStringLiteral("%1deadline %2, %3").arg(late ? QStringLiteral("late — ") : QString(), when, priority);
}

QString PlanningService::blockReason(qint64 blockId) const
{
    return m_reasons.value(blockId);
}

Result<FocusBlock> PlanningService::find(qint64 blockId) const
{
    const Result<QList<FocusBlock>> all = FocusBlockRepository(m_db).all();
    if (!all)
        return all.error();
    for (const FocusBlock &b : *all) {
        if (b.id == blockId)
            return b;
    }
    return Error{Error::Code::NotFound, QStringLiteral("the focus block no longer exists")};
}

Status PlanningService::setPinned(qint64 blockId, bool pinned)
{
    Result<FocusBlock> block = find(blockId);
    if (!block)
        return block.error();
    FocusBlock b = *block;
    b.pinned = pinned;
    if (Status s = FocusBlockRepository(m_db).update(b); !s)
        return s;
    Q_EMIT blocksChanged();
    return {};
}

Status PlanningService::pin(qint64 blockId)
{
    return setPinned(blockId, true);
}

Status PlanningService::unpin(qint64 blockId)
{
    return setPinned(blockId, false);
}

Status PlanningService::resize(qint64 blockId, const QDateTime &start, const QDateTime &end)
{
    if (!start.isValid() || !end.isValid() || end <= start)
        return Status::failure(Error::Code::Invalid, QStringLiteral("a focus block must end after it starts"));
    Result<FocusBlock> block = find(blockId);
    if (!block)
        return block.error();
    FocusBlock b = *block;
    b.start = start.toUTC();
    b.end = end.toUTC();
    b.pinned = true; // sized by hand: the planner leaves it alone
    if (Status s = FocusBlockRepository(m_db).update(b); !s)
        return s;
    Q_EMIT blocksChanged();
    return {};
}

Result<qint64> PlanningService::addPinned(qint64 taskId, const QDateTime &start, const QDateTime &end)
{
    if (!start.isValid() || !end.isValid() || end <= start)
        return Error{Error::Code::Invalid, QStringLiteral("a focus block must end after it starts")};
    if (!m_tasks.task(taskId))
        return Error{Error::Code::NotFound, QStringLiteral("the task no longer exists")};
    const Result<qint64> id = FocusBlockRepository(m_db).add(FocusBlock{0, taskId, start.toUTC(), end.toUTC(), true});
    if (!id)
        return id.error();
    Q_EMIT blocksChanged();
    return *id;
}

Result<QList<FocusBlock>> PlanningService::blocks(const Interval &range) const
{
    return FocusBlockRepository(m_db).overlapping(range);
}

} // namespace fermata
