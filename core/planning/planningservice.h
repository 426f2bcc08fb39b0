#pragma once

#include "planning/planner.h"
#include "result.h"
#include "tasks/estimatelearning.h"
#include "time/interval.h"

#include <QHash>
#include <QList>
#include <QObject>

#include <optional>

namespace fermata {

class Clock;
class Database;
class Preferences;
class TaskService;

// Plans focus blocks from the app's state and keeps them in storage: open tasks, busy
// calendar events, working hours and zone, check-in windows, and the blocks already there
// (pinned and past ones are fixed; the rest are the previous plan, kept where still valid).
// A plan replaces the unpinned future blocks of its range in one transaction and can be
// undone (the last plans, newest first) and redone. Pinned blocks never move.
class PlanningService final : public QObject
{
    Q_OBJECT
public:
    PlanningService(Database &database, TaskService &tasks, const Preferences &preferences,
                    const Clock &clock, QObject *parent = nullptr);

    // Plans [range.start, range.end) (never before now) and stores the blocks.
    Result<Plan> plan(const Interval &range);

    // The same in three steps, so the planner itself can run on another thread: prepare()
    // reads what the plan needs, Planner::plan(prepared.request) is pure, commit() stores.
    struct Prepared
    {
        Interval range;
        PlanRequest request;
        QList<FocusBlock> replaceable;  // stored blocks the plan replaces
        QList<FocusBlock> stored;       // every stored block of the range, to see if it changed
        QHash<qint64, LearnedEstimate> learned;
    };
    Result<Prepared> prepare(const Interval &range) const;
    // Stores `planned`. Nothing when the range's stored blocks changed since prepare() (another
    // plan, an edit, another process): then nothing is stored, and the caller prepares again.
    Result<std::optional<Plan>> commit(const Prepared &prepared, Plan planned);
    // What to say when commit() stored nothing several times in a row.
    static Error blocksKeptChanging();

    // Puts back the blocks the last plan replaced. False when there is nothing to undo.
    // Blocks put back get new ids: `newIds` (optional) receives old id -> new id.
    bool canUndo() const { return !m_undo.isEmpty(); }
    Status undo(QHash<qint64, qint64> *newIds = nullptr);
    // Applies the plan the last undo() took back (until the next plan()).
    bool canRedo() const { return !m_redo.isEmpty(); }
    Status redo(QHash<qint64, qint64> *newIds = nullptr);

    // The last plan's explanations.
    QList<TaskReport> unplacedTasks() const; // partial, late, unplanned or invalid, with reasons
    QList<DayReport> days() const { return m_plan.days; } // planned vs available, overloaded
    // Why a stored block is where it is ("deadline Thu 17:00, P1"), for hover text.
    QString blockReason(qint64 blockId) const;

    // Blocks the person moved or sized by hand; a pinned block never moves when re-planning.
    Status pin(qint64 blockId);
    Status unpin(qint64 blockId);
    // New start and end (slot boundaries are not enforced); the block becomes pinned.
    Status resize(qint64 blockId, const QDateTime &start, const QDateTime &end);
    // A block the person placed by hand (dropped a task on the timeline); stored pinned.
    Result<qint64> addPinned(qint64 taskId, const QDateTime &start, const QDateTime &end);
    // Removes one stored block (undoing addPinned()).
    Status removeBlock(qint64 blockId);

    Result<QList<FocusBlock>> blocks(const Interval &range) const;

    // "Learn from my estimates" (issue 17): whether plans use learnt times, read afresh.
    bool isLearningEstimates() const;
    // Finished tasks with recorded focus time (learning turns itself on from 5).
    int estimateSampleCount() const;
    // The time the planner gives `task` when learning is on and it differs from the entered
    // remaining time ("planned as 2 h 40 min from your last 8 'writing' tasks"); else nothing.
    std::optional<LearnedEstimate> learnedEstimate(const Task &task) const;

Q_SIGNALS:
    void planned(const fermata::Plan &plan);
    void blocksChanged();

private:
    struct Undo
    {
        QList<FocusBlock> removed;  // as they were before the plan (ids are new after undo)
        QList<FocusBlock> added;    // as the plan stored them (ids are new after redo)
        Plan plan;
        QHash<qint64, QString> reasons;
    };
    // Replaces `from` by `to` (stored anew); records the new ids in `to` and `newIds`.
    Status swap(QList<FocusBlock> from, QList<FocusBlock> &to, QHash<qint64, qint64> *newIds);
    static constexpr qsizetype maxUndo = 50;
    static constexpr int maxAttempts = 3; // plan() when another process keeps changing the blocks
    // `stored`: every stored block overlapping `range`; `replaceable`: those a plan may replace.
    Result<PlanRequest> buildRequest(const Interval &range, QList<FocusBlock> *replaceable,
                                     QList<FocusBlock> *stored) const;
    // Blocks of tasks whose teammate's wait now ends earlier than they start are not kept.
    void releaseWaitsThatEnded(PlanRequest &request) const;
    // With learning on, plans each open task with its scaled remaining time; returns what
    // changed per task id (for the reasons). Off: leaves the request exactly as it was.
    Result<QHash<qint64, LearnedEstimate>> learnEstimates(PlanRequest &request) const;
    // `expected`: the range's stored blocks must still be exactly these, else nothing is
    // stored and `*changed` is set.
    Status store(const QList<FocusBlock> &remove, const QList<FocusBlock> &add, QList<qint64> *addedIds,
                 const std::optional<std::pair<Interval, QList<FocusBlock>>> &expected = std::nullopt,
                 bool *changed = nullptr);
    QString reasonFor(const FocusBlock &block, bool late, const Interval &range,
                      const QList<TeammateCommitment> &commitments,
                      const QHash<qint64, LearnedEstimate> &learned) const;
    QString plainReasonFor(const Task &task, bool late, const Interval &range,
                           const QList<TeammateCommitment> &commitments) const;
    Status setPinned(qint64 blockId, bool pinned);
    Result<FocusBlock> find(qint64 blockId) const;

    Database &m_db;
    TaskService &m_tasks;
    const Preferences &m_preferences;
    const Clock &m_clock;
    Plan m_plan;
    QList<Undo> m_undo; // newest last
    QList<Undo> m_redo; // newest last
    QHash<qint64, QString> m_reasons; // stored block id -> reason
};

} // namespace fermata
