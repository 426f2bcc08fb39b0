#include "planfixture.h"
#include "testsupport.h"

#include "planning/planjson.h"

#include <QTest>

using namespace fermata;
using fermata::test::at;
using fermata::test::meeting;
using fermata::test::task;
using fermata::test::week;

Q_DECLARE_METATYPE(fermata::PlanRequest)

namespace {

// Every hard rule, checked independently of the planner on the plan's own blocks.
QStringList ruleBreaches(const PlanRequest &r, const Plan &plan)
{
    QStringList out;
    IntervalSet working = r.workingIntervals;
    for (const WeeklyRule &rule : r.workingRules)
        working = working.united(rule.expand(r.horizon));
    IntervalSet busy = r.checkInIntervals;
    for (const WeeklyRule &rule : r.checkInRules)
        busy = busy.united(rule.expand(r.horizon));
    for (const CalendarEvent &e : r.events) {
        if (e.busy)
            busy.add(e.busyInterval());
    }
    for (const FocusBlock &b : r.fixedBlocks)
        busy.add(b.interval());
    QHash<qint64, Task> tasks;
    for (const Task &t : r.tasks)
        tasks.insert(t.id, t);
    QHash<qint64, qint64> lastEnd;
    QMap<QDate, qint64> perDay;
    for (const PlannedBlock &pb : plan.blocks) {
        if (pb.block.pinned)
            continue;
        const FocusBlock &b = pb.block;
        const Task t = tasks.value(b.taskId);
        const Interval iv = b.interval();
        const int minutes = int(iv.durationMinutes());
        if (!working.contains(iv))
            out << QStringLiteral("%1 outside working hours").arg(b.taskId);
        if (busy.overlaps(iv))
            out << QStringLiteral("%1 overlaps busy time").arg(b.taskId);
        if (t.earliestStart.isValid() && b.start < t.earliestStart)
            out << QStringLiteral("%1 before earliest start").arg(b.taskId);
        if (t.hasDeadline() && b.end > t.deadline && !pb.late)
            out << QStringLiteral("%1 after deadline, not flagged late").arg(b.taskId);
        const int minChunk = std::min(std::max(t.minChunkMinutes, r.settings.minFocusBlockMinutes), t.maxChunkMinutes);
        if (minutes < std::min(minChunk, t.remainingMinutes))
            out << QStringLiteral("%1 block of %2 min under min chunk").arg(b.taskId).arg(minutes);
        if (minutes > t.maxChunkMinutes || (r.settings.maxBlockBeforeBreakMinutes > 0 && minutes > r.settings.maxBlockBeforeBreakMinutes))
            out << QStringLiteral("%1 block of %2 min over max chunk").arg(b.taskId).arg(minutes);
        perDay[b.start.date()] += minutes;
        lastEnd[b.taskId] = std::max(lastEnd.value(b.taskId), iv.endMs());
    }
    for (const PlannedBlock &pb : plan.blocks) {
        for (qint64 dep : tasks.value(pb.block.taskId).dependsOn) {
            if (!lastEnd.contains(dep) || lastEnd.value(dep) > pb.block.interval().startMs())
                out << QStringLiteral("%1 before its predecessor %2").arg(pb.block.taskId).arg(dep);
        }
    }
    if (r.settings.dailyCapMinutes > 0) {
        for (auto it = perDay.cbegin(); it != perDay.cend(); ++it) {
            if (it.value() > r.settings.dailyCapMinutes)
                out << QStringLiteral("daily cap broken on %1").arg(it.key().toString(Qt::ISODate));
        }
    }
    return out;
}

const TaskReport *reportOf(const Plan &plan, qint64 id)
{
    for (const TaskReport &t : plan.tasks) {
        if (t.taskId == id)
            return &t;
    }
    return nullptr;
}

int plannedMinutes(const Plan &plan, qint64 id)
{
    int n = 0;
    for (const PlannedBlock &b : plan.blocks)
        n += b.block.taskId == id && !b.block.pinned ? int(b.block.interval().durationMinutes()) : 0;
    return n;
}

} // namespace

class TestPlanner : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase() { fermata::test::pinEnvironment(); }

    void hardRules_data()
    {
        QTest::addColumn<PlanRequest>("request");
        QTest::addColumn<qint64>("taskId");
        QTest::addColumn<int>("expectedMinutes"); // -1: do not check

        {   // A P1 task due at noon; the morning is a meeting with buffers.
            PlanRequest r = week(1);
            r.settings.planLateWork = false;
            r.events.append(meeting(QStringLiteral("Sync"), at(0, 9, 15), at(0, 11, 0), 15));
            Task t = task(1, 120, Priority::P1);
            t.deadline = at(0, 12, 0);
            r.tasks.append(t);
            QTest::newRow("meeting with buffers") << r << qint64(1) << 0;
        }
        {   // A check-in in the middle of the only long stretch.
            PlanRequest r = week(1);
            r.settings.planLateWork = false;
            r.checkInRules.append(WeeklyRule(WeeklyRule::Weekdays, QTime(10, 0), QTime(10, 15), "UTC"));
            Task t = task(1, 120, Priority::P1);
            t.splittable = false;
            t.deadline = at(0, 11, 15);
            r.tasks.append(t);
            QTest::newRow("check-in window") << r << qint64(1) << 0;
        }
        {   // A pinned block takes the morning.
            PlanRequest r = week(1);
            r.settings.planLateWork = false;
            FocusBlock pin;
            pin.taskId = 2;
            pin.start = at(0, 9);
            pin.end = at(0, 12);
            pin.pinned = true;
            r.fixedBlocks.append(pin);
            Task t = task(1, 120, Priority::P1);
            t.deadline = at(0, 12, 0);
            r.tasks.append(t);
            QTest::newRow("pinned block") << r << qint64(1) << 0;
        }
        {   // Deadline before work starts: nothing fits inside working hours.
            PlanRequest r = week(2);
            r.settings.planLateWork = false;
            Task t = task(1, 60, Priority::P1);
            t.deadline = at(0, 8, 0);
            r.tasks.append(t);
            QTest::newRow("working hours") << r << qint64(1) << 0;
        }
        {
            PlanRequest r = week(1);
            Task t = task(1, 120, Priority::P1);
            t.earliestStart = at(0, 15, 0);
            r.tasks.append(t);
            QTest::newRow("earliest start") << r << qint64(1) << 120;
        }
        {   // More work than time before the deadline: the rest is late, and flagged.
            PlanRequest r = week(2);
            Task t = task(1, 240, Priority::P1);
            t.deadline = at(0, 11, 0);
            r.tasks.append(t);
            QTest::newRow("deadline late") << r << qint64(1) << 240;
        }
        {   // The P1 task depends on a P4 task.
            PlanRequest r = week(1);
            Task a = task(1, 120, Priority::P4, QStringLiteral("Draft outline"));
            Task b = task(2, 120, Priority::P1, QStringLiteral("Write"));
            b.dependsOn = {1};
            r.tasks << b << a;
            QTest::newRow("dependency") << r << qint64(2) << 120;
        }
        {   // Only 45-minute gaps; min chunk 60.
            PlanRequest r = week(1);
            r.settings.planLateWork = false;
            for (int h = 9; h < 17; ++h)
                r.events.append(meeting(QStringLiteral("Slot %1").arg(h), at(0, h, 45), at(0, h + 1, 0)));
            Task t = task(1, 120, Priority::P1);
            t.minChunkMinutes = 60;
            r.tasks.append(t);
            QTest::newRow("min chunk") << r << qint64(1) << 0;
        }
        {
            PlanRequest r = week(1);
            Task t = task(1, 240, Priority::P1);
            t.maxChunkMinutes = 90;
            r.tasks.append(t);
            QTest::newRow("max chunk") << r << qint64(1) << 240;
        }
        {
            PlanRequest r = week(2);
            r.settings.dailyCapMinutes = 120;
            Task t = task(1, 240, Priority::P1);
            r.tasks.append(t);
            QTest::newRow("daily cap") << r << qint64(1) << 240;
        }
        {   // Two P1 tasks could run back to back for 4 h; the break rule forbids it.
            PlanRequest r = week(1);
            r.tasks << task(1, 120, Priority::P1) << task(2, 120, Priority::P1) << task(3, 120, Priority::P1);
            QTest::newRow("breaks") << r << qint64(1) << 120;
        }
    }

    void hardRules()
    {
        QFETCH(PlanRequest, request);
        QFETCH(qint64, taskId);
        QFETCH(int, expectedMinutes);
        const Plan plan = Planner::plan(request);
        QCOMPARE(ruleBreaches(request, plan), QStringList());
        if (expectedMinutes >= 0)
            QCOMPARE(plannedMinutes(plan, taskId), expectedMinutes);
        const TaskReport *report = reportOf(plan, taskId);
        QVERIFY(report);
        if (report->outcome != planning::TaskOutcome::Complete)
            QVERIFY2(!report->reason.isEmpty(), "every task not fully planned has a reason");
    }

    void breaksBetweenRuns()
    {
        PlanRequest r = week(1);
        r.tasks << task(1, 120, Priority::P1) << task(2, 120, Priority::P1);
        const Plan plan = Planner::plan(r);
        QCOMPARE(plan.blocks.size(), 2);
        const qint64 gap = plan.blocks[0].block.end.secsTo(plan.blocks[1].block.start);
        QVERIFY2(gap >= 10 * 60, "two 2-hour blocks need a break between them");
    }

    void explanations()
    {
        PlanRequest r = week(5);
        r.settings.planLateWork = false;
        r.events.append(meeting(QStringLiteral("Sync"), at(3, 9, 0), at(3, 13, 0)));
        Task big = task(1, 360, Priority::P1, QStringLiteral("Report"));
        big.deadline = at(3, 17, 0);
        big.earliestStart = at(3, 9, 0);
        Task after = task(2, 60, Priority::P2, QStringLiteral("Review"));
        after.dependsOn = {1};
        r.tasks << big << after;
        const Plan plan = Planner::plan(r);
        QCOMPARE(reportOf(plan, 1)->reason,
                 QStringLiteral("3 h 45 of 6 h planned; needs 6 h before Thu 17:00; only 4 h free — move the 'Sync' meeting or the deadline"));
        QCOMPARE(reportOf(plan, 2)->reason, QStringLiteral("waits for 'Report'"));
        // A deadline before the planned period says so, instead of naming the period's start.
        PlanRequest overdue = week(5);
        overdue.settings.planLateWork = false;
        Task missed = task(3, 60, Priority::P1, QStringLiteral("Missed"));
        missed.deadline = at(0, 9, 0).addDays(-3);
        overdue.tasks << missed;
        const Plan overduePlan = Planner::plan(overdue);
        QVERIFY2(reportOf(overduePlan, 3)->reason.contains(QStringLiteral("deadline has passed")),
                 qPrintable(reportOf(overduePlan, 3)->reason));
        bool flagged = false;
        for (const DayReport &d : plan.days) {
            if (d.date == QDate(2024, 3, 7)) {
                flagged = d.overloaded;
                QCOMPARE(d.availableMinutes, 240);
                QCOMPARE(d.plannedMinutes, 225); // 2 h, a 15-min break, 1 h 45
            }
        }
        QVERIFY(flagged);
    }

    void slotNamesCarryDatesBeyondAWeek()
    {
        planning::Problem p;
        p.slotMinutes = 15;
        p.originMs = QDateTime(QDate(2026, 11, 30), QTime(0, 0), Qt::UTC).toMSecsSinceEpoch(); // a Monday
        p.slotCount = 7 * 96;
        const int thu17 = 3 * 96 + 17 * 4;
        QCOMPARE(planning::formatSlot(p, thu17), QStringLiteral("Thu 17:00"));
        p.slotCount = 14 * 96;
        QCOMPARE(planning::formatSlot(p, thu17), QStringLiteral("Thu 3 Dec 17:00"));
        QCOMPARE(planning::formatSlot(p, thu17 + 7 * 96), QStringLiteral("Thu 10 Dec 17:00"));
    }

    void badInput()
    {
        PlanRequest r = week(1);
        Task negative = task(1, -30);
        Task chunks = task(2, 60);
        chunks.minChunkMinutes = 90;
        chunks.maxChunkMinutes = 60;
        Task dates = task(3, 60);
        dates.earliestStart = at(0, 15);
        dates.deadline = at(0, 10);
        Task a = task(4, 60, Priority::P2, QStringLiteral("A"));
        Task b = task(5, 60, Priority::P2, QStringLiteral("B"));
        a.dependsOn = {5};
        b.dependsOn = {4};
        Task fine = task(6, 60);
        r.tasks << negative << chunks << dates << a << b << fine;
        const Plan plan = Planner::plan(r);
        QStringList messages;
        for (const planning::Diagnostic &d : plan.diagnostics)
            messages << d.taskKey + QStringLiteral(": ") + d.message;
        QCOMPARE(messages, (QStringList{
            QStringLiteral("2: the minimum block (1 h 30) is longer than the maximum block (1 h)"),
            QStringLiteral("3: the deadline (Mon 10:00) is not after the earliest start (Mon 15:00)"),
            QStringLiteral("1: the estimate is negative (-30 min)"),
            QStringLiteral("5: dependency cycle: 'A' → 'B' → 'A'"),
            QStringLiteral("4: dependency cycle: 'A' → 'B' → 'A'"),
        }));
        QCOMPARE(plannedMinutes(plan, 6), 60);
        QCOMPARE(reportOf(plan, 1)->outcome, planning::TaskOutcome::Invalid);
    }

    void stability()
    {
        PlanRequest r = week(5);
        for (int i = 1; i <= 12; ++i)
            r.tasks << task(i, 120 + 30 * (i % 4), Priority((i % 4) + 1));
        const Plan first = Planner::plan(r);
        r.events.append(meeting(QStringLiteral("New"), at(2, 10), at(2, 11)));
        for (const PlannedBlock &b : first.blocks)
            r.previous.append(b.block);
        const Plan second = Planner::plan(r);
        int eligible = 0, same = 0;
        for (const PlannedBlock &b : first.blocks) {
            if (b.block.interval().overlaps(r.events.last().interval()))
                continue;
            ++eligible;
            for (const PlannedBlock &n : second.blocks)
                same += n.block.taskId == b.block.taskId && n.block.start == b.block.start && n.block.end == b.block.end;
        }
        QVERIFY(eligible > 5);
        QVERIFY2(same * 100 >= eligible * 95, qPrintable(QStringLiteral("%1 of %2 kept").arg(same).arg(eligible)));
        QCOMPARE(ruleBreaches(r, second), QStringList());
    }

    void qualityOfAPlanThatFitsIsOptimal()
    {
        PlanRequest r = week(5);
        for (int i = 1; i <= 3; ++i)
            r.tasks << task(i, 120, Priority::P2);
        const Plan plan = Planner::plan(r);
        int minutes = 0;
        for (int i = 1; i <= 3; ++i)
            minutes += plannedMinutes(plan, i);
        QCOMPARE(minutes, 360);
        // value is weight x on-time minutes: one weight for one priority.
        QVERIFY(plan.quality.value > 0);
        QCOMPARE(plan.quality.value % minutes, 0);
        QCOMPARE(plan.quality.bound, plan.quality.value);
        QVERIFY(plan.quality.provenOptimal);
        QCOMPARE(plan.quality.percentShortAtMost(), 0);
    }

    void qualityOfAnOverloadedWeekHasABound()
    {
        PlanRequest r = week(2);
        for (int i = 1; i <= 20; ++i) {
            Task t = task(i, 90 + 30 * (i % 5), Priority((i % 4) + 1));
            t.deadline = at(i % 2, 12 + i % 5);
            r.tasks << t;
        }
        const Plan plan = Planner::plan(r);
        QVERIFY(plan.quality.bound >= plan.quality.value);
        QVERIFY(plan.quality.value > 0);
        const int shortAtMost = plan.quality.percentShortAtMost();
        QVERIFY(shortAtMost >= 0 && shortAtMost < 100);
        QCOMPARE(shortAtMost == 0, plan.quality.provenOptimal);
    }

    void percentShortAtMost_data()
    {
        QTest::addColumn<qint64>("value");
        QTest::addColumn<qint64>("bound");
        QTest::addColumn<bool>("proven");
        QTest::addColumn<int>("percent");
        QTest::newRow("no bound") << qint64(500) << qint64(-1) << false << -1;
        QTest::newRow("proven") << qint64(500) << qint64(520) << true << 0;
        QTest::newRow("at the bound") << qint64(520) << qint64(520) << false << 0;
        QTest::newRow("ten percent") << qint64(900) << qint64(1000) << false << 10;
        // Rounded up: 0.5% short is "within 1%", never "within 0%".
        QTest::newRow("rounded up") << qint64(995) << qint64(1000) << false << 1;
        QTest::newRow("just over") << qint64(899) << qint64(1000) << false << 11;
        QTest::newRow("nothing planned") << qint64(0) << qint64(1000) << false << 100;
    }

    void percentShortAtMost()
    {
        QFETCH(qint64, value);
        QFETCH(qint64, bound);
        QFETCH(bool, proven);
        QFETCH(int, percent);
        QCOMPARE((PlanQuality{value, bound, proven}.percentShortAtMost()), percent);
    }

    void determinism()
    {
        PlanRequest r = week(5);
        for (int i = 1; i <= 30; ++i) {
            Task t = task(i, 60 + 15 * (i % 9), Priority((i % 4) + 1));
            if (i % 3 == 0)
                t.deadline = at(i % 5, 16);
            r.tasks << t;
        }
        const QByteArray a = interop::writePlan(Planner::plan(r), r);
        const QByteArray b = interop::writePlan(Planner::plan(r), r);
        QCOMPARE(a, b);
    }
};

QTEST_GUILESS_MAIN(TestPlanner)
#include "tst_planner.moc"
