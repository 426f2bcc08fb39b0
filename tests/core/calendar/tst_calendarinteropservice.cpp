// Import into the database: one transaction per import, series stored as rules and listed in
// any month, update in place on re-import (an unchanged calendar writes nothing), buffers on
// one occurrence kept, nothing changed on a cancel or a file that is not iCalendar, readers in
// another connection see an import whole or not at all; export through the service.
#include "calendar/calendarinteropservice.h"
#include "storage/database.h"
#include "storage/repositories.h"
#include "testsupport.h"
#include "time/clock.h"

#include <QBuffer>
#include <QFile>
#include <QFileInfo>
#include <QSignalSpy>
#include <QSqlQuery>
#include <QTest>

#include <atomic>
#include <thread>

using namespace fermata;

class TestCalendarInteropService : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase() { test::pinEnvironment(); }
    void init();
    void cleanup();
    void importStoresExpandedInstances();
    void reimportUpdatesInPlace();
    void buffersOnOneOccurrenceSurviveReimports();
    void unchangedReimportWritesNothing();
    void changedSeriesAloneIsWritten();
    void seriesIsListedInAnyMonth();
    void thisAndFutureAppliesInAnyMonth();
    void seriesInACalendarZone();
    void otherSourcesAreUntouched();
    void cancelLeavesNoTrace();
    void notICalendarChangesNothing();
    void localIsReserved();
    void reportCountsTheHorizon();
    void readersSeeAnImportWholeOrNotAtAll();
    void exportToWritesAtomically();

private:
    Result<IcalReadReport> importText(const QByteArray &text, const QString &source,
                                      const IcalProgress &progress = {});
    QList<CalendarEvent> all() const { return *CalendarEventRepository(*m_db).all(); }
    QList<CalendarEvent> between(const QDateTime &from, const QDateTime &to) const
    {
        return *CalendarEventRepository(*m_db).overlapping(Interval::fromDateTimes(from, to));
    }
    qint64 scalar(const QString &statement) const
    {
        QSqlQuery query(m_db->connection());
        return query.exec(statement) && query.next() ? query.value(0).toLongLong() : -1;
    }

    std::unique_ptr<test::TempDataDir> m_dir;
    std::unique_ptr<Database> m_db;
    FakeClock m_clock{QDateTime(QDate(2026, 3, 1), QTime(9, 0), Qt::UTC)};
    std::unique_ptr<CalendarInteropService> m_service;
};

namespace {

QDateTime utc(int year, int month, int day, int hour = 0, int minute = 0)
{
    return QDateTime(QDate(year, month, day), QTime(hour, minute), Qt::UTC);
}

QByteArray series(int count, const QByteArray &extra = {})
{
    return "BEGIN:VCALENDAR\nVERSION:2.0\nBEGIN:VEVENT\nUID:s@x\nDTSTART;TZID=Europe/Berlin:20260302T100000\n"
           "DURATION:PT1H\nRRULE:FREQ=DAILY;COUNT=" + QByteArray::number(count) + "\nSUMMARY:Daily\nEND:VEVENT\n"
           + extra + "END:VCALENDAR\n";
}

} // namespace

void TestCalendarInteropService::init()
{
    m_clock.setNow(QDateTime(QDate(2026, 3, 1), QTime(9, 0), Qt::UTC));
    m_dir = std::make_unique<test::TempDataDir>();
    auto db = Database::open(m_dir->databasePath());
    QVERIFY(db.isOk());
    m_db = std::move(db).value();
    m_service = std::make_unique<CalendarInteropService>(*m_db, m_clock);
    m_service->setFloatingZone(QTimeZone("Europe/Berlin"));
}

void TestCalendarInteropService::cleanup()
{
    m_service.reset();
    m_db.reset();
    m_dir.reset();
}

Result<IcalReadReport> TestCalendarInteropService::importText(const QByteArray &text, const QString &source,
                                                              const IcalProgress &progress)
{
    QBuffer buffer;
    buffer.setData(text);
    buffer.open(QIODevice::ReadOnly);
    return m_service->importDevice(buffer, source, progress);
}

void TestCalendarInteropService::importStoresExpandedInstances()
{
    const QString path = qEnvironmentVariable("FERMATA_TEST_DATA") + QStringLiteral("/ical/google.ics");
    m_clock.setNow(QDateTime(QDate(2026, 8, 20), QTime(9, 0), Qt::UTC));
    m_service->setUserAddresses({QStringLiteral("me@example.com")});
    const auto report = m_service->importFile(path, CalendarInteropService::defaultSourceName(path));
    QVERIFY(report.isOk());
    QCOMPARE(report->instances, 5);
    // The planner's query returns the expanded occurrences.
    const Interval september = Interval::fromDateTimes(QDateTime(QDate(2026, 9, 1), QTime(0, 0), Qt::UTC),
                                                       QDateTime(QDate(2026, 10, 1), QTime(0, 0), Qt::UTC));
    const auto events = CalendarEventRepository(*m_db).overlapping(september);
    QVERIFY(events.isOk());
    QCOMPARE(events->size(), 5);
    QCOMPARE(events->at(0).source, QStringLiteral("google"));
    QCOMPARE(events->at(0).uid, QStringLiteral("7kukuqrfedlm2f9t7fmnbl3o1a@google.com/20260901T080000Z"));
    QCOMPARE(events->at(3).title, QStringLiteral("All hands"));
    QVERIFY(!events->at(3).busy); // declined by me@example.com
}

void TestCalendarInteropService::reimportUpdatesInPlace()
{
    QVERIFY(importText(series(5), QStringLiteral("work")).isOk());
    QList<CalendarEvent> before = all();
    QCOMPARE(before.size(), 5);
    // Occurrences of a series have no row: their ids are negative and stay the same.
    for (const CalendarEvent &event : before)
        QVERIFY(event.id < 0);
    // The person adds a buffer to the first meeting; a re-import keeps it.
    CalendarEvent first = before.first();
    first.bufferBeforeMinutes = 10;
    QVERIFY(CalendarEventRepository(*m_db).update(first).isOk());

    const QByteArray override = "BEGIN:VEVENT\nUID:s@x\nRECURRENCE-ID;TZID=Europe/Berlin:20260303T100000\n"
                                "DTSTART;TZID=Europe/Berlin:20260303T150000\nDURATION:PT1H\nSUMMARY:Moved\nEND:VEVENT\n";
    const auto report = importText(series(3, override), QStringLiteral("work"));
    QVERIFY(report.isOk());
    const QList<CalendarEvent> after = all();
    QCOMPARE(after.size(), 3);
    QCOMPARE(after[0].id, before[0].id);
    QCOMPARE(after[0].bufferBeforeMinutes, 10);
    QVERIFY(after[1].id > 0); // the overridden occurrence is a row of its own now
    QCOMPARE(after[1].uid, before[1].uid);
    QCOMPARE(after[1].title, QStringLiteral("Moved"));
    QCOMPARE(after[1].start, QDateTime(QDate(2026, 3, 3), QTime(14, 0), Qt::UTC));
    QCOMPARE(after[2].id, before[2].id);

    // The same file again: nothing new, nothing duplicated.
    QVERIFY(importText(series(3, override), QStringLiteral("work")).isOk());
    QCOMPARE(all(), after);
}

// Buffers set on one occurrence stay with it: across re-imports of a changed series, when an
// override replaces the occurrence and when the override goes again.
void TestCalendarInteropService::buffersOnOneOccurrenceSurviveReimports()
{
    QVERIFY(importText(series(5), QStringLiteral("work")).isOk());
    const QList<CalendarEvent> before = all();
    CalendarEvent third = before[2];
    third.bufferBeforeMinutes = 15;
    third.bufferAfterMinutes = 5;
    QVERIFY(CalendarEventRepository(*m_db).update(third).isOk());
    // Only buffers are the person's to change on an occurrence; it cannot be removed alone.
    QCOMPARE(CalendarEventRepository(*m_db).remove(third.id).error().code, Error::Code::Invalid);
    CalendarEvent stranger = third;
    stranger.id = -42;
    QCOMPARE(CalendarEventRepository(*m_db).update(stranger).error().code, Error::Code::NotFound);

    auto find = [this](const QString &uid) {
        for (const CalendarEvent &event : all()) {
            if (event.uid == uid)
                return event;
        }
        return CalendarEvent();
    };
    auto buffers = [](const CalendarEvent &event) {
        return std::pair(event.bufferBeforeMinutes, event.bufferAfterMinutes);
    };
    // The series changes (one more occurrence, a new title): the buffers stay.
    QVERIFY(importText(series(6).replace("SUMMARY:Daily", "SUMMARY:Daily sync"), QStringLiteral("work")).isOk());
    QCOMPARE(find(third.uid).title, QStringLiteral("Daily sync"));
    QCOMPARE(buffers(find(third.uid)), std::pair(15, 5));
    QCOMPARE(find(third.uid).id, third.id);
    // An override replaces that occurrence: its row takes the buffers.
    const QByteArray override = "BEGIN:VEVENT\nUID:s@x\nRECURRENCE-ID;TZID=Europe/Berlin:20260304T100000\n"
                                "DTSTART;TZID=Europe/Berlin:20260304T160000\nDURATION:PT1H\nSUMMARY:Later\nEND:VEVENT\n";
    QVERIFY(importText(series(6, override), QStringLiteral("work")).isOk());
    QVERIFY(find(third.uid).id > 0);
    QCOMPARE(find(third.uid).title, QStringLiteral("Later"));
    QCOMPARE(buffers(find(third.uid)), std::pair(15, 5));
    // The person changes them on the row; the override goes: the occurrence keeps them.
    CalendarEvent row = find(third.uid);
    row.bufferAfterMinutes = 20;
    QVERIFY(CalendarEventRepository(*m_db).update(row).isOk());
    QVERIFY(importText(series(6), QStringLiteral("work")).isOk());
    QCOMPARE(find(third.uid).id, third.id);
    QCOMPARE(find(third.uid).title, QStringLiteral("Daily"));
    QCOMPARE(buffers(find(third.uid)), std::pair(15, 20));
    // The whole series goes: so do its buffers.
    QVERIFY(importText("BEGIN:VCALENDAR\nVERSION:2.0\nEND:VCALENDAR\n", QStringLiteral("work")).isOk());
    QCOMPARE(scalar(QStringLiteral("SELECT count(*) FROM calendar_occurrence_edits")), 0);
}

// The same calendar again is not read: nothing is written, no other process is told to reload.
void TestCalendarInteropService::unchangedReimportWritesNothing()
{
    const QString path = qEnvironmentVariable("FERMATA_TEST_DATA") + QStringLiteral("/ical/overrides.ics");
    const auto first = m_service->importFile(path, QStringLiteral("work"));
    QVERIFY(first.isOk());
    const QList<CalendarEvent> before = between(utc(2026, 1, 1), utc(2027, 1, 1));
    QVERIFY(!before.isEmpty());
    auto other = Database::open(m_db->path());
    QVERIFY(other.isOk());
    const auto dataVersion = [&] {
        QSqlQuery query((*other)->connection());
        return query.exec(QStringLiteral("PRAGMA data_version")) && query.next() ? query.value(0).toLongLong() : -1;
    };
    const qint64 version = dataVersion();
    const qint64 calendarTopic = scalar(QStringLiteral("SELECT version FROM data_changes WHERE topic = 'calendar'"));
    const qint64 walBytes = QFileInfo(m_db->path() + QStringLiteral("-wal")).size();

    QSignalSpy imported(m_service.get(), &CalendarInteropService::eventsImported);
    const auto again = m_service->importFile(path, QStringLiteral("work"));
    QVERIFY(again.isOk());
    QCOMPARE(imported.count(), 1);
    QCOMPARE(again->eventsImported, first->eventsImported);
    QCOMPARE(again->instances, first->instances);
    QCOMPARE(again->issues, first->issues);
    QCOMPARE(dataVersion(), version); // no other connection committed anything
    QCOMPARE(scalar(QStringLiteral("SELECT version FROM data_changes WHERE topic = 'calendar'")), calendarTopic);
    QCOMPARE(QFileInfo(m_db->path() + QStringLiteral("-wal")).size(), walBytes);
    QCOMPARE(between(utc(2026, 1, 1), utc(2027, 1, 1)), before);

    // Read with other options (the person's zone), it is read again.
    m_service->setFloatingZone(QTimeZone("America/New_York"));
    QVERIFY(m_service->importFile(path, QStringLiteral("work")).isOk());
    QVERIFY(dataVersion() != version);
}

// A changed calendar is read again, but only what changed is written.
void TestCalendarInteropService::changedSeriesAloneIsWritten()
{
    QByteArray text = "BEGIN:VCALENDAR\nVERSION:2.0\n";
    for (int i = 0; i < 50; ++i)
        text += "BEGIN:VEVENT\nUID:w" + QByteArray::number(i) + "@x\nDTSTAMP:20260101T000000Z\n"
                "DTSTART;TZID=Europe/Berlin:20260302T090000\nDURATION:PT30M\nRRULE:FREQ=WEEKLY\n"
                "SUMMARY:Weekly " + QByteArray::number(i) + "\nEND:VEVENT\n";
    text += "END:VCALENDAR\n";
    QVERIFY(importText(text, QStringLiteral("work")).isOk());
    const qint64 topic = scalar(QStringLiteral("SELECT version FROM data_changes WHERE topic = 'calendar'"));
    // New stamps everywhere (a server re-exported it), one title changed.
    QByteArray changed = text;
    changed.replace("DTSTAMP:20260101T000000Z", "DTSTAMP:20260201T000000Z");
    changed.replace("SUMMARY:Weekly 7\n", "SUMMARY:Weekly seven\n");
    QVERIFY(importText(changed, QStringLiteral("work")).isOk());
    QCOMPARE(scalar(QStringLiteral("SELECT version FROM data_changes WHERE topic = 'calendar'")), topic + 1);
    QCOMPARE(scalar(QStringLiteral("SELECT count(*) FROM calendar_series WHERE title = 'Weekly seven'")), 1);
}

// Occurrences are made for whatever range is asked, a year back or two years ahead, not for a
// horizon around the import.
void TestCalendarInteropService::seriesIsListedInAnyMonth()
{
    QVERIFY(importText("BEGIN:VCALENDAR\nBEGIN:VEVENT\nUID:d@x\nDTSTART;TZID=Europe/Berlin:20200106T090000\n"
                       "DURATION:PT15M\nRRULE:FREQ=WEEKLY;BYDAY=MO,TH\nEXDATE;TZID=Europe/Berlin:20250310T090000\n"
                       "SUMMARY:Standup\nEND:VEVENT\nEND:VCALENDAR\n",
                       QStringLiteral("work"))
                .isOk());
    // March 2025, a year before the clock: Mondays and Thursdays, one left out, CET.
    const QList<CalendarEvent> lastYear = between(utc(2025, 3, 1), utc(2025, 4, 1));
    QCOMPARE(lastYear.size(), 9 - 1);
    QCOMPARE(lastYear.first().start, utc(2025, 3, 3, 8));
    QCOMPARE(lastYear.first().uid, QStringLiteral("d@x/20250303T080000Z"));
    QCOMPARE(lastYear.last().start, utc(2025, 3, 31, 7)); // CEST from March 30
    // March 2028, two years ahead.
    const QList<CalendarEvent> later = between(utc(2028, 3, 1), utc(2028, 4, 1));
    QCOMPARE(later.size(), 9);
    QCOMPARE(later.first().start, utc(2028, 3, 2, 8));
    QCOMPARE(later.last().start, utc(2028, 3, 30, 7));
    for (const CalendarEvent &event : later) {
        QCOMPARE(event.title, QStringLiteral("Standup"));
        QCOMPARE(event.end, event.start.addSecs(15 * 60));
        QCOMPARE(event.source, QStringLiteral("work"));
    }
    // Before it began there is nothing; open-ended series are not in all().
    QVERIFY(between(utc(2019, 1, 1), utc(2020, 1, 6)).isEmpty());
    QVERIFY(all().isEmpty());
}

void TestCalendarInteropService::thisAndFutureAppliesInAnyMonth()
{
    // Weekly on Mondays at 10:00 Berlin; from 2027-01-04 on Tuesdays at 11:00, 90 minutes.
    QVERIFY(importText("BEGIN:VCALENDAR\nBEGIN:VEVENT\nUID:t@x\nDTSTART;TZID=Europe/Berlin:20260105T100000\n"
                       "DURATION:PT1H\nRRULE:FREQ=WEEKLY\nSUMMARY:Review\nEND:VEVENT\n"
                       "BEGIN:VEVENT\nUID:t@x\nRECURRENCE-ID;RANGE=THISANDFUTURE;TZID=Europe/Berlin:20270104T100000\n"
                       "DTSTART;TZID=Europe/Berlin:20270105T110000\nDURATION:PT90M\nSUMMARY:Review (Tuesdays)\n"
                       "END:VEVENT\nEND:VCALENDAR\n",
                       QStringLiteral("work"))
                .isOk());
    const QList<CalendarEvent> before = between(utc(2026, 12, 1), utc(2027, 1, 1));
    QCOMPARE(before.size(), 4);
    QCOMPARE(before.first().start, utc(2026, 12, 7, 9));
    // A year and a half on: Tuesdays 11:00 CEST, moved by the change.
    const QList<CalendarEvent> after = between(utc(2028, 6, 1), utc(2028, 7, 1));
    QCOMPARE(after.size(), 4);
    QCOMPARE(after.first().start, utc(2028, 6, 6, 9));
    QCOMPARE(after.first().end, utc(2028, 6, 6, 10, 30));
    QCOMPARE(after.first().title, QStringLiteral("Review (Tuesdays)"));
    QCOMPARE(after.first().uid, QStringLiteral("t@x/20280605T080000Z"));
}

// A calendar's own VTIMEZONE (no system zone by that name) converts occurrences in any year.
void TestCalendarInteropService::seriesInACalendarZone()
{
    QVERIFY(importText("BEGIN:VCALENDAR\nBEGIN:VTIMEZONE\nTZID:Lab Time\nBEGIN:STANDARD\nDTSTART:19701025T030000\n"
                       "RRULE:FREQ=YEARLY;BYMONTH=10;BYDAY=-1SU\nTZOFFSETFROM:+0200\nTZOFFSETTO:+0100\nEND:STANDARD\n"
                       "BEGIN:DAYLIGHT\nDTSTART:19700329T020000\nRRULE:FREQ=YEARLY;BYMONTH=3;BYDAY=-1SU\n"
                       "TZOFFSETFROM:+0100\nTZOFFSETTO:+0200\nEND:DAYLIGHT\nEND:VTIMEZONE\n"
                       "BEGIN:VEVENT\nUID:l@x\nDTSTART;TZID=Lab Time:20260105T090000\nDURATION:PT1H\n"
                       "RRULE:FREQ=MONTHLY;BYMONTHDAY=5\nSUMMARY:Lab\nEND:VEVENT\nEND:VCALENDAR\n",
                       QStringLiteral("lab"))
                .isOk());
    QCOMPARE(scalar(QStringLiteral("SELECT count(*) FROM calendar_zones")), 1);
    QCOMPARE(between(utc(2029, 1, 1), utc(2029, 2, 1)).value(0).start, utc(2029, 1, 5, 8));
    QCOMPARE(between(utc(2029, 7, 1), utc(2029, 8, 1)).value(0).start, utc(2029, 7, 5, 7));
    // The calendar goes, its zone too.
    QVERIFY(importText("BEGIN:VCALENDAR\nEND:VCALENDAR\n", QStringLiteral("lab")).isOk());
    QCOMPARE(scalar(QStringLiteral("SELECT count(*) FROM calendar_zones")), 0);
}

void TestCalendarInteropService::otherSourcesAreUntouched()
{
    CalendarEvent local;
    local.source = QStringLiteral("local");
    local.title = QStringLiteral("Dentist");
    local.start = QDateTime(QDate(2026, 3, 2), QTime(8, 0), Qt::UTC);
    local.end = local.start.addSecs(3600);
    QVERIFY(CalendarEventRepository(*m_db).add(local).isOk());
    QVERIFY(importText(series(2), QStringLiteral("work")).isOk());
    QVERIFY(importText(series(4), QStringLiteral("home")).isOk());
    QVERIFY(importText("BEGIN:VCALENDAR\nVERSION:2.0\nEND:VCALENDAR\n", QStringLiteral("work")).isOk());
    QStringList sources;
    for (const CalendarEvent &e : all())
        sources << e.source;
    sources.sort();
    QCOMPARE(sources, (QStringList{QStringLiteral("home"), QStringLiteral("home"), QStringLiteral("home"),
                                   QStringLiteral("home"), QStringLiteral("local")}));
}

void TestCalendarInteropService::cancelLeavesNoTrace()
{
    QVERIFY(importText(series(2), QStringLiteral("work")).isOk());
    const QList<CalendarEvent> before = all();
    // A big file (many events) cancelled part way through.
    QByteArray big = "BEGIN:VCALENDAR\nVERSION:2.0\n";
    for (int i = 0; i < 20000; ++i)
        big += "BEGIN:VEVENT\nUID:e" + QByteArray::number(i) + "@x\nDTSTART:20260305T100000Z\nDURATION:PT30M\n"
               "SUMMARY:Event number " + QByteArray::number(i) + "\nEND:VEVENT\n";
    big += "END:VCALENDAR\n";
    int calls = 0;
    const auto report = importText(big, QStringLiteral("work"), [&](qint64 done, qint64 total) {
        ++calls;
        return done < total / 2;
    });
    QVERIFY(report.isOk());
    QVERIFY(report->cancelled);
    QVERIFY(calls >= 2);
    QCOMPARE(all(), before);

    // Not cancelled: progress ends at 100 %.
    qint64 last = 0, size = 0;
    const auto done = importText(big, QStringLiteral("work"), [&](qint64 d, qint64 t) {
        last = d;
        size = t;
        return true;
    });
    QVERIFY(done.isOk() && !done->cancelled);
    QCOMPARE(last, size);
    QCOMPARE(all().size(), 20000);
}

void TestCalendarInteropService::notICalendarChangesNothing()
{
    QVERIFY(importText(series(2), QStringLiteral("work")).isOk());
    const QList<CalendarEvent> before = all();
    const auto report = importText("<html>Sign in to continue</html>", QStringLiteral("work"));
    QVERIFY(!report.isOk());
    QVERIFY2(report.error().message.contains(u"not an iCalendar file"), qPrintable(report.error().message));
    QCOMPARE(all(), before);
}

void TestCalendarInteropService::localIsReserved()
{
    QVERIFY(!importText(series(1), QStringLiteral("local")).isOk());
    QVERIFY(!importText(series(1), QString()).isOk());
}

// The report counts the occurrences of the horizon around the clock; all are stored, as rules.
void TestCalendarInteropService::reportCountsTheHorizon()
{
    const Interval horizon = m_service->importHorizon();
    QCOMPARE(horizon.start(), m_clock.now().addDays(-30));
    QCOMPARE(horizon.end(), m_clock.now().addDays(400));
    const auto report = importText("BEGIN:VCALENDAR\nBEGIN:VEVENT\nUID:d@x\nDTSTART:20200101T080000Z\n"
                                   "DURATION:PT15M\nRRULE:FREQ=DAILY\nEND:VEVENT\nEND:VCALENDAR\n",
                                   QStringLiteral("work"));
    QVERIFY(report.isOk());
    QCOMPARE(report->instances, 430);
    QCOMPARE(scalar(QStringLiteral("SELECT count(*) FROM calendar_events")), 0);
    QCOMPARE(scalar(QStringLiteral("SELECT count(*) FROM calendar_series")), 1);
    QCOMPARE(between(horizon.start(), horizon.end()).size(), 430);
    QCOMPARE(between(utc(2020, 1, 1), utc(2021, 1, 1)).size(), 366);
}

// The window reads while a command imports (another connection, here another thread): each
// read sees the calendar before or after an import, never half of one.
void TestCalendarInteropService::readersSeeAnImportWholeOrNotAtAll()
{
    QByteArray a = "BEGIN:VCALENDAR\nVERSION:2.0\n";
    QByteArray b = a;
    for (int i = 0; i < 300; ++i) {
        const QByteArray uid = "UID:c" + QByteArray::number(i) + "@x\n";
        a += "BEGIN:VEVENT\n" + uid + "DTSTART:20260302T090000Z\nDURATION:PT30M\nRRULE:FREQ=DAILY\nEND:VEVENT\n";
        b += "BEGIN:VEVENT\n" + uid + "DTSTART:20260302T090000Z\nDURATION:PT30M\nRRULE:FREQ=WEEKLY\nEND:VEVENT\n"
             "BEGIN:VEVENT\n" + uid + "RECURRENCE-ID:20260309T090000Z\nDTSTART:20260309T120000Z\nDURATION:PT30M\n"
             "END:VEVENT\n";
    }
    a += "END:VCALENDAR\n";
    b += "END:VCALENDAR\n";
    QVERIFY(importText(a, QStringLiteral("work")).isOk());
    const Interval march = Interval::fromDateTimes(utc(2026, 3, 1), utc(2026, 4, 1));
    const qsizetype daily = between(march.start(), march.end()).size();
    QCOMPARE(daily, 300 * 30);
    std::atomic_bool done{false};
    std::atomic_int reads{0};
    QStringList seen;
    std::thread reader([&] {
        auto db = Database::open(m_db->path());
        if (!db) {
            seen << db.error().message;
            return;
        }
        while (!done.load()) {
            const auto events = CalendarEventRepository(**db).overlapping(march);
            const qsizetype n = events ? events->size() : -1;
            if (n != daily && n != 300 * 5)
                seen << QString::number(n);
            reads.fetch_add(1);
        }
    });
    for (int round = 0; round < 6; ++round)
        QVERIFY(importText(round % 2 == 0 ? b : a, QStringLiteral("work")).isOk());
    QTRY_VERIFY(reads.load() > 3);
    done = true;
    reader.join();
    QVERIFY2(seen.isEmpty(), qPrintable(seen.join(u' ')));
}

void TestCalendarInteropService::exportToWritesAtomically()
{
    TaskRepository tasks(*m_db);
    Task task;
    task.title = QStringLiteral("Write");
    task.estimateMinutes = task.remainingMinutes = 60;
    const auto taskId = tasks.add(task);
    QVERIFY(taskId.isOk());
    FocusBlock block;
    block.taskId = *taskId;
    block.start = QDateTime(QDate(2026, 3, 3), QTime(8, 0), Qt::UTC);
    block.end = block.start.addSecs(5400);
    QVERIFY(FocusBlockRepository(*m_db).add(block).isOk());
    CheckInWindow window;
    window.rule = WeeklyRule(WeeklyRule::Weekdays, QTime(13, 0), QTime(13, 15), "Europe/Berlin");
    window.label = QStringLiteral("After lunch");
    QVERIFY(CheckInWindowRepository(*m_db).add(window).isOk());

    const QString path = m_dir->filePath(QStringLiteral("fermata.ics"));
    QVERIFY(m_service->exportIfConfigured().isOk()); // nothing configured: nothing written
    QVERIFY(!QFile::exists(path));
    m_service->setAutoExportPath(path);
    QVERIFY(m_service->exportIfConfigured().isOk());
    const QByteArray text = test::fileBytes(path);
    QVERIFY(text.contains("SUMMARY:Focus: Write"));
    QVERIFY(text.contains("BEGIN:VAVAILABILITY"));
    QVERIFY(text.contains("SUMMARY:Check-in: After lunch"));
    QVERIFY(text.contains("TZID:Europe/Berlin"));
}

QTEST_GUILESS_MAIN(TestCalendarInteropService)
#include "tst_calendarinteropservice.moc"
