#include "calendar/calendarservice.h"
#include "storage/database.h"
#include "storage/repositories.h"
#include "testsupport.h"

#include <QSignalSpy>
#include <QTest>

using namespace fermata;

namespace {

QDateTime utc(int d, int h)
{
    return QDateTime(QDate(2024, 3, d), QTime(h, 0), Qt::UTC);
}

} // namespace

class TestCalendarService : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase() { test::pinEnvironment(); }

    void addQueryRemove()
    {
        test::TempDataDir dir;
        auto db = Database::open(dir.databasePath());
        QVERIFY(db.isOk());
        CalendarEventRepository events(**db);
        FocusBlockRepository blocks(**db);
        CalendarService service(events, blocks);
        QSignalSpy changed(&service, &CalendarService::eventsChanged);

        CalendarEvent event;
        event.title = QStringLiteral("Planning");
        event.start = utc(4, 10);
        event.end = utc(4, 11);
        const auto added = service.addEvent(event);
        QVERIFY(added.isOk());
        QVERIFY(added->id > 0);
        QCOMPARE(changed.count(), 1);

        const auto found = service.events(Interval::fromDateTimes(utc(4, 0), utc(5, 0)));
        QVERIFY(found.isOk());
        QCOMPARE(*found, QList<CalendarEvent>{*added});
        QVERIFY(service.events(Interval::fromDateTimes(utc(5, 0), utc(6, 0)))->isEmpty());

        Task task;
        task.title = QStringLiteral("Owner");
        const auto taskId = TaskRepository(**db).add(task);
        QVERIFY(taskId.isOk());
        const FocusBlock block{0, *taskId, utc(4, 13), utc(4, 14), false};
        QVERIFY(blocks.add(block).isOk());
        QCOMPARE(service.focusBlocks(Interval::fromDateTimes(utc(4, 0), utc(5, 0)))->size(), 1);

    }

    void refusesBadEvents_data()
    {
        QTest::addColumn<QDateTime>("start");
        QTest::addColumn<QDateTime>("end");
        QTest::newRow("ends before start") << utc(4, 11) << utc(4, 10);
        QTest::newRow("zero length") << utc(4, 11) << utc(4, 11);
        QTest::newRow("no end") << utc(4, 11) << QDateTime();
        QTest::newRow("no start") << QDateTime() << utc(4, 11);
    }

    void refusesBadEvents()
    {
        QFETCH(QDateTime, start);
        QFETCH(QDateTime, end);
        test::TempDataDir dir;
        auto db = Database::open(dir.databasePath());
        QVERIFY(db.isOk());
        CalendarEventRepository events(**db);
        FocusBlockRepository blocks(**db);
        CalendarService service(events, blocks);
        QSignalSpy changed(&service, &CalendarService::eventsChanged);
        CalendarEvent event;
        event.start = start;
        event.end = end;
        const auto added = service.addEvent(event);
        QVERIFY(!added.isOk());
        QCOMPARE(added.error().code, Error::Code::Invalid);
        QCOMPARE(changed.count(), 0);
        QVERIFY(events.all()->isEmpty());
    }
};

QTEST_GUILESS_MAIN(TestCalendarService)
#include "tst_calendarservice.moc"
