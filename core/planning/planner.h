#pragma once

#include "model/calendarevent.h"
#include "model/commitment.h"
#include "model/focusblock.h"
#include "model/task.h"
#include "planning/problem.h"
#include "time/intervalset.h"
#include "time/weeklyrule.h"

#include <QByteArray>
#include <QDate>
#include <QList>

namespace fermata {

struct PlanSettings
{
    int minFocusBlockMinutes = 60;
    int maxBlockBeforeBreakMinutes = 120;
    int breakMinutes = 10;
    int dailyCapMinutes = 0;   // 0: no cap
    int slotMinutes = 5;
    bool planLateWork = true;  // work that misses its deadline is still planned, flagged late
    bool operator==(const PlanSettings &) const = default;
};

// Everything the planner needs, in core types. Working hours and check-ins come either as
// weekly rules (expanded in their zones) or as already-expanded intervals (or both).
// Pinned blocks in the future count toward their task's remainingMinutes; blocks that ended
// before `now` are history (remainingMinutes already excludes them) and are never moved.
struct PlanRequest
{
    Interval horizon;
    QDateTime now;                     // invalid: nothing is in the past
    QByteArray zoneId = "UTC";         // the user's zone: days, parts of day, explanations
    QList<WeeklyRule> workingRules;
    IntervalSet workingIntervals;
    QList<WeeklyRule> checkInRules;
    IntervalSet checkInIntervals;
    QList<CalendarEvent> events;       // busy ones block time (with buffers; all-day ones their
                                       // whole days); free ones are ignored
    QList<FocusBlock> fixedBlocks;     // pinned or past
    QList<FocusBlock> previous;        // the last plan, for stable re-planning
    QList<Task> tasks;
    QList<TeammateCommitment> commitments; // those tasks may wait for (Task::afterCommitment)
    PlanSettings settings;
};

// What waiting for a teammate's commitment means for a task. Open work holds the task back to
// the midnight after its planned finish day (a date in the owner's zone; the person's when the
// owner's is unknown), or to its due time when the owner has not planned it; done, dropped,
// undated and unknown commitments hold nothing back. `text` says so for reasons:
// "waits for Ada's 'API spec', planned to finish Wed".
struct CommitmentWait
{
    QDateTime earliestStart; // invalid: no delay
    QString text;
};
CommitmentWait commitmentWait(const QUuid &uuid, const QList<TeammateCommitment> &commitments,
                              const QByteArray &zoneId);

struct TaskReport
{
    qint64 taskId = 0;
    planning::TaskOutcome outcome = planning::TaskOutcome::Unplanned;
    int plannedMinutes = 0;
    int neededMinutes = 0;
    QString reason;                    // empty when complete
    QString waitsFor;                  // a teammate's commitment it waits for, in words; empty: none
    bool operator==(const TaskReport &) const = default;
};

struct DayReport
{
    QDate date;
    int availableMinutes = 0;
    int plannedMinutes = 0;
    bool overloaded = false;           // work due that day did not fit
    QString blockedBy;                 // a busy all-day event takes the day's working time
    bool operator==(const DayReport &) const = default;
};

struct PlannedBlock
{
    FocusBlock block;
    bool late = false;
    bool kept = false;                 // unchanged from the previous plan, or fixed
    bool operator==(const PlannedBlock &) const = default;
};

// How good a plan is, when the planner knows how good any plan could be: the on-time value
// of its work (priority weight x minutes done by each deadline) against an upper bound on
// every plan's. The bound is the exact mode's, or a relaxation's (at most 100 tasks).
struct PlanQuality
{
    qint64 value = 0;
    qint64 bound = -1;                 // -1: no bound known
    bool provenOptimal = false;        // no plan gets a higher value
    // At most this many percent short of the best possible plan, rounded up (0 when optimal);
    // -1 without a bound.
    int percentShortAtMost() const;
    bool operator==(const PlanQuality &) const = default;
};

struct Plan
{
    QList<PlannedBlock> blocks;        // fixed blocks first-class too, sorted by start
    QList<TaskReport> tasks;
    QList<DayReport> days;
    QList<planning::Diagnostic> diagnostics;
    PlanQuality quality;
    bool operator==(const Plan &) const = default;
};

// The planning engine: a pure function. Same request, same plan; no clock, no database.
class Planner final
{
public:
    static Plan plan(const PlanRequest &request);
    // The request in the slot model (exposed for tests and tools).
    static planning::Problem toProblem(const PlanRequest &request);
};

QString outcomeKey(planning::TaskOutcome outcome); // "complete", "partial", "late", "unplanned", "invalid"

} // namespace fermata
