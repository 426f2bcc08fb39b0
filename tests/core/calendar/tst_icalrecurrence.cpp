// The reader's fast recurrence path (ical::SimpleRecurrence) against libical's iterator:
// over many random DAILY/WEEKLY/MONTHLY/YEARLY rules both must yield the same local times,
// and whole calendars in zones with DST must expand to identical instances either way.
#include "calendar/icalreader.h"
#include "calendar/icalrecurrence.h"
#include "testsupport.h"

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
    void readerGivesSameInstancesAsLibical();
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

QTEST_GUILESS_MAIN(TestIcalRecurrence)
#include "tst_icalrecurrence.moc"
