// Series as the database keeps them: the stored form reads back whole, occurrence keys and
// ids are stable, the bounds that let a range query skip a series are never too tight, and
// wall-clock times convert under the project's DST policy (as resolveWallClock).
#include "storage/calendarseries.h"
#include "storage/seriesexpander.h"
#include "storage/serieszones.h"
#include "testsupport.h"
#include "time/weeklyrule.h"

#include <QTest>

using namespace fermata;

class TestCalendarSeries : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase() { test::pinEnvironment(); }
    void encodesEverythingButIdAndSource();
    void refusesDamagedBytes();
    void occurrenceKeys_data();
    void occurrenceKeys();
    void occurrenceIdsAreStable();
    void boundsCoverEveryOccurrence_data();
    void boundsCoverEveryOccurrence();
    void wallClockFollowsTheDstPolicy_data();
    void wallClockFollowsTheDstPolicy();
};

namespace {

qint64 ms(int year, int month, int day, int hour = 0, int minute = 0)
{
    return QDateTime(QDate(year, month, day), QTime(hour, minute), Qt::UTC).toMSecsSinceEpoch();
}

CalendarSeries weekly(const QByteArray &rule)
{
    CalendarSeries s;
    s.source = QStringLiteral("work");
    s.uid = QStringLiteral("w@x");
    s.title = QStringLiteral("Weekly");
    s.zone = "Europe/Berlin";
    s.startDate = QDate(2026, 3, 2);
    s.startTime = QTime(10, 0);
    s.startMs = ms(2026, 3, 2, 9);
    s.spanMs = 3600000;
    s.rules = {rule};
    return s;
}

} // namespace

void TestCalendarSeries::encodesEverythingButIdAndSource()
{
    CalendarSeries s = weekly("FREQ=WEEKLY;BYDAY=MO,TH");
    s.id = 7;
    s.title = QStringLiteral("Réunion ☕");
    s.allDay = false;
    s.busy = false;
    s.spanDays = 1;
    s.dates = {SeriesDate{ms(2026, 5, 1, 8), QDate(2026, 5, 1), QTime(10, 0), ms(2026, 5, 1, 12)},
               SeriesDate{ms(2026, 6, 1, 8), QDate(2026, 6, 1), QTime(10, 0), std::nullopt}};
    s.exceptMs = {ms(2026, 3, 9, 9), ms(2026, 3, 16, 9)};
    s.exceptDates = {QDate(2026, 4, 6)};
    CalendarSeries back;
    QVERIFY(back.decode(s.encode()));
    back.id = s.id;
    back.source = s.source;
    QCOMPARE(back, s);
    QCOMPARE(back.contentHash(), s.contentHash());
    back.title = QStringLiteral("Changed");
    QVERIFY(back.contentHash() != s.contentHash());
}

void TestCalendarSeries::refusesDamagedBytes()
{
    const QByteArray bytes = weekly("FREQ=DAILY").encode();
    CalendarSeries s;
    QVERIFY(!s.decode(QByteArray()));
    QVERIFY(!s.decode(bytes.left(bytes.size() / 2)));
    QByteArray wrongFormat = bytes;
    wrongFormat[0] = char(99);
    QVERIFY(!s.decode(wrongFormat));
}

void TestCalendarSeries::occurrenceKeys_data()
{
    QTest::addColumn<bool>("isDate");
    QTest::addColumn<QDate>("date");
    QTest::addColumn<qint64>("startMs");
    QTest::addColumn<QString>("key");
    QTest::newRow("time") << false << QDate() << ms(2026, 3, 2, 9, 30) << QStringLiteral("20260302T093000Z");
    QTest::newRow("seconds") << false << QDate() << ms(2026, 3, 2, 9) + 59000 << QStringLiteral("20260302T090059Z");
    QTest::newRow("before 1970") << false << QDate() << ms(1965, 12, 31, 23, 59) << QStringLiteral("19651231T235900Z");
    QTest::newRow("date") << true << QDate(2026, 12, 31) << qint64(0) << QStringLiteral("20261231");
}

void TestCalendarSeries::occurrenceKeys()
{
    QFETCH(bool, isDate);
    QFETCH(QDate, date);
    QFETCH(qint64, startMs);
    QFETCH(QString, key);
    QCOMPARE(recurrenceKey(isDate, date, startMs), key);
    const QString uid = occurrenceUid(QStringLiteral("a/b@x"), isDate, date, startMs);
    QCOMPARE(uid, QStringLiteral("a/b@x/") + key);
    const auto split = splitOccurrenceUid(uid);
    QVERIFY(split.has_value());
    QCOMPARE(split->first, QStringLiteral("a/b@x"));
    QCOMPARE(split->second, isDate ? QDateTime(date, QTime(0, 0), Qt::UTC).toMSecsSinceEpoch() : startMs / 1000 * 1000);
    QVERIFY(!splitOccurrenceUid(QStringLiteral("single@x")));
    QVERIFY(!splitOccurrenceUid(QStringLiteral("x/2026030")));
}

void TestCalendarSeries::occurrenceIdsAreStable()
{
    const QString uid = occurrenceUid(QStringLiteral("s@x"), false, QDate(), ms(2026, 3, 2, 9));
    const qint64 id = occurrenceId(QStringLiteral("work"), uid);
    QVERIFY(id < 0);
    QVERIFY(-id < (qint64(1) << 53)); // exact as a JSON number
    QCOMPARE(occurrenceId(QStringLiteral("work"), uid), id);
    QVERIFY(occurrenceId(QStringLiteral("home"), uid) != id);
    const OccurrenceIds ids(QStringLiteral("work"), QStringLiteral("s@x"));
    QCOMPARE(ids.id(uid), id);
    QCOMPARE(ids.id(RecurrenceKeyText(false, QDate(), ms(2026, 3, 2, 9))), id);
    // The same in every process: no per-process hash seed.
    QCOMPARE(occurrenceId(QStringLiteral("work"), QStringLiteral("s@x/20260302T090000Z")), -4345161651626650LL);
}

void TestCalendarSeries::boundsCoverEveryOccurrence_data()
{
    QTest::addColumn<QByteArray>("rule");
    QTest::addColumn<bool>("ends");
    QTest::newRow("open") << QByteArray("FREQ=WEEKLY;BYDAY=MO") << false;
    QTest::newRow("count") << QByteArray("FREQ=DAILY;COUNT=40") << true;
    QTest::newRow("until utc") << QByteArray("FREQ=WEEKLY;UNTIL=20261231T235959Z") << true;
    QTest::newRow("until local") << QByteArray("FREQ=WEEKLY;UNTIL=20261231T235959") << true;
    QTest::newRow("libical") << QByteArray("FREQ=MONTHLY;BYDAY=MO,TU,WE,TH,FR;BYSETPOS=-1;COUNT=12") << true;
    QTest::newRow("never") << QByteArray("FREQ=YEARLY;BYMONTH=2;BYMONTHDAY=30") << true;
}

void TestCalendarSeries::boundsCoverEveryOccurrence()
{
    QFETCH(QByteArray, rule);
    QFETCH(bool, ends);
    SeriesZones zones(ms(2000, 1, 1), ms(2100, 1, 1));
    SeriesExpander expander(zones);
    const CalendarSeries s = weekly(rule);
    const auto last = expander.lastEndMs(s);
    QCOMPARE(last.has_value(), ends);
    QCOMPARE(SeriesExpander::firstStartMs(s), s.startMs);
    qint64 latest = 0;
    const qint64 count = expander.expand(s, SeriesChanges(), Interval(ms(2020, 1, 1), ms(2040, 1, 1)),
                                         [&](const SeriesOccurrence &o) { latest = qMax(latest, o.endMs); });
    QVERIFY(count >= 1);
    if (ends)
        QVERIFY2(latest <= *last, qPrintable(QStringLiteral("%1 > %2").arg(latest).arg(*last)));
}

void TestCalendarSeries::wallClockFollowsTheDstPolicy_data()
{
    QTest::addColumn<QByteArray>("zone");
    QTest::addColumn<QDate>("date");
    QTest::addColumn<QTime>("time");
    QTest::newRow("gap") << QByteArray("Europe/Berlin") << QDate(2026, 3, 29) << QTime(2, 30);
    QTest::newRow("overlap") << QByteArray("Europe/Berlin") << QDate(2026, 10, 25) << QTime(2, 30);
    QTest::newRow("new york gap") << QByteArray("America/New_York") << QDate(2027, 3, 14) << QTime(2, 0);
    QTest::newRow("plain") << QByteArray("Asia/Tokyo") << QDate(2026, 7, 1) << QTime(9, 0);
    QTest::newRow("far past") << QByteArray("Europe/Berlin") << QDate(1990, 3, 25) << QTime(2, 30);
}

void TestCalendarSeries::wallClockFollowsTheDstPolicy()
{
    QFETCH(QByteArray, zone);
    QFETCH(QDate, date);
    QFETCH(QTime, time);
    SeriesZones zones(ms(2025, 1, 1), ms(2028, 1, 1)); // "far past" is outside the table
    const qint64 expected = resolveWallClock(date, time, QTimeZone(zone)).toMSecsSinceEpoch();
    QCOMPARE(zones.toUtcMs(zones.zone(zone), date, time), expected);
    QCOMPARE(zones.toUtcMs(zones.zone("UTC"), date, time), QDateTime(date, time, Qt::UTC).toMSecsSinceEpoch());
}

QTEST_GUILESS_MAIN(TestCalendarSeries)
#include "tst_calendarseries.moc"
