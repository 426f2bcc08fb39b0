// PlanRequest (core types, instants in UTC) -> the planner's slot model.
#include "planning/planner.h"

#include <QCoreApplication>
#include <QHash>
#include <QTimeZone>

#include <algorithm>
#include <cmath>

namespace {

// Messages people read, filed under the planning context of the core's translations.
struct Text
{
    Q_DECLARE_TR_FUNCTIONS(fermata::Planning)
};

} // namespace

namespace fermata {

using planning::Block;
using planning::Problem;
using planning::SlotTask;

namespace {

struct Grid
{
    qint64 origin = 0;
    qint64 slotMs = 300000;
    int count = 0;
    int floorSlot(qint64 ms) const { return int(std::clamp<qint64>(qFloor(double(ms - origin) / slotMs), -1, count)); }
    int ceilSlot(qint64 ms) const { return int(std::clamp<qint64>(qCeil(double(ms - origin) / slotMs), -1, count + 1)); }
    Interval slot(int s) const { return Interval(origin + s * slotMs, origin + (s + 1) * slotMs); }
};

int ceilDiv(int a, int b) { return a <= 0 ? -((-a) / b) : (a + b - 1) / b; }

IntervalSet expandAll(const QList<WeeklyRule> &rules, const IntervalSet &given, const Interval &range)
{
    IntervalSet set = given.intersected(range);
    for (const WeeklyRule &rule : rules)
        set = set.united(rule.expand(range));
    return set;
}

// A day whose working time (from now on) a busy all-day event takes is "blocked by" it, so
// the plan can say why that day stays empty.
void nameBlockedDays(const QList<const CalendarEvent *> &allDay, const IntervalSet &working,
                     const Grid &g, int nowSlot, Problem &p)
{
    p.blockedBy.assign(size_t(std::max(p.dayCount, 0)), QString());
    for (const CalendarEvent *e : allDay) {
        const int from = std::max({0, nowSlot, g.floorSlot(e->busyInterval().startMs())});
        const int to = std::min(g.count, g.ceilSlot(e->busyInterval().endMs()));
        for (int s = from; s < to; ++s) {
            QString &name = p.blockedBy[size_t(p.day[size_t(s)])];
            if (name.isEmpty() && working.contains(g.slot(s)))
                name = e->title.isEmpty() ? QStringLiteral("busy") : e->title;
        }
    }
}

void fillCalendar(const PlanRequest &r, const Grid &g, Problem &p)
{
    const IntervalSet working = expandAll(r.workingRules, r.workingIntervals, r.horizon);
    IntervalSet busy = expandAll(r.checkInRules, r.checkInIntervals, r.horizon);
    QList<const CalendarEvent *> allDay; // busy all-day events: the days they take are named
    for (const CalendarEvent &e : r.events) {
        if (!e.busy)
            continue;
        busy.add(e.busyInterval());
        p.busy.push_back({g.floorSlot(e.busyInterval().startMs()), g.ceilSlot(e.busyInterval().endMs()),
                          e.title.isEmpty() ? QStringLiteral("busy") : e.title, true, e.allDay});
        if (e.allDay)
            allDay.append(&e);
    }
    const int nowSlot = r.now.isValid() ? std::max(0, g.ceilSlot(r.now.toMSecsSinceEpoch())) : 0;
    const QTimeZone zone(p.zoneId);
    p.firstDate = r.horizon.start().toTimeZone(zone).date();
    for (int s = 0; s < g.count; ++s) {
        const Interval slot = g.slot(s);
        p.free[size_t(s)] = s >= nowSlot && working.contains(slot) && !busy.overlaps(slot);
        const QDateTime local = slot.start().toTimeZone(zone);
        p.day[size_t(s)] = int(p.firstDate.daysTo(local.date()));
        const int hour = local.time().hour();
        p.part[size_t(s)] = quint8(hour >= 5 && hour < 12 ? DayPart::Morning
                                   : hour >= 12 && hour < 18 ? DayPart::Afternoon : DayPart::Any);
    }
    p.dayCount = g.count > 0 ? p.day.back() + 1 : 0;
    nameBlockedDays(allDay, working, g, nowSlot, p);
    if (working.isEmpty())
        p.diagnostics.push_back({QString(), QStringLiteral("workingHours"),
                                 Text::tr("there are no working hours in the planned period")});
}

SlotTask convertTask(const Task &task, const PlanRequest &r, const Grid &g, int nowSlot, Problem &p)
{
    const PlanSettings &set = r.settings;
    const int m = p.slotMinutes;
    SlotTask t;
    t.key = QString::number(task.id);
    t.title = task.title;
    t.weight = priorityWeight(task.priority);
    t.splittable = task.splittable;
    t.preferred = task.preferredDayPart;
    t.length = task.remainingMinutes >= 0 ? ceilDiv(task.remainingMinutes, m) : -ceilDiv(-task.remainingMinutes, m);
    QDateTime earliest = task.earliestStart;
    if (!task.afterCommitment.isNull()) {
        const CommitmentWait wait = commitmentWait(task.afterCommitment, r.commitments, p.zoneId);
        t.waitsFor = wait.text;
        if (wait.earliestStart.isValid() && (!earliest.isValid() || earliest < wait.earliestStart))
            earliest = wait.earliestStart;
    }
    t.release = std::max(nowSlot, earliest.isValid() ? std::max(0, g.ceilSlot(earliest.toMSecsSinceEpoch())) : 0);
    t.hasDeadline = task.hasDeadline();
    t.deadline = t.hasDeadline ? std::clamp(g.floorSlot(task.deadline.toMSecsSinceEpoch()), 0, g.count) : g.count;
    // Only the person's own earliest start makes a task invalid; a teammate's late work makes
    // it late (the explainer says why).
    if (t.hasDeadline && task.earliestStart.isValid() && task.deadline <= task.earliestStart) {
        t.invalid = true;
        p.diagnostics.push_back({t.key, QStringLiteral("deadline"),
                                 Text::tr("the deadline (%1) is not after the earliest start (%2)")
                                     .arg(planning::formatSlot(p, g.floorSlot(task.deadline.toMSecsSinceEpoch())),
                                          planning::formatSlot(p, g.floorSlot(task.earliestStart.toMSecsSinceEpoch())))});
    }
    if (!t.waitsFor.isEmpty() && t.hasDeadline && t.deadline < t.release && !t.invalid)
        t.deadlineBeforeWait = planning::formatSlot(p, t.deadline);
    t.deadline = std::max(t.deadline, std::min(t.release, g.count)); // overdue: nothing is on time
    if (!t.invalid && task.splittable && task.minChunkMinutes > task.maxChunkMinutes) {
        t.invalid = true;
        p.diagnostics.push_back({t.key, QStringLiteral("minChunkMinutes"),
                                 Text::tr("the minimum block (%1) is longer than the maximum block (%2)")
                                     .arg(planning::formatMinutes(task.minChunkMinutes), planning::formatMinutes(task.maxChunkMinutes))});
    }
    int maxMinutes = task.maxChunkMinutes;
    if (set.maxBlockBeforeBreakMinutes > 0)
        maxMinutes = std::min(maxMinutes, set.maxBlockBeforeBreakMinutes);
    int minMinutes = task.minChunkMinutes;
    if (minMinutes <= task.maxChunkMinutes) // the setting is a default floor, never a contradiction
        minMinutes = std::min(std::max(minMinutes, set.minFocusBlockMinutes), maxMinutes);
    t.maxChunk = std::max(0, maxMinutes / m);
    t.minChunk = std::max(1, ceilDiv(minMinutes, m));
    if (t.length > 0)
        t.minChunk = std::min(t.minChunk, t.length);
    if (!t.splittable)
        t.minChunk = std::max(t.length, 1);
    return t;
}

} // namespace

planning::Problem Planner::toProblem(const PlanRequest &r)
{
    Problem p;
    const PlanSettings &set = r.settings;
    p.slotMinutes = std::clamp(set.slotMinutes, 1, 240);
    Grid g;
    g.origin = r.horizon.startMs();
    g.slotMs = qint64(p.slotMinutes) * 60000;
    g.count = int(std::clamp<qint64>(r.horizon.durationMs() / g.slotMs, 0, 2 * 366 * 24 * 60));
    p.slotCount = g.count;
    p.originMs = g.origin;
    p.zoneId = QTimeZone(r.zoneId).isValid() ? r.zoneId : QByteArray("UTC");
    p.free.assign(size_t(g.count), 0);
    p.day.assign(size_t(g.count), 0);
    p.part.assign(size_t(g.count), 0);
    p.planLate = set.planLateWork;
    p.maxRun = set.maxBlockBeforeBreakMinutes > 0 && set.breakMinutes > 0 ? set.maxBlockBeforeBreakMinutes / p.slotMinutes : 0;
    p.breakSlots = ceilDiv(std::max(set.breakMinutes, 0), p.slotMinutes);
    fillCalendar(r, g, p);
    if (set.dailyCapMinutes > 0)
        p.dayCap.assign(size_t(std::max(p.dayCount, 1)), set.dailyCapMinutes / p.slotMinutes);

    const int nowSlot = r.now.isValid() ? std::max(0, g.ceilSlot(r.now.toMSecsSinceEpoch())) : 0;
    QHash<qint64, int> indexOf;
    for (const Task &task : r.tasks) {
        if (task.done)
            continue;
        if (indexOf.contains(task.id)) {
            p.diagnostics.push_back({QString::number(task.id), QStringLiteral("id"), Text::tr("the task id appears twice")});
            continue;
        }
        indexOf.insert(task.id, int(p.tasks.size()));
        p.tasks.push_back(convertTask(task, r, g, nowSlot, p));
    }
    QHash<qint64, bool> doneIds;
    for (const Task &task : r.tasks)
        doneIds.insert(task.id, task.done);
    for (const Task &task : r.tasks) {
        const auto self = indexOf.constFind(task.id);
        if (task.done || self == indexOf.constEnd())
            continue;
        SlotTask &t = p.tasks[size_t(*self)];
        for (qint64 dep : task.dependsOn) {
            if (doneIds.value(dep, false))
                continue; // finished work holds nothing up
            const auto it = indexOf.constFind(dep);
            if (it == indexOf.constEnd()) {
                t.invalid = true;
                p.diagnostics.push_back({t.key, QStringLiteral("dependsOn"), Text::tr("depends on task %1, which does not exist").arg(dep)});
            } else {
                t.deps.push_back(*it);
            }
        }
    }
    // Pinned and past blocks never move; future pinned work counts toward its task.
    for (const FocusBlock &b : r.fixedBlocks) {
        const int task = indexOf.value(b.taskId, -1);
        const Block block{task, std::max(0, g.floorSlot(b.interval().startMs())), std::min(g.count, g.ceilSlot(b.interval().endMs()))};
        if (block.end <= block.start)
            continue;
        p.fixed.push_back(block);
        const bool past = r.now.isValid() && b.end <= r.now;
        if (task >= 0 && !past) {
            SlotTask &t = p.tasks[size_t(task)];
            t.doneBefore += block.end - block.start;
            t.length = std::max(0, t.length - (block.end - block.start));
            t.fixedEnd = std::max(t.fixedEnd, block.end);
            t.minChunk = std::min(t.minChunk, std::max(t.length, 1));
        }
    }
    for (const FocusBlock &b : r.previous) {
        const auto it = indexOf.constFind(b.taskId);
        const qint64 a = b.interval().startMs() - g.origin;
        const qint64 e = b.interval().endMs() - g.origin;
        if (it != indexOf.constEnd() && a >= 0 && a % g.slotMs == 0 && e % g.slotMs == 0)
            p.previous.push_back({*it, int(a / g.slotMs), int(e / g.slotMs)});
    }
    planning::validate(p);
    return p;
}

} // namespace fermata
