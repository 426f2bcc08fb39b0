// IcalReader beyond the golden files: what its instances mean to the planner (a moment blocks
// no time), and its streaming when a later copy or a THISANDFUTURE override changes a series
// read batches earlier (the series is read again from the device, which must then go on).
#include "calendar/icalreader.h"
#include "planning/planner.h"
#include "testsupport.h"

#include <QFile>
#include <QTest>

using namespace fermata;

class TestIcalReader : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase() { test::pinEnvironment(); }
    void momentsLeavePlanningTimeFree_data();
    void momentsLeavePlanningTimeFree();
    void laterCopiesAcrossBatches_data();
    void laterCopiesAcrossBatches();
};

namespace {

QDateTime utc(int month, int day, int hour, int minute = 0)
{
    return QDateTime(QDate(2026, month, day), QTime(hour, minute), Qt::UTC);
}

QByteArray calendar(const QByteArray &events)
{
    return "BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//Fermata tests//reader//EN\r\n" + events
        + "END:VCALENDAR\r\n";
}

IcalReadOptions options(const Interval &horizon)
{
    IcalReadOptions result;
    result.source = QStringLiteral("test");
    result.horizon = horizon;
    return result;
}

// Enough single events to fill several batches between the copies of a series.
QByteArray fillers(int first, int count)
{
    QByteArray text;
    for (int i = first; i < first + count; ++i) {
        text += "BEGIN:VEVENT\r\nUID:filler-" + QByteArray::number(i) + "@example.com\r\n"
              + "DTSTART:20260301T100000Z\r\nDTEND:20260301T103000Z\r\nSUMMARY:Filler\r\nEND:VEVENT\r\n";
    }
    return text;
}

} // namespace

void TestIcalReader::momentsLeavePlanningTimeFree_data()
{
    QTest::addColumn<QByteArray>("end");
    QTest::addColumn<int>("plannedMinutes");
    // A reminder at 09:30 with 30-minute buffers (which a person may add to any imported
    // event) in the only two working hours: a moment leaves them free, a minute does not.
    QTest::newRow("no DTEND: a moment") << QByteArray() << 120;
    QTest::newRow("DTEND = DTSTART") << QByteArray("DTEND:20260310T093000Z\r\n") << 120;
    QTest::newRow("one minute (control)") << QByteArray("DTEND:20260310T093100Z\r\n") << 0;
}

void TestIcalReader::momentsLeavePlanningTimeFree()
{
    QFETCH(QByteArray, end);
    QFETCH(int, plannedMinutes);
    const Interval day = Interval::fromDateTimes(utc(3, 10, 0), utc(3, 11, 0));
    IcalEventCollector collector;
    const auto report = IcalReader::readBytes(
        calendar("BEGIN:VEVENT\r\nUID:reminder@example.com\r\nDTSTART:20260310T093000Z\r\n" + end
                 + "SUMMARY:Call the bank\r\nEND:VEVENT\r\n"),
        options(day), collector);
    QVERIFY(report.isOk());
    QCOMPARE(collector.events().size(), 1);
    CalendarEvent reminder = collector.events().front();
    QCOMPARE(reminder.start, utc(3, 10, 9, 30));
    reminder.bufferBeforeMinutes = 30;
    reminder.bufferAfterMinutes = 30;

    PlanRequest request;
    request.horizon = day;
    request.zoneId = "UTC";
    request.workingIntervals = IntervalSet{Interval::fromDateTimes(utc(3, 10, 9), utc(3, 10, 11))};
    request.settings.slotMinutes = 15;
    request.events = {reminder};
    Task task;
    task.id = 1;
    task.title = QStringLiteral("Write the report");
    task.estimateMinutes = task.remainingMinutes = 120;
    task.minChunkMinutes = task.maxChunkMinutes = 120;
    request.tasks = {task};
    const Plan plan = Planner::plan(request);
    QCOMPARE(plan.tasks.size(), 1);
    QCOMPARE(plan.tasks.front().plannedMinutes, plannedMinutes);
}

void TestIcalReader::laterCopiesAcrossBatches_data()
{
    QTest::addColumn<bool>("fromFile");
    QTest::newRow("buffer") << false;
    QTest::newRow("file") << true;
}

// A daily series, a THISANDFUTURE override of it and a newer copy of it, each hundreds of
// events apart: the newer copy's instances replace all of the older one's, the override
// keeps its own occurrence, and every event after them is still read.
void TestIcalReader::laterCopiesAcrossBatches()
{
    QFETCH(bool, fromFile);
    const QByteArray text = calendar(
        "BEGIN:VEVENT\r\nUID:series@example.com\r\nDTSTAMP:20260101T000000Z\r\n"
        "DTSTART:20260202T060000Z\r\nDTEND:20260202T063000Z\r\nRRULE:FREQ=DAILY;COUNT=10\r\n"
        "SUMMARY:Old series\r\nEND:VEVENT\r\n"
        + fillers(0, 150)
        + "BEGIN:VEVENT\r\nUID:series@example.com\r\nDTSTAMP:20260101T000000Z\r\n"
          "RECURRENCE-ID;RANGE=THISANDFUTURE:20260205T060000Z\r\n"
          "DTSTART:20260205T070000Z\r\nDTEND:20260205T073000Z\r\nSUMMARY:Moved\r\nEND:VEVENT\r\n"
        + fillers(150, 150)
        + "BEGIN:VEVENT\r\nUID:series@example.com\r\nDTSTAMP:20260102T000000Z\r\nSEQUENCE:1\r\n"
          "DTSTART:20260202T060000Z\r\nDTEND:20260202T063000Z\r\nRRULE:FREQ=DAILY;COUNT=3\r\n"
          "SUMMARY:New series\r\nEND:VEVENT\r\n"
        + fillers(300, 100));
    const Interval february = Interval::fromDateTimes(utc(2, 1, 0), utc(4, 1, 0));
    IcalEventCollector collector;
    Result<IcalReadReport> report = Result<IcalReadReport>::failure(Error::Code::Io, QString());
    if (fromFile) {
        test::TempDataDir dir;
        QFile file(dir.filePath(QStringLiteral("calendar.ics")));
        QVERIFY(file.open(QIODevice::WriteOnly) && file.write(text) == text.size());
        file.close();
        report = IcalReader::readFile(file.fileName(), options(february), collector);
    } else {
        report = IcalReader::readBytes(text, options(february), collector);
    }
    QVERIFY2(report.isOk(), report.isOk() ? "" : qPrintable(report.error().message));

    QStringList series;
    int fillerCount = 0;
    for (const CalendarEvent &event : collector.events()) {
        if (event.title == QStringLiteral("Filler"))
            ++fillerCount;
        else
            series << event.start.toString(Qt::ISODate) + QLatin1Char(' ') + event.title;
    }
    QCOMPARE(fillerCount, 400);
    QCOMPARE(series, QStringList({QStringLiteral("2026-02-02T06:00:00Z New series"),
                                  QStringLiteral("2026-02-03T06:00:00Z New series"),
                                  QStringLiteral("2026-02-04T06:00:00Z New series"),
                                  QStringLiteral("2026-02-05T07:00:00Z Moved")}));
    QCOMPARE(report->eventsImported, 402);
    QCOMPARE(report->eventsSkipped, 1);
    QCOMPARE(report->instances, 404);
}

QTEST_GUILESS_MAIN(TestIcalReader)
#include "tst_icalreader.moc"
