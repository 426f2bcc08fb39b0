// The fast recurrence path (ical::SimpleRecurrence) against libical's iterator: over many
// random DAILY/WEEKLY/MONTHLY/YEARLY rules both must yield the same local times, also when
// the fast path skips ahead to a range; whole calendars in zones with DST must expand to
// identical instances either way, and month by month from the database as over a whole
// horizon from the reader.
#include "calendar/calendarinteropservice.h"
#include "calendar/icalreader.h"
#include "storage/database.h"
#include "storage/repositories.h"
#include "storage/seriesrecurrence.h"
#include "testsupport.h"
#include "time/clock.h"

#include <QBuffer>

#include <QRandomGenerator>
#include <QTest>

using namespace fermata;

namespace {

const char *const s_weekdays[] = {"MO", "TU", "WE", "TH", "FR", "SA", "SU"};

// A random rule the fast path mostly accepts, sometimes with parts it must refuse.
QByteArray randomRule(QRandomGenerator &random, bool withCount)
{
    static const char *const freqs[] = {"DAILY", "WEEKLY", "MONTHLY", "YEARLY"};
    const int freq = random.bounded(4);
    QByteArray rule = QByteArray("FREQ=") + freqs[freq];
    if (random.bounded(3) == 0)
        rule += ";INTERVAL=" + QByteArray::number(1 + random.bounded(random.bounded(4) == 0 ? 14 : 4));
    if (withCount)
        rule += ";COUNT=" + QByteArray::number(1 + random.bounded(60));
    if (random.bounded(4) == 0)
        rule += QByteArray(";WKST=") + s_weekdays[random.bounded(7)];
    if (freq != 3 && random.bounded(3) != 0) { // BYDAY, with ordinals for MONTHLY
        QByteArrayList days;
        const int n = 1 + random.bounded(freq == 0 ? 6 : 3);
        for (int i = 0; i < n; ++i) {
            QByteArray day = s_weekdays[random.bounded(7)];
            if (freq == 2 && random.bounded(2) == 0) {
                const int position = 1 + random.bounded(5);
                day.prepend(QByteArray::number(random.bounded(2) ? position : -position));
            }
            days.append(day);
        }
        rule += ";BYDAY=" + days.join(',');
    } else if (freq == 2 && random.bounded(2) == 0) {
        QByteArrayList monthDays;
        const int n = 1 + random.bounded(3);
        for (int i = 0; i < n; ++i) {
            const int day = 1 + random.bounded(31);
            monthDays.append(QByteArray::number(random.bounded(4) == 0 ? -day : day));
        }
        rule += ";BYMONTHDAY=" + monthDays.join(',');
    }
    if (freq != 3 && random.bounded(6) == 0) {
        QByteArrayList months;
        for (int i = 0, n = 1 + random.bounded(4); i < n; ++i)
            months.append(QByteArray::number(1 + random.bounded(12)));
        rule += ";BYMONTH=" + months.join(',');
    }
    if (random.bounded(25) == 0) // parts the fast path leaves to libical
        rule += random.bounded(2) ? ";BYSETPOS=-1" : ";BYHOUR=9,15";
    return rule;
}

icaltimetype randomStart(QRandomGenerator &random)
{
    icaltimetype t = icaltime_null_time();
    t.year = 2020 + random.bounded(8);
    t.month = 1 + random.bounded(12);
    t.day = random.bounded(3) == 0 ? 28 + random.bounded(4) : 1 + random.bounded(28);
    while (!QDate(t.year, t.month, t.day).isValid())
        --t.day;
    t.is_date = random.bounded(5) == 0;
    if (!t.is_date) {
        t.hour = random.bounded(24);
        t.minute = random.bounded(4) * 15;
    }
    return t;
}

QByteArray text(const icaltimetype &t)
{
    return icaltime_is_null_time(t) ? QByteArray("(end)") : QByteArray(icaltime_as_ical_string(t));
}

bool sameTime(const icaltimetype &a, const icaltimetype &b)
{
    if (icaltime_is_null_time(a) || icaltime_is_null_time(b))
        return icaltime_is_null_time(a) == icaltime_is_null_time(b);
    return a.year == b.year && a.month == b.month && a.day == b.day && a.is_date == b.is_date
        && (a.is_date || (a.hour == b.hour && a.minute == b.minute && a.second == b.second));
}

// A calendar of random series in zones with DST, at wall times near the transitions.
QByteArray randomCalendar(QRandomGenerator &random, int series)
{
    static const char *const zones[] = {"Europe/Berlin", "America/New_York", "Australia/Sydney",
                                        "W. Europe Standard Time", "Pacific Standard Time",
                                        "Asia/Tokyo", nullptr};
    QByteArray out = "BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//Fermata test//EN\r\n";
    for (int i = 0; i < series; ++i) {
        const char *zone = zones[random.bounded(7)];
        const bool allDay = random.bounded(8) == 0;
        const bool utc = !allDay && random.bounded(10) == 0;
        static const int hours[] = {0, 1, 2, 3, 9, 23};
        const QDate date(2025 + random.bounded(2), 1 + random.bounded(12), 1 + random.bounded(28));
        QByteArray local = date.toString(QStringLiteral("yyyyMMdd")).toLatin1();
        if (!allDay)
            local += "T" + QByteArray::number(hours[random.bounded(6)]).rightJustified(2, '0')
                + (random.bounded(2) ? "3000" : "0000");
        QByteArray dtstart = "DTSTART:" + local;
        if (allDay)
            dtstart = "DTSTART;VALUE=DATE:" + local;
        else if (utc)
            dtstart += 'Z';
        else if (zone)
            dtstart = "DTSTART;TZID=" + QByteArray(zone) + ":" + local;
        QByteArray rule = randomRule(random, random.bounded(3) == 0);
        if (!rule.contains("COUNT") && random.bounded(3) == 0)
            rule += ";UNTIL=" + date.addDays(30 + random.bounded(500)).toString(QStringLiteral("yyyyMMdd")).toLatin1()
                + (allDay ? "" : "T120000Z");
        out += "BEGIN:VEVENT\r\nUID:s" + QByteArray::number(i) + "\r\nDTSTAMP:20250101T000000Z\r\n" + dtstart
            + "\r\nDURATION:" + (allDay ? "P1D" : "PT1H30M") + "\r\nRRULE:" + rule + "\r\nSUMMARY:S"
            + QByteArray::number(i) + "\r\nEND:VEVENT\r\n";
    }
    return out + "END:VCALENDAR\r\n";
}

} // namespace

class TestIcalRecurrence : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase() { test::pinEnvironment(); }
    void sameSequenceAsLibical();
    void skipToGivesTheSameTail();
    void readerGivesSameInstancesAsLibical();
    void databaseMonthsMatchTheReader();
};

void TestIcalRecurrence::sameSequenceAsLibical()
{
    // A longer soak: FERMATA_RECURRENCE_RULES=200000 FERMATA_RECURRENCE_SEED=N tst_icalrecurrence
    const int rules = qEnvironmentVariableIntValue("FERMATA_RECURRENCE_RULES") > 0
        ? qEnvironmentVariableIntValue("FERMATA_RECURRENCE_RULES") : 4000;
    QRandomGenerator random(qEnvironmentVariableIsSet("FERMATA_RECURRENCE_SEED")
                                ? quint32(qEnvironmentVariableIntValue("FERMATA_RECURRENCE_SEED")) : 20260601u);
    int accepted = 0;
    for (int n = 0; n < rules; ++n) {
        const bool withCount = random.bounded(3) == 0;
        const QByteArray ruleText = randomRule(random, withCount);
        icalrecurrencetype rule = icalrecurrencetype_from_string(ruleText.constData());
        const icaltimetype start = randomStart(random);
        if (!withCount) { // as the reader does: a stop a few years on, or an UNTIL
            icaltimetype limit = icaltime_null_time();
            limit.year = start.year + (random.bounded(20) == 0 ? -1 : 1 + random.bounded(3));
            limit.month = 1 + random.bounded(12);
            limit.day = 1 + random.bounded(28);
            limit.is_date = random.bounded(4) != 0 ? start.is_date : !start.is_date;
            if (!limit.is_date)
                limit.hour = random.bounded(24);
            rule.until = limit;
        }
        auto fast = ical::SimpleRecurrence::create(rule, start);
        if (!fast)
            continue;
        ++accepted;
        icalrecur_iterator *it = icalrecur_iterator_new(rule, start);
        for (int i = 0; i < 250; ++i) {
            const icaltimetype expected = it ? icalrecur_iterator_next(it) : icaltime_null_time();
            const icaltimetype actual = fast->next();
            if (!sameTime(expected, actual)) {
                QFAIL(qPrintable(QStringLiteral("%1 from %2 until %3: occurrence %4 is %5, libical says %6")
                                     .arg(QString::fromLatin1(ruleText), QString::fromLatin1(text(start)),
                                          QString::fromLatin1(text(rule.until)))
                                     .arg(i)
                                     .arg(QString::fromLatin1(text(actual)),
                                          QString::fromLatin1(text(expected)))));
            }
            if (icaltime_is_null_time(expected))
                break;
        }
        if (it)
            icalrecur_iterator_free(it);
    }
    qInfo("%d of %d random rules took the fast path", accepted, rules);
    QVERIFY(accepted > rules / 2);
}

void TestIcalRecurrence::readerGivesSameInstancesAsLibical()
{
    QRandomGenerator random(7);
    const QByteArray calendar = randomCalendar(random, 1500);
    IcalReadOptions options;
    options.source = QStringLiteral("test");
    options.horizon = Interval::fromDateTimes(QDateTime(QDate(2025, 6, 1), QTime(0, 0), Qt::UTC),
                                              QDateTime(QDate(2027, 1, 1), QTime(0, 0), Qt::UTC));
    options.floatingZone = QTimeZone("America/Los_Angeles");
    IcalEventCollector fast;
    const auto fastReport = IcalReader::readBytes(calendar, options, fast);
    ical::SimpleRecurrence::setEnabled(false);
    IcalEventCollector slow;
    const auto slowReport = IcalReader::readBytes(calendar, options, slow);
    ical::SimpleRecurrence::setEnabled(true);
    QVERIFY(fastReport.isOk() && slowReport.isOk());
    QCOMPARE(fastReport->issues, slowReport->issues);
    const QList<CalendarEvent> a = fast.events();
    const QList<CalendarEvent> b = slow.events();
    QVERIFY(b.size() > 20000);
    QCOMPARE(a.size(), b.size());
    for (qsizetype i = 0; i < a.size(); ++i)
        QCOMPARE(a[i], b[i]);
}

// Skipping ahead (as a range query does) yields the occurrences from there on that walking
// from DTSTART yields.
void TestIcalRecurrence::skipToGivesTheSameTail()
{
    QRandomGenerator random(20261207u);
    int skipped = 0;
    for (int n = 0; n < 3000; ++n) {
        const QByteArray ruleText = randomRule(random, false);
        icalrecurrencetype rule = icalrecurrencetype_from_string(ruleText.constData());
        const icaltimetype start = randomStart(random);
        icaltimetype limit = icaltime_null_time();
        limit.year = start.year + 6;
        limit.month = 1;
        limit.day = 1;
        limit.is_date = start.is_date;
        rule.until = limit;
        auto walked = ical::SimpleRecurrence::create(rule, start);
        if (!walked)
            continue;
        const QDate from = QDate(start.year, start.month, start.day).addDays(random.bounded(4 * 366));
        auto skipping = ical::SimpleRecurrence::create(rule, start);
        skipped += skipping->skipTo(from) ? 1 : 0;
        QList<QDate> expected;
        for (QDate d = walked->nextDate(); d.isValid() && expected.size() < 40; d = walked->nextDate()) {
            if (d >= from)
                expected.append(d);
        }
        QList<QDate> actual;
        for (QDate d = skipping->nextDate(); d.isValid() && actual.size() < 40; d = skipping->nextDate()) {
            if (d >= from)
                actual.append(d);
        }
        QVERIFY2(actual == expected, qPrintable(QStringLiteral("%1 from %2, skipped to %3")
                                                    .arg(QString::fromLatin1(ruleText), QString::fromLatin1(text(start)),
                                                         from.toString(Qt::ISODate))));
    }
    QVERIFY(skipped > 1000);
}

// Series stored as rules and asked for month by month give what the reader expands over the
// whole span at once (DST, UNTIL in other zones, COUNT, all-day).
void TestIcalRecurrence::databaseMonthsMatchTheReader()
{
    QRandomGenerator random(11);
    const QByteArray calendar = randomCalendar(random, 600);
    const QDateTime from(QDate(2025, 1, 1), QTime(0, 0), Qt::UTC);
    const QDateTime to(QDate(2028, 1, 1), QTime(0, 0), Qt::UTC);
    IcalReadOptions options;
    options.source = QStringLiteral("test");
    options.horizon = Interval::fromDateTimes(from, to);
    options.floatingZone = QTimeZone("America/Los_Angeles");
    IcalEventCollector collector;
    QVERIFY(IcalReader::readBytes(calendar, options, collector).isOk());
    const QList<CalendarEvent> whole = collector.events();
    QVERIFY(whole.size() > 20000);

    test::TempDataDir dir;
    auto db = Database::open(dir.databasePath());
    QVERIFY(db.isOk());
    FakeClock clock(QDateTime(QDate(2026, 1, 1), QTime(0, 0), Qt::UTC));
    CalendarInteropService service(**db, clock);
    service.setFloatingZone(options.floatingZone);
    QBuffer buffer;
    buffer.setData(calendar);
    buffer.open(QIODevice::ReadOnly);
    QVERIFY(service.importDevice(buffer, QStringLiteral("test")).isOk());
    auto key = [](const CalendarEvent &e) {
        return std::tuple(e.start.toMSecsSinceEpoch(), e.uid, e.end.toMSecsSinceEpoch(), e.title, e.busy, e.allDay);
    };
    qsizetype compared = 0;
    for (QDateTime month = from; month < to; month = month.addMonths(1)) {
        const Interval range = Interval::fromDateTimes(month, month.addMonths(1));
        const auto stored = CalendarEventRepository(**db).overlapping(range);
        QVERIFY(stored.isOk());
        QList<decltype(key(CalendarEvent()))> actual;
        for (const CalendarEvent &e : *stored)
            actual.append(key(e));
        QList<decltype(key(CalendarEvent()))> expected;
        for (const CalendarEvent &e : whole) {
            const bool in = e.end > e.start ? e.interval().overlaps(range) : range.contains(e.start.toMSecsSinceEpoch());
            if (in)
                expected.append(key(e));
        }
        std::sort(actual.begin(), actual.end());
        std::sort(expected.begin(), expected.end());
        QCOMPARE(actual.size(), expected.size());
        for (qsizetype i = 0; i < actual.size(); ++i)
            QVERIFY2(actual[i] == expected[i], qPrintable(std::get<1>(actual[i]) + QStringLiteral(" / ")
                                                          + std::get<1>(expected[i])));
        compared += actual.size();
    }
    QVERIFY(compared >= whole.size());
}

QTEST_GUILESS_MAIN(TestIcalRecurrence)
#include "tst_icalrecurrence.moc"
