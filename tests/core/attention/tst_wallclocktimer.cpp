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
        QVERIFY(!timer.isArmed());
        QTest::qWait(30); // would catch a second firing
        QCOMPARE(fired.size(), 1);
    }

    void forwardJumpAsAfterSleepFiresExactlyOnce()
    {
        FakeClock clock(QDateTime(QDate(2026, 3, 2), QTime(9, 0), Qt::UTC));
        WallClockTimer timer(clock);
        timer.setSliceMs(5);
        QSignalSpy fired(&timer, &WallClockTimer::fired);
        QSignalSpy jumped(&timer, &WallClockTimer::clockJumped);
        const QDateTime deadline = clock.now().addSecs(3600);
        timer.setDeadline(deadline);
        QTest::qWait(30);
        QCOMPARE(fired.size(), 0); // the wall clock has not moved: never early
        clock.advanceSecs(2 * 3600); // the machine slept through the deadline
        QTRY_COMPARE(fired.size(), 1);
        QCOMPARE(fired.at(0).at(0).toDateTime(), deadline);
        QCOMPARE(jumped.size(), 1);
        QVERIFY(jumped.at(0).at(0).toLongLong() > 3600 * 1000);
        QTest::qWait(30);
        QCOMPARE(fired.size(), 1);
    }

    void backwardJumpNeitherFiresNorLosesTheDeadline()
    {
        FakeClock clock(QDateTime(QDate(2026, 3, 2), QTime(9, 0), Qt::UTC));
        WallClockTimer timer(clock);
        timer.setSliceMs(5);
        QSignalSpy fired(&timer, &WallClockTimer::fired);
        QSignalSpy jumped(&timer, &WallClockTimer::clockJumped);
        const QDateTime deadline = clock.now().addSecs(600);
        timer.setDeadline(deadline);
        clock.advanceSecs(-24 * 3600); // clock set back a day (or the zone changed under us)
        QTRY_VERIFY(jumped.size() >= 1);
        QTest::qWait(30);
        QCOMPARE(fired.size(), 0);
        QVERIFY(timer.isArmed());
        clock.setNow(deadline);
        QTRY_COMPARE(fired.size(), 1);
    }

    void rearmingFromTheHandlerWorks()
    {
        FakeClock clock(QDateTime(QDate(2026, 3, 2), QTime(9, 0), Qt::UTC));
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
        QTest::qWait(30);
        QCOMPARE(count, 2);
        timer.setDeadline({});
        clock.advanceSecs(3600);
        QTest::qWait(30);
        QCOMPARE(count, 2);
    }
};

QTEST_GUILESS_MAIN(TestWallClockTimer)
#include "tst_wallclocktimer.moc"
