#include "planning/planningservice.h"
#include "time/localtext.h"

#include "settings/preferences.h"
#include "tasks/taskservice.h"
#include "storage/database.h"
#include "storage/repositories.h"
#include "time/clock.h"

#include <QCoreApplication>

#include <algorithm>

namespace {

// Messages people read, filed under the planning context of the core's translations.
struct Text
{
    Q_DECLARE_TR_FUNCTIONS(fermata::Planning)
};

} // namespace

namespace fermata {

PlanningService::PlanningService(Database &database, TaskService &tasks, const Preferences &preferences,
                                 const Clock &clock, QObject *parent)
    : QObject(parent), m_db(database), m_tasks(tasks), m_preferences(preferences), m_clock(clock)
{
}

Result<PlanRequest> PlanningService::buildRequest(const Interval &range, QList<FocusBlock> *replaceable,
                                                  QList<FocusBlock> *stored) const
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
    const Result<QList<FocusBlock>> inRange = FocusBlockRepository(m_db).overlapping(range);
    if (!inRange)
        return inRange.error();
    *stored = *inRange;
    for (const FocusBlock &b : *inRange) {
        const bool started = r.now.isValid() && b.start < r.now;
        if (b.pinned || started || !range.contains(b.interval()))
            r.fixedBlocks.append(b);
        else
            replaceable->append(b);
    }
    r.previous = *replaceable;
    const Result<QList<TeammateCommitment>> commitments = TeamCommitmentRepository(m_db).all();
    if (!commitments)
        return commitments.error();
    r.commitments = *commitments;
    for (const Task &t : m_tasks.tasks()) {
        if (!t.done)
            r.tasks.append(t);
    }
    releaseWaitsThatEnded(r);
    return r;
}

void PlanningService::releaseWaitsThatEnded(PlanRequest &r) const
{
    // A task waiting for a teammate was placed no earlier than their planned finish. When they
    // finish early (or move it earlier), keeping its blocks for stability would hold it where
    // the old wait put it: its blocks are not kept when it could now start on an earlier day
    // (a wait ending at midnight before a 09:00 block is the normal case, and keeps them).
    QHash<qint64, QDateTime> canStart;
    for (const Task &t : std::as_const(r.tasks)) {
        if (t.afterCommitment.isNull())
            continue;
        const QDateTime wait = commitmentWait(t.afterCommitment, r.commitments, r.zoneId).earliestStart;
        canStart.insert(t.id, wait.isValid() && wait > r.now ? wait : r.now);
    }
    if (canStart.isEmpty())
        return;
    QHash<qint64, QDateTime> firstStart;
    for (const FocusBlock &b : std::as_const(r.previous)) {
        if (canStart.contains(b.taskId) && (!firstStart.contains(b.taskId) || b.start < firstStart.value(b.taskId)))
            firstStart.insert(b.taskId, b.start);
    }
    const QTimeZone zone = QTimeZone(r.zoneId).isValid() ? QTimeZone(r.zoneId) : QTimeZone::utc();
    const auto day = [&zone](const QDateTime &at) { return at.toTimeZone(zone).date(); };
    r.previous.removeIf([&](const FocusBlock &b) {
        return firstStart.contains(b.taskId) && day(firstStart.value(b.taskId)) > day(canStart.value(b.taskId));
    });
}

Status PlanningService::store(const QList<FocusBlock> &remove, const QList<FocusBlock> &add, QList<qint64> *addedIds,
                              const std::optional<std::pair<Interval, QList<FocusBlock>>> &expected, bool *changed)
{
    QList<qint64> ids;
    const Status status = m_db.inTransaction([&]() -> Status {
        FocusBlockRepository repo(m_db);
        if (expected) {
            const Result<QList<FocusBlock>> now = repo.overlapping(expected->first);
            if (!now)
                return now.error();
            if (*now != expected->second) {
                *changed = true;
                return {}; // nothing written: the transaction commits empty
            }
        }
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
    for (int attempt = 1;; ++attempt) {
        const Result<Prepared> prepared = prepare(requested);
        if (!prepared)
            return prepared.error();
        Result<std::optional<Plan>> committed = commit(*prepared, Planner::plan(prepared->request));
        if (!committed)
            return committed.error();
        if (committed->has_value())
            return std::move(**committed);
        // Another process changed the blocks while this one planned: plan again.
        if (attempt == maxAttempts)
            return blocksKeptChanging();
    }
}

Error PlanningService::blocksKeptChanging()
{
    return Error{Error::Code::Database,
                 Text::tr("the planned blocks kept changing while planning (another Fermata is planning "
                          "the same days); try again")};
}

Result<PlanningService::Prepared> PlanningService::prepare(const Interval &requested) const
{
    const QDateTime now = m_clock.now();
    Prepared p;
    p.range = Interval(std::max(requested.startMs(), now.toMSecsSinceEpoch()), requested.endMs());
    if (p.range.isEmpty())
        return Error{Error::Code::Invalid, Text::tr("the period to plan has already passed")};
    Result<PlanRequest> request = buildRequest(p.range, &p.replaceable, &p.stored);
    if (!request)
        return request.error();
    p.request = std::move(*request);
    const Result<QHash<qint64, LearnedEstimate>> learned = learnEstimates(p.request);
    if (!learned)
        return learned.error();
    p.learned = *learned;
    return p;
}

Result<std::optional<Plan>> PlanningService::commit(const Prepared &prepared, Plan result)
{
    const Interval &range = prepared.range;
    const QHash<qint64, LearnedEstimate> &learned = prepared.learned;
    const PlanRequest &request = prepared.request;
    QList<FocusBlock> fresh;
    QList<bool> late;
    for (const PlannedBlock &b : result.blocks) {
        if (b.block.id == 0) { // fixed blocks carry their stored ids
            fresh.append(b.block);
            late.append(b.late);
        }
    }
    QList<qint64> ids;
    bool changed = false;
    if (Status s = store(prepared.replaceable, fresh, &ids, std::pair(range, prepared.stored), &changed); !s)
        return s.error();
    if (changed)
        return std::optional<Plan>();

    m_reasons.clear();
    for (qsizetype i = 0; i < fresh.size(); ++i) {
        fresh[i].id = ids[i];
        m_reasons.insert(ids[i], reasonFor(fresh[i], late[i], range, request.commitments, learned));
    }
    // The stored ids, so the caller can match blocks to what blocks() returns.
    qsizetype k = 0;
    for (PlannedBlock &b : result.blocks) {
        if (b.block.id == 0)
            b.block.id = ids[k++];
        else if (!m_reasons.contains(b.block.id))
            m_reasons.insert(b.block.id, reasonFor(b.block, false, range, request.commitments, learned));
    }
    m_plan = result;
    m_undo.append(Undo{prepared.replaceable, fresh, m_plan, m_reasons});
    if (m_undo.size() > maxUndo)
        m_undo.removeFirst();
    m_redo.clear();
    Q_EMIT planned(m_plan);
    Q_EMIT blocksChanged();
    return std::optional<Plan>(m_plan);
}

Status PlanningService::swap(QList<FocusBlock> from, QList<FocusBlock> &to, QHash<qint64, qint64> *newIds)
{
    QList<qint64> ids;
    if (Status s = store(from, to, &ids); !s)
        return s;
    for (qsizetype i = 0; i < to.size(); ++i) {
        if (newIds)
            newIds->insert(to[i].id, ids[i]);
        to[i].id = ids[i];
    }
    return {};
}

Status PlanningService::undo(QHash<qint64, qint64> *newIds)
{
    if (m_undo.isEmpty())
        return Status::failure(Error::Code::NotFound, Text::tr("there is no plan to undo"));
    Undo record = m_undo.takeLast();
    QHash<qint64, qint64> ids;
    if (Status s = swap(record.added, record.removed, &ids); !s) {
        m_undo.clear();
        return s;
    }
    // Earlier plans stored the blocks just put back: their undo removes them by the new ids.
    for (Undo &earlier : m_undo) {
        for (FocusBlock &b : earlier.added)
            b.id = ids.value(b.id, b.id);
    }
    if (newIds)
        newIds->insert(ids);
    m_redo.append(record);
    m_reasons.clear();
    m_plan = Plan();
    if (!m_undo.isEmpty()) {
        m_plan = m_undo.last().plan;
        m_reasons = m_undo.last().reasons;
    }
    Q_EMIT blocksChanged();
    return {};
}

Status PlanningService::redo(QHash<qint64, qint64> *newIds)
{
    if (m_redo.isEmpty())
        return Status::failure(Error::Code::NotFound, Text::tr("there is no plan to redo"));
    Undo record = m_redo.takeLast();
    QHash<qint64, qint64> ids;
    if (Status s = swap(record.removed, record.added, &ids); !s) {
        m_redo.clear();
        return s;
    }
    QHash<qint64, QString> reasons;
    for (auto it = record.reasons.cbegin(); it != record.reasons.cend(); ++it)
        reasons.insert(ids.value(it.key(), it.key()), it.value());
    record.reasons = reasons;
    // Later plans (still to redo) replace these blocks: they remove them by the new ids.
    for (Undo &later : m_redo) {
        for (FocusBlock &b : later.removed)
            b.id = ids.value(b.id, b.id);
    }
    for (PlannedBlock &b : record.plan.blocks)
        b.block.id = ids.value(b.block.id, b.block.id);
    if (newIds)
        newIds->insert(ids);
    m_undo.append(record);
    m_plan = record.plan;
    m_reasons = record.reasons;
    Q_EMIT planned(m_plan);
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

QString PlanningService::reasonFor(const FocusBlock &block, bool late, const Interval &range,
                                   const QList<TeammateCommitment> &commitments,
                                   const QHash<qint64, LearnedEstimate> &learned) const
{
    const std::optional<Task> task = m_tasks.task(block.taskId);
    if (!task)
        return {};
    const QString reason = plainReasonFor(*task, late, range, commitments);
    const auto estimate = learned.constFind(task->id);
    if (estimate == learned.cend())
        return reason;
    // "P2, no deadline, planned as 2 h 40 min from your last 8 'writing' tasks"
    return reason + QStringLiteral(", ") + EstimateLearning::plannedText(*estimate);
}

QString PlanningService::plainReasonFor(const Task &task, bool late, const Interval &range,
                                        const QList<TeammateCommitment> &commitments) const
{
    // "waits for Ada's 'API spec', planned to finish Wed, P2, no deadline"
    const QString wait = task.afterCommitment.isNull()
        ? QString()
        : commitmentWait(task.afterCommitment, commitments, m_preferences.timeZoneId()).text + QStringLiteral(", ");
    const QString priority = wait + priorityName(task.priority);
    if (!task.hasDeadline())
        return Text::tr("%1, no deadline").arg(priority);
    const QDateTime local = task.deadline.toTimeZone(m_preferences.timeZone());
    QString when = localtext::shortDay(local.date());
    // Beyond a week the weekday alone is ambiguous.
    if (qAbs(range.startMs() - local.toMSecsSinceEpoch()) > qint64(6) * 24 * 3600 * 1000)
        when += QStringLiteral(" %1 %2").arg(local.date().day()).arg(localtext::shortMonth(local.date().month()));
    when += QLatin1Char(' ') + local.time().toString(QStringLiteral("HH:mm"));
    return late ? Text::tr("late — deadline %1, %2").arg(when, priority)
                : Text::tr("deadline %1, %2").arg(when, priority);
}

Result<QHash<qint64, LearnedEstimate>> PlanningService::learnEstimates(PlanRequest &request) const
{
    QHash<qint64, LearnedEstimate> changed;
    const std::optional<bool> choice = m_preferences.learnFromEstimates();
    if (choice == false)
        return changed;
    const Result<EstimateLearning> learning = EstimateLearning::read(m_db);
    if (!learning)
        return learning.error();
    if (!EstimateLearning::isOn(choice, learning->sampleCount()))
        return changed;
    return learning->apply(request.tasks);
}

bool PlanningService::isLearningEstimates() const
{
    const std::optional<bool> choice = m_preferences.learnFromEstimates();
    return choice ? *choice : EstimateLearning::isOn(choice, estimateSampleCount());
}

int PlanningService::estimateSampleCount() const
{
    const Result<EstimateLearning> learning = EstimateLearning::read(m_db);
    return learning ? learning->sampleCount() : 0;
}

std::optional<LearnedEstimate> PlanningService::learnedEstimate(const Task &task) const
{
    const std::optional<bool> choice = m_preferences.learnFromEstimates();
    if (choice == false || task.done)
        return std::nullopt;
    const Result<EstimateLearning> learning = EstimateLearning::read(m_db);
    if (!learning || !EstimateLearning::isOn(choice, learning->sampleCount()))
        return std::nullopt;
    return learning->estimateFor(task);
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
    return Error{Error::Code::NotFound, Text::tr("the focus block no longer exists")};
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
        return Status::failure(Error::Code::Invalid, Text::tr("a focus block must end after it starts"));
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
        return Error{Error::Code::Invalid, Text::tr("a focus block must end after it starts")};
    if (!m_tasks.task(taskId))
        return Error{Error::Code::NotFound, Text::tr("the task no longer exists")};
    const Result<qint64> id = FocusBlockRepository(m_db).add(FocusBlock{0, taskId, start.toUTC(), end.toUTC(), true});
    if (!id)
        return id.error();
    Q_EMIT blocksChanged();
    return *id;
}

Status PlanningService::removeBlock(qint64 blockId)
{
    if (Status s = FocusBlockRepository(m_db).remove(blockId); !s)
        return s;
    m_reasons.remove(blockId);
    Q_EMIT blocksChanged();
    return {};
}

Result<QList<FocusBlock>> PlanningService::blocks(const Interval &range) const
{
    return FocusBlockRepository(m_db).overlapping(range);
}

} // namespace fermata
