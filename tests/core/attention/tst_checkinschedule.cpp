#include "attention/checkinschedule.h"
#include "testsupport.h"

#include <QTest>

using namespace fermata;

namespace {

const QByteArray berlin = QByteArrayLiteral("Europe/Berlin");

qint64 at(int y, int m, int d, int h, int min, const QByteArray &zone = berlin)
{
    return QDateTime(QDate(y, m, d), QTime(h, min), QTimeZone(zone)).toMSecsSinceEpoch();
}

CheckInWindow window(quint8 days, QTime start, QTime end, CheckInWindow::Scope scope = CheckInWindow::Scope::Personal,
                     const QByteArray &zone = berlin)
{
    CheckInWindow w;
    w.rule = WeeklyRule(days, start, end, zone);
    w.scope = scope;
    return w;
}

} // namespace

class TestCheckInSchedule : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void initTestCase() { test::pinEnvironment(); }

    void defaultsAreThreeTwentyMinuteWindowsEveryDay()
    {
        const CheckInSchedule schedule(CheckInSchedule::defaultWindows(berlin));
        QCOMPARE(schedule.windows().size(), 3);
        for (int day = 2; day <= 8; ++day) { // Mon 2 .. Sun 8 March 2026
            const IntervalSet open = schedule.openIn(Interval(at(2026, 3, day, 0, 0), at(2026, 3, day + 1, 0, 0)));
            QCOMPARE(open, IntervalSet({Interval(at(2026, 3, day, 9, 0), at(2026, 3, day, 9, 20)),
                                        Interval(at(2026, 3, day, 13, 0), at(2026, 3, day, 13, 20)),
                                        Interval(at(2026, 3, day, 16, 30), at(2026, 3, day, 16, 50))}));
        }
    }

    void windowAtAndNextOpening_data()
    {
        QTest::addColumn<qint64>("now");
        QTest::addColumn<bool>("open");
        QTest::addColumn<qint64>("nextOpening");
        QTest::newRow("before morning") << at(2026, 3, 2, 7, 0) << false << at(2026, 3, 2, 9, 0);
        QTest::newRow("at opening") << at(2026, 3, 2, 9, 0) << true << at(2026, 3, 2, 13, 0);
        QTest::newRow("inside") << at(2026, 3, 2, 9, 10) << true << at(2026, 3, 2, 13, 0);
        QTest::newRow("at closing (half-open)") << at(2026, 3, 2, 9, 20) << false << at(2026, 3, 2, 13, 0);
        QTest::newRow("evening to next morning") << at(2026, 3, 2, 22, 0) << false << at(2026, 3, 3, 9, 0);
        // 29 March 2026: clocks jump 02:00 -> 03:00 in Berlin; 09:00 is still 09:00 local.
        QTest::newRow("across spring forward") << at(2026, 3, 28, 20, 0) << false << at(2026, 3, 29, 9, 0);
        QTest::newRow("across fall back") << at(2026, 10, 24, 20, 0) << false << at(2026, 10, 25, 9, 0);
    }

    void windowAtAndNextOpening()
    {
        QFETCH(qint64, now);
        QFETCH(bool, open);
        QFETCH(qint64, nextOpening);
        const CheckInSchedule schedule(CheckInSchedule::defaultWindows(berlin));
        QCOMPARE(schedule.isOpenAt(now), open);
        QCOMPARE(schedule.nextOpeningAfter(now, {}), std::optional<qint64>(nextOpening));
    }

    void dstGapMovesWindowToFirstValidInstant()
    {
        // A Sunday 02:30-03:30 window: on 29 March 02:30 does not exist, so it opens at 03:00.
        const CheckInSchedule schedule({window(WeeklyRule::dayBit(Qt::Sunday), QTime(2, 30), QTime(3, 30))});
        const qint64 opening = *schedule.nextOpeningAfter(at(2026, 3, 28, 12, 0), {});
        QCOMPARE(QDateTime::fromMSecsSinceEpoch(opening, QTimeZone(berlin)).time(), QTime(3, 0));
        QCOMPARE(schedule.windowAt(opening)->endMs(), at(2026, 3, 29, 3, 30));
        // Fall back: 02:30 happens twice; the first (summer time, 00:30 UTC) wins.
        const qint64 autumn = *schedule.nextOpeningAfter(at(2026, 10, 24, 12, 0), {});
        QCOMPARE(autumn, QDateTime(QDate(2026, 10, 25), QTime(0, 30), Qt::UTC).toMSecsSinceEpoch());
    }

    void teamAndPersonalWindowsMerge()
    {
        const CheckInSchedule schedule({
            window(WeeklyRule::Weekdays, QTime(9, 0), QTime(9, 20)),
            // A teammate's window in New York: 03:15-04:00 there is 09:15-10:00 in Berlin.
            window(WeeklyRule::Weekdays, QTime(3, 15), QTime(4, 0), CheckInWindow::Scope::Team,
                   QByteArrayLiteral("America/New_York")),
        });
        const IntervalSet open = schedule.openIn(Interval(at(2026, 3, 2, 0, 0), at(2026, 3, 3, 0, 0)));
        QCOMPARE(open, IntervalSet({Interval(at(2026, 3, 2, 9, 0), at(2026, 3, 2, 10, 0))}));
        QCOMPARE(schedule.windowAt(at(2026, 3, 2, 9, 30)), std::optional<Interval>(Interval(at(2026, 3, 2, 9, 0), at(2026, 3, 2, 10, 0))));
    }

    void quietTimeDelaysDelivery()
    {
        const CheckInSchedule schedule(CheckInSchedule::defaultWindows(berlin));
        // Focus 12:30-13:10 eats the start of the midday window: delivery at 13:10.
        const IntervalSet quiet{Interval(at(2026, 3, 2, 12, 30), at(2026, 3, 2, 13, 10))};
        QCOMPARE(*schedule.nextOpeningAfter(at(2026, 3, 2, 13, 0), quiet), at(2026, 3, 2, 13, 10));
        // Focus covering the whole window skips it.
        const IntervalSet whole{Interval(at(2026, 3, 2, 12, 0), at(2026, 3, 2, 14, 0))};
        QCOMPARE(*schedule.nextOpeningAfter(at(2026, 3, 2, 10, 0), whole), at(2026, 3, 2, 16, 30));
    }

    void windowAcrossMidnight()
    {
        const CheckInSchedule schedule({window(WeeklyRule::dayBit(Qt::Monday), QTime(23, 50), QTime(0, 10))});
        QVERIFY(schedule.isOpenAt(at(2026, 3, 3, 0, 5)));
        QCOMPARE(*schedule.windowAt(at(2026, 3, 3, 0, 5)), Interval(at(2026, 3, 2, 23, 50), at(2026, 3, 3, 0, 10)));
        QCOMPARE(*schedule.nextBoundaryAfter(at(2026, 3, 2, 23, 55)), at(2026, 3, 3, 0, 10));
    }

    void noWindowsMeansNoDelivery()
    {
        const CheckInSchedule schedule;
        QVERIFY(!schedule.nextOpeningAfter(0, {}));
        QVERIFY(!schedule.nextBoundaryAfter(0));
    }
};

QTEST_GUILESS_MAIN(TestCheckInSchedule)
#include "tst_checkinschedule.moc"
