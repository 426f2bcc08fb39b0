// Import into the database: one transaction per import, update in place on re-import,
// nothing changed on a cancel or a file that is not iCalendar; export through the service.
#include "calendar/calendarinteropservice.h"
#include "storage/database.h"
#include "storage/repositories.h"
#include "testsupport.h"
#include "time/clock.h"

#include <QBuffer>
#include <QFile>
#include <QTest>

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
    void otherSourcesAreUntouched();
    void cancelLeavesNoTrace();
    void notICalendarChangesNothing();
    void localIsReserved();
    void horizonFollowsTheClock();
    void exportToWritesAtomically();

private:
    Result<IcalReadReport> importText(const QByteArray &text, const QString &source,
                                      const IcalProgress &progress = {});
    QList<CalendarEvent> all() const { return *CalendarEventRepository(*m_db).all(); }

    std::unique_ptr<test::TempDataDir> m_dir;
    std::unique_ptr<Database> m_db;
    FakeClock m_clock{QDateTime(QDate(2026, 3, 1), QTime(9, 0), Qt::UTC)};
    std::unique_ptr<CalendarInteropService> m_service;
};

namespace {

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
    QCOMPARE(after[1].id, before[1].id); // the overridden occurrence keeps its row
    QCOMPARE(after[1].title, QStringLiteral("Moved"));
    QCOMPARE(after[1].start, QDateTime(QDate(2026, 3, 3), QTime(14, 0), Qt::UTC));
    QCOMPARE(after[2].id, before[2].id);

    // The same file again: nothing new, nothing duplicated.
    QVERIFY(importText(series(3, override), QStringLiteral("work")).isOk());
    QCOMPARE(all(), after);
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

void TestCalendarInteropService::horizonFollowsTheClock()
{
    const Interval horizon = m_service->importHorizon();
    QCOMPARE(horizon.start(), m_clock.now().addDays(-30));
    QCOMPARE(horizon.end(), m_clock.now().addDays(400));
    // A daily series without end is stored only inside it.
    QVERIFY(importText("BEGIN:VCALENDAR\nBEGIN:VEVENT\nUID:d@x\nDTSTART:20200101T080000Z\nDURATION:PT15M\n"
                       "RRULE:FREQ=DAILY\nEND:VEVENT\nEND:VCALENDAR\n",
                       QStringLiteral("work"))
                .isOk());
    const QList<CalendarEvent> events = all();
    QCOMPARE(events.size(), 430);
    QVERIFY(events.first().start >= horizon.start().addSecs(-15 * 60));
    QVERIFY(events.last().start < horizon.end());
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
