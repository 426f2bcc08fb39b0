#pragma once

#include "model/task.h"

#include <QByteArray>
#include <QDate>
#include <QString>
#include <QStringList>

#include <climits>
#include <vector>

namespace fermata::planning {

// The planner's internal form: everything in integer slots (slot_minutes long) counted from
// the horizon start. A PlanRequest and a focusbench instance are both converted to this.

struct SlotTask
{
    QString key;              // stable id ("t3", "42"); used for previous plans and output
    QString title;            // for explanations
    int weight = 1;           // value per minute (P1 = 8 ... P4 = 1)
    int length = 0;           // work still to plan, in slots
    int release = 0;          // first slot a block may start in
    int deadline = 0;         // blocks ending by this slot count as on time
    bool hasDeadline = false; // false: deadline == slot count
    bool splittable = true;
    int minChunk = 1;         // slots; a whole remainder shorter than this is one block
    int maxChunk = INT_MAX;   // slots
    DayPart preferred = DayPart::Any;
    std::vector<int> deps;    // indices of tasks that must be finished first
    QString waitsFor;         // a teammate's commitment it waits for, in words; empty: none
    QString deadlineBeforeWait; // its deadline, when the wait ends after it ("Tue 13:00"); else empty
    bool invalid = false;     // rejected by validation; never planned
    int doneBefore = 0;       // slots of fixed (pinned) blocks that already count for it
    int fixedEnd = -1;        // end slot of its last fixed block, -1 if none
};

// Something that makes time unavailable; kept for explanations ("move the 'Sync' meeting").
struct BusySpan
{
    int start = 0;
    int end = 0;
    QString title;
    bool isMeeting = false;
    bool allDay = false;      // a busy all-day event: it takes whole days
};

struct Block
{
    int task = -1; // index into Problem::tasks
    int start = 0; // slot
    int end = 0;   // slot, exclusive
    bool operator==(const Block &) const = default;
};

// A precise complaint about one task's input (or the request as a whole if taskKey is empty).
struct Diagnostic
{
    QString taskKey;
    QString field;
    QString message;
    bool operator==(const Diagnostic &) const = default;
};

struct Problem
{
    int slotMinutes = 15;
    int slotCount = 0;
    qint64 originMs = 0;         // UTC instant of slot 0 (for explanations and output)
    QByteArray zoneId = "UTC";   // zone for day names in explanations
    QDate firstDate;             // local date of day 0
    std::vector<quint8> free;    // per slot: 1 if focus work may happen there
    std::vector<int> day;        // per slot: day index (for caps, summaries)
    std::vector<quint8> part;    // per slot: DayPart value (Any = neither morning nor afternoon)
    int dayCount = 0;
    std::vector<int> dayCap;     // per day, slots of focus work at most (INT_MAX: no cap)
    std::vector<QString> blockedBy; // per day: the busy all-day event that takes its working time
    int maxRun = 0;              // longest run of focus slots without a break (0: no rule)
    int breakSlots = 0;          // length of that break
    bool planLate = false;       // place work that misses its deadline after it, flagged late
    std::vector<SlotTask> tasks;
    std::vector<Block> fixed;    // pinned and past blocks: they never move
    std::vector<BusySpan> busy;
    std::vector<Block> previous; // the previous plan's blocks (task indices), for stability
    int improveBudget = -1;      // local-search move attempts; -1: derived from the size
    int searchSteps = -1;        // ruin-and-recreate steps; -1: derived from the size
    bool preferDayParts = true;  // last pass: move blocks into their task's preferred part of day
    // Processor-time budget of the exact mode on small problems; 0: off. Most weeks are proven
    // in well under 500 ms; the hardest five-day week of focusbench-own needs ~1.2 s. The window
    // plans on a worker thread, so a longer search delays the plan, never the window.
    int exactBudgetMs = 2000;
    std::vector<Diagnostic> diagnostics; // from conversion and validation
};

// Marks contradictory tasks invalid with a diagnostic each: negative work, min chunk over
// max chunk, an unsplittable task longer than its longest block, a deadline at or before the
// earliest start, dependency cycles.
void validate(Problem &problem);

// "Thu 17:00" for a slot boundary, in the problem's zone.
QString formatSlot(const Problem &problem, int slot);
// "Fri" for a day index (with its date when the problem spans more than a week).
QString formatDay(const Problem &problem, int day);
// "4 h 30", "45 min"
QString formatMinutes(long long minutes);

// What happened to one task.
enum class TaskOutcome {
    Complete,     // all of its work is planned before its deadline
    Partial,      // some work is planned, some is not
    Late,         // planned, but (partly) after its deadline
    Unplanned,    // nothing planned
    Invalid,      // bad input: see diagnostics
};

struct Solution
{
    std::vector<Block> blocks;   // new and kept blocks, sorted by start; excludes Problem::fixed
    std::vector<int> plannedSlots;  // per task (including fixed blocks)
    std::vector<int> onTimeSlots;   // per task, slots that end by the deadline
    long long value = 0;            // sum weight * on-time minutes (new + fixed)
    int keptFromPrevious = 0;
    bool provenOptimal = false;     // the exact mode proved that no plan has a higher value
    qint64 bound = -1;              // upper bound on `value` (same units), -1 if none is known
};

} // namespace fermata::planning
