// All-day events and the planner: a busy one takes its whole day and the plan says so; a
// free one (TRANSP:TRANSPARENT) takes nothing.
#include "planfixture.h"
#include "testsupport.h"

#include <QTest>

using namespace fermata;
using fermata::test::at;
using fermata::test::task;
using fermata::test::week;

namespace {

// Friday 2024-03-08, as an import stores it: local midnight to midnight, flagged all-day.
CalendarEvent offsite(bool busy)
{
    CalendarEvent e;
    e.title = QStringLiteral("Company offsite");
    e.start = at(4, 0);
    e.end = at(5, 0);
    e.allDay = true;
    e.busy = busy;
    return e;
}

// Two hours of work that may only happen on Friday.
Task fridayWork()
{
    Task t = task(1, 120, Priority::P1, QStringLiteral("Write report"));
    t.earliestStart = at(4, 0);
    t.deadline = at(4, 17);
    return t;
}

const TaskReport *reportOf(const Plan &plan, qint64 id)
{
    for (const TaskReport &r : plan.tasks) {
        if (r.taskId == id)
            return &r;
    }
    return nullptr;
}

const DayReport *dayOf(const Plan &plan, QDate date)
{
    for (const DayReport &d : plan.days) {
        if (d.date == date)
            return &d;
    }
    return nullptr;
}

} // namespace

class TestAllDayPlanning : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase() { fermata::test::pinEnvironment(); }

    void busyAllDayEventBlocksTheDayAndSaysWhy()
    {
        PlanRequest r = week(5);
        r.settings.planLateWork = false;
        r.events << offsite(true);
        r.tasks << fridayWork();
        const Plan plan = Planner::plan(r);

        for (const PlannedBlock &b : plan.blocks)
            QVERIFY2(!b.block.interval().overlaps(offsite(true).interval()), "a block on the offsite day");
        const TaskReport *report = reportOf(plan, 1);
        QVERIFY(report);
        QCOMPARE(report->outcome, planning::TaskOutcome::Unplanned);
        QVERIFY2(report->reason.contains(QStringLiteral("Fri is blocked by 'Company offsite' (all day)")),
                 qPrintable(report->reason));
        // Not "move the meeting": an offsite is not a meeting you move for a task.
        QVERIFY2(!report->reason.contains(QStringLiteral("meeting")), qPrintable(report->reason));

        // The day itself carries the reason, although nothing is available or planned on it.
        const DayReport *friday = dayOf(plan, QDate(2024, 3, 8));
        QVERIFY(friday);
        QCOMPARE(friday->blockedBy, QStringLiteral("Company offsite"));
        QCOMPARE(friday->availableMinutes, 0);
        const DayReport *thursday = dayOf(plan, QDate(2024, 3, 7));
        QVERIFY(thursday);
        QVERIFY(thursday->blockedBy.isEmpty());
    }

    void freeAllDayEventBlocksNothing()
    {
        PlanRequest r = week(5);
        r.events << offsite(false);
        r.tasks << fridayWork();
        const Plan plan = Planner::plan(r);

        QCOMPARE(reportOf(plan, 1)->outcome, planning::TaskOutcome::Complete);
        int onFriday = 0;
        for (const PlannedBlock &b : plan.blocks)
            onFriday += b.block.start.date() == QDate(2024, 3, 8) ? int(b.block.interval().durationMinutes()) : 0;
        QCOMPARE(onFriday, 120);
        const DayReport *friday = dayOf(plan, QDate(2024, 3, 8));
        QVERIFY(friday);
        QVERIFY(friday->blockedBy.isEmpty());
        QCOMPARE(friday->availableMinutes, 8 * 60);
    }

    void allDayEventIgnoresBuffers()
    {
        // Buffers around a meeting make sense; around a day they would eat into the next one.
        PlanRequest r = week(5);
        r.workingRules = {WeeklyRule(WeeklyRule::Weekdays, QTime(0, 0), QTime(23, 59), "UTC")};
        CalendarEvent e = offsite(true);
        e.bufferBeforeMinutes = 60;
        e.bufferAfterMinutes = 60;
        QCOMPARE(e.busyInterval(), e.interval());
        r.events << e;
        r.settings.minFocusBlockMinutes = 30;
        Task t = task(2, 30, Priority::P1, QStringLiteral("Late Thursday"));
        t.earliestStart = at(3, 23, 0);
        t.deadline = at(4, 0);
        r.tasks << t;
        QCOMPARE(reportOf(Planner::plan(r), 2)->outcome, planning::TaskOutcome::Complete);
    }

    void dayWithoutWorkingHoursIsNotBlocked()
    {
        // A busy all-day event on Saturday takes no working time: the plan says nothing of it.
        PlanRequest r = week(7);
        CalendarEvent party = offsite(true);
        party.title = QStringLiteral("Wedding");
        party.start = at(5, 0);
        party.end = at(6, 0);
        r.events << party;
        r.tasks << task(3, 60);
        const Plan plan = Planner::plan(r);
        QVERIFY(!dayOf(plan, QDate(2024, 3, 9)));
        for (const TaskReport &t : plan.tasks)
            QVERIFY2(!t.reason.contains(QStringLiteral("Wedding")), qPrintable(t.reason));
    }
};

QTEST_GUILESS_MAIN(TestAllDayPlanning)
#include "tst_alldayplanning.moc"
