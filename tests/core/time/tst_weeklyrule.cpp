#include "testsupport.h"
#include "time/weeklyrule.h"

#include <QTest>

using fermata::Interval;
using fermata::IntervalSet;
using fermata::WeeklyRule;

namespace {

QDateTime utc(int y, int mo, int d, int h, int mi = 0)
{
    return QDateTime(QDate(y, mo, d), QTime(h, mi), Qt::UTC);
}

Interval span(const QDateTime &a, const QDateTime &b)
{
    return Interval::fromDateTimes(a, b);
}

using Intervals = QList<Interval>;

} // namespace

class TestWeeklyRule : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    // A process zone unlike any zone under test: expansion must not depend on it.
    void initTestCase() { fermata::test::pinEnvironment("Asia/Tokyo"); }

    void expand_data()
    {
        QTest::addColumn<WeeklyRule>("rule");
        QTest::addColumn<Interval>("range");
        QTest::addColumn<Intervals>("expected");

        const quint8 sunday = WeeklyRule::dayBit(Qt::Sunday);
        const QByteArray berlin("Europe/Berlin");
        QTest::newRow("berlin winter weekday")
            << WeeklyRule(WeeklyRule::dayBit(Qt::Friday), QTime(9, 0), QTime(17, 0), berlin)
            << span(utc(2026, 3, 23, 0), utc(2026, 3, 30, 0))
            << Intervals{span(utc(2026, 3, 27, 8), utc(2026, 3, 27, 16))};
        QTest::newRow("berlin summer weekday")
            << WeeklyRule(WeeklyRule::dayBit(Qt::Monday), QTime(9, 0), QTime(17, 0), berlin)
            << span(utc(2026, 3, 30, 0), utc(2026, 4, 5, 0))
            << Intervals{span(utc(2026, 3, 30, 7), utc(2026, 3, 30, 15))};
        QTest::newRow("berlin start in spring gap moves to 03:00")
            << WeeklyRule(sunday, QTime(2, 30), QTime(3, 30), berlin)
            << span(utc(2026, 3, 28, 0), utc(2026, 3, 30, 0))
            << Intervals{span(utc(2026, 3, 29, 1), utc(2026, 3, 29, 1, 30))};
        QTest::newRow("berlin autumn overlap takes first 02:30")
            << WeeklyRule(sunday, QTime(2, 30), QTime(3, 0), berlin)
            << span(utc(2026, 10, 24, 0), utc(2026, 10, 26, 0))
            << Intervals{span(utc(2026, 10, 25, 0, 30), utc(2026, 10, 25, 2))};
        QTest::newRow("berlin past midnight")
            << WeeklyRule(WeeklyRule::dayBit(Qt::Saturday), QTime(22, 0), QTime(2, 0), berlin)
            << span(utc(2026, 3, 28, 0), utc(2026, 3, 30, 0))
            // Sat 22:00 CET = 21:00 UTC; Sun 02:00 does not exist, first instant after is 03:00 CEST.
            << Intervals{span(utc(2026, 3, 28, 21), utc(2026, 3, 29, 1))};
        QTest::newRow("berlin clipped to range")
            << WeeklyRule(WeeklyRule::Weekdays, QTime(9, 0), QTime(17, 0), berlin)
            << span(utc(2026, 3, 27, 10), utc(2026, 3, 30, 9))
            << Intervals{span(utc(2026, 3, 27, 10), utc(2026, 3, 27, 16)),
                         span(utc(2026, 3, 30, 7), utc(2026, 3, 30, 9))};

        const QByteArray newYork("America/New_York");
        QTest::newRow("new york spring gap")
            << WeeklyRule(sunday, QTime(2, 15), QTime(4, 0), newYork)
            << span(utc(2026, 3, 7, 0), utc(2026, 3, 9, 0))
            << Intervals{span(utc(2026, 3, 8, 7), utc(2026, 3, 8, 8))};
        QTest::newRow("new york autumn overlap")
            << WeeklyRule(sunday, QTime(1, 30), QTime(2, 30), newYork)
            << span(utc(2026, 10, 31, 0), utc(2026, 11, 2, 0))
            << Intervals{span(utc(2026, 11, 1, 5, 30), utc(2026, 11, 1, 7, 30))};

        const QByteArray lordHowe("Australia/Lord_Howe");
        QTest::newRow("lord howe 30-minute spring gap")
            << WeeklyRule(sunday, QTime(2, 10), QTime(3, 0), lordHowe)
            << span(utc(2026, 10, 3, 0), utc(2026, 10, 5, 0))
            << Intervals{span(utc(2026, 10, 3, 15, 30), utc(2026, 10, 3, 16))};
        QTest::newRow("lord howe 30-minute autumn overlap")
            << WeeklyRule(sunday, QTime(1, 45), QTime(2, 15), lordHowe)
            << span(utc(2026, 4, 4, 0), utc(2026, 4, 6, 0))
            << Intervals{span(utc(2026, 4, 4, 14, 45), utc(2026, 4, 4, 15, 45))};

        QTest::newRow("kathmandu +05:45")
            << WeeklyRule(WeeklyRule::dayBit(Qt::Monday), QTime(9, 0), QTime(17, 0),
                          QByteArray("Asia/Kathmandu"))
            << span(utc(2026, 11, 23, 0), utc(2026, 11, 24, 0))
            << Intervals{span(utc(2026, 11, 23, 3, 15), utc(2026, 11, 23, 11, 15))};

        // Samoa skipped Friday 30 December 2011 (UTC-10 to UTC+14): no window that day.
        QTest::newRow("apia skipped day")
            << WeeklyRule(WeeklyRule::EveryDay, QTime(9, 0), QTime(9, 20), QByteArray("Pacific/Apia"))
            << span(utc(2011, 12, 29, 12), utc(2011, 12, 31, 12))
            << Intervals{span(utc(2011, 12, 29, 19), utc(2011, 12, 29, 19, 20)),
                         span(utc(2011, 12, 30, 19), utc(2011, 12, 30, 19, 20))};
    }
    void expand()
    {
        QFETCH(WeeklyRule, rule);
        QFETCH(Interval, range);
        QFETCH(Intervals, expected);
        QVERIFY(rule.isValid());
        QCOMPARE(rule.expand(range).intervals(), expected);
    }

    void resolveWallClockPolicy()
    {
        const QTimeZone berlin("Europe/Berlin");
        // Gap: first valid instant after (03:00 CEST).
        QCOMPARE(fermata::resolveWallClock(QDate(2026, 3, 29), QTime(2, 0), berlin), utc(2026, 3, 29, 1));
        QCOMPARE(fermata::resolveWallClock(QDate(2026, 3, 29), QTime(2, 59), berlin), utc(2026, 3, 29, 1));
        // Just outside the gap.
        QCOMPARE(fermata::resolveWallClock(QDate(2026, 3, 29), QTime(1, 59), berlin), utc(2026, 3, 29, 0, 59));
        QCOMPARE(fermata::resolveWallClock(QDate(2026, 3, 29), QTime(3, 0), berlin), utc(2026, 3, 29, 1));
        // Overlap: first occurrence (still CEST).
        QCOMPARE(fermata::resolveWallClock(QDate(2026, 10, 25), QTime(2, 0), berlin), utc(2026, 10, 25, 0));
        QCOMPARE(fermata::resolveWallClock(QDate(2026, 10, 25), QTime(2, 59), berlin), utc(2026, 10, 25, 0, 59));
        QCOMPARE(fermata::resolveWallClock(QDate(2026, 10, 25), QTime(3, 0), berlin), utc(2026, 10, 25, 2));
    }

    void everyResolvedInstantIsValid()
    {
        // Every 15 minutes over two years in each zone: the instant is valid, and outside
        // gaps it shows the asked wall-clock time again in the zone.
        for (const char *zoneName : {"Europe/Berlin", "America/New_York", "Australia/Lord_Howe",
                                     "Asia/Kathmandu", "Pacific/Apia"}) {
            const QTimeZone zone(zoneName);
            QVERIFY2(zone.isValid(), zoneName);
            for (QDate d(2026, 1, 1); d < QDate(2027, 1, 1); d = d.addDays(1)) {
                for (int minute = 0; minute < 24 * 60; minute += 15) {
                    const QTime t(minute / 60, minute % 60);
                    const QDateTime resolved = fermata::resolveWallClock(d, t, zone);
                    QVERIFY(resolved.isValid());
                    const QDateTime local = resolved.toTimeZone(zone);
                    if (QDateTime(d, t, zone).isValid())
                        QVERIFY2(local.date() == d && local.time() == t,
                                 qPrintable(QStringLiteral("%1 %2 %3")
                                                .arg(QString::fromLatin1(zoneName), d.toString(Qt::ISODate), t.toString())));
                    else
                        QVERIFY(local > QDateTime(d, QTime(0, 0), zone) || local.date() > d);
                }
            }
        }
    }

    void invalidRulesExpandToNothing()
    {
        const Interval week = span(utc(2026, 3, 23, 0), utc(2026, 3, 30, 0));
        QVERIFY(WeeklyRule(0, QTime(9, 0), QTime(10, 0), "Europe/Berlin").expand(week).isEmpty());
        QVERIFY(WeeklyRule(WeeklyRule::EveryDay, QTime(9, 0), QTime(10, 0), "Not/AZone").expand(week).isEmpty());
        QVERIFY(!WeeklyRule(WeeklyRule::EveryDay, QTime(), QTime(10, 0), "UTC").isValid());
    }

    void weekdaysOverAWeek()
    {
        const WeeklyRule rule(WeeklyRule::Weekdays, QTime(9, 0), QTime(17, 0), "UTC");
        const IntervalSet set = rule.expand(span(utc(2026, 11, 23, 0), utc(2026, 11, 30, 0)));
        QCOMPARE(set.size(), 5);
        QCOMPARE(set.totalMinutes(), 5 * 8 * 60);
    }
};

QTEST_GUILESS_MAIN(TestWeeklyRule)
#include "tst_weeklyrule.moc"
