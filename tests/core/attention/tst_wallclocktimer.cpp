#include "attention/wallclocktimer.h"
#include "testsupport.h"

#include <QSignalSpy>
#include <QTest>

using namespace fermata;

class TestWallClockTimer : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void initTestCase() { test::pinEnvironment(); }

    void pastDeadlineFiresOnceOnNextTurn()
    {
        FakeClock clock(QDateTime(QDate(2026, 3, 2), QTime(9, 0), Qt::UTC));
        WallClockTimer timer(clock);
        timer.setSliceMs(5);
        QSignalSpy fired(&timer, &WallClockTimer::fired);
        timer.setDeadline(clock.now().addSecs(-60));
        QTRY_COMPARE(fired.size(), 1);
        QCOMPARE(fired.at(0).at(0).toDateTime(), clock.now().addSecs(-60));
        // Disarmed before it emitted, and check() does nothing without a deadline: no second
        // firing can come.
        QVERIFY(!timer.isArmed());
        QCOMPARE(fired.size(), 1);
    }

    void forwardJumpAsAfterSleepFiresExactlyOnce()
    {
        test::CountingClock clock(QDateTime(QDate(2026, 3, 2), QTime(9, 0), Qt::UTC));
        WallClockTimer timer(clock);
        timer.setSliceMs(5);
        QSignalSpy fired(&timer, &WallClockTimer::fired);
        QSignalSpy jumped(&timer, &WallClockTimer::clockJumped);
        const QDateTime deadline = clock.now().addSecs(3600);
        timer.setDeadline(deadline);
        QVERIFY(test::waitForReads(clock, 3)); // it has looked at the clock again
        QCOMPARE(fired.size(), 0); // the wall clock has not moved: never early
        clock.advanceSecs(2 * 3600); // the machine slept through the deadline
        QTRY_COMPARE(fired.size(), 1);
        QCOMPARE(fired.at(0).at(0).toDateTime(), deadline);
        QCOMPARE(jumped.size(), 1);
        QVERIFY(jumped.at(0).at(0).toLongLong() > 3600 * 1000);
        QVERIFY(!timer.isArmed()); // nothing left to fire
        QCOMPARE(fired.size(), 1);
    }

    void backwardJumpNeitherFiresNorLosesTheDeadline()
    {
        test::CountingClock clock(QDateTime(QDate(2026, 3, 2), QTime(9, 0), Qt::UTC));
        WallClockTimer timer(clock);
        timer.setSliceMs(5);
        QSignalSpy fired(&timer, &WallClockTimer::fired);
        QSignalSpy jumped(&timer, &WallClockTimer::clockJumped);
        const QDateTime deadline = clock.now().addSecs(600);
        timer.setDeadline(deadline);
        clock.advanceSecs(-24 * 3600); // clock set back a day (or the zone changed under us)
        QTRY_VERIFY(jumped.size() >= 1);
        QVERIFY(test::waitForReads(clock, 3)); // more wake-ups after the jump
        QCOMPARE(fired.size(), 0);
        QVERIFY(timer.isArmed());
        clock.setNow(deadline);
        QTRY_COMPARE(fired.size(), 1);
    }

    void rearmingFromTheHandlerWorks()
    {
        test::CountingClock clock(QDateTime(QDate(2026, 3, 2), QTime(9, 0), Qt::UTC));
        WallClockTimer timer(clock);
        timer.setSliceMs(5);
        int count = 0;
        connect(&timer, &WallClockTimer::fired, this, [&](const QDateTime &due) {
            ++count;
            timer.setDeadline(due.addSecs(60));
        });
        timer.setDeadline(clock.now());
        QTRY_COMPARE(count, 1);
        clock.advanceSecs(60);
        QTRY_COMPARE(count, 2);
        clock.advanceSecs(30);
        QVERIFY(test::waitForReads(clock, 3)); // looked at 30 s to go: not yet
        QCOMPARE(count, 2);
        timer.setDeadline({});
        clock.advanceSecs(3600);
        QVERIFY(!timer.isArmed()); // disarmed: nothing left to fire
        QCOMPARE(count, 2);
    }
};

QTEST_GUILESS_MAIN(TestWallClockTimer)
#include "tst_wallclocktimer.moc"
