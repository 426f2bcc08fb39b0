#include "storage/database.h"
#include "messaging/messagerepository.h"
#include "storage/repositories.h"
#include "testsupport.h"

#include <QElapsedTimer>
#include <QSqlQuery>
#include <QTest>

#include <memory>

using namespace fermata;

namespace {

QDateTime utc(int y, int mo, int d, int h, int mi = 0)
{
    return QDateTime(QDate(y, mo, d), QTime(h, mi), Qt::UTC);
}

qint64 ms(int y, int mo, int d, int h, int mi = 0)
{
    return utc(y, mo, d, h, mi).toMSecsSinceEpoch();
}

int rowCount(const Database &db, const QString &table)
{
    QSqlQuery query(db.connection());
    if (!query.exec(QStringLiteral("SELECT count(*) FROM ") + table) || !query.next())
        return -1;
    return query.value(0).toInt();
}

template <typename T>
T ok(Result<T> result)
{
    if (!result.isOk())
        qFatal("%s", qPrintable(result.error().message));
    return std::move(result).value();
}

} // namespace

class TestRepositories : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase() { test::pinEnvironment(); }

    void init()
    {
        m_dir = std::make_unique<test::TempDataDir>();
        auto db = Database::open(m_dir->databasePath());
        QVERIFY2(db.isOk(), qPrintable(db.isOk() ? QString() : db.error().message));
        m_db = std::move(db).value();
    }

    void cleanup()
    {
        m_db.reset();
        m_dir.reset();
    }

    void taskRoundTrip()
    {
        TaskRepository repo(*m_db);
        Task first;
        first.title = QStringLiteral("Write the design note");
        const qint64 firstId = ok(repo.add(first));
        Task second;
        second.title = QStringLiteral("Review");
        const qint64 secondId = ok(repo.add(second));

        Task task;
        task.id = 999; // ignored
        task.title = QStringLiteral("Ship 1.0 — “quotes” ünïcode");
        task.notes = QStringLiteral("line one\nline two");
        task.estimateMinutes = 240;
        task.remainingMinutes = 90;
        // A local-time deadline must come back as the same instant.
        task.deadline = QDateTime(QDate(2024, 3, 8), QTime(17, 30), QTimeZone("Europe/Berlin"));
        task.priority = Priority::P1;
        task.earliestStart = utc(2024, 3, 4, 8, 15);
        task.minChunkMinutes = 45;
        task.maxChunkMinutes = 90;
        task.splittable = false;
        task.dependsOn = {secondId, firstId}; // order is kept
        task.preferredDayPart = DayPart::Morning;
        task.tags = {QStringLiteral("release"), QStringLiteral("a tag, with comma"),
                     QStringLiteral("release"), QString()};
        task.done = true;
        task.afterCommitment = QUuid::fromString(QStringLiteral("6f1c2a3b-0000-4000-8000-000000000001"));
        const qint64 id = ok(repo.add(task));
        QVERIFY(id > secondId);
        task.id = id;

        const auto found = ok(repo.find(id));
        QVERIFY(found.has_value());
        QCOMPARE(*found, task);
        QCOMPARE(found->deadline.timeSpec(), Qt::UTC);

        const QList<Task> all = ok(repo.all());
        QCOMPARE(all.size(), 3);
        QCOMPARE(all.at(0).id, firstId);
        QCOMPARE(all.at(1).id, secondId);
        QCOMPARE(all.at(2), task);
        QVERIFY(!all.at(0).deadline.isValid()); // invalid stays invalid
        QVERIFY(!all.at(0).earliestStart.isValid());
        QVERIFY(all.at(0).afterCommitment.isNull());
        QCOMPARE(all.at(0).title, first.title);

        // Update replaces every field, dependencies and tags included.
        task.title = QStringLiteral("Ship 1.1");
        task.dependsOn = {firstId};
        task.tags.clear();
        task.deadline = QDateTime();
        task.done = false;
        task.afterCommitment = QUuid(); // no longer waits
        QVERIFY(repo.update(task).isOk());
        QCOMPARE(*ok(repo.find(id)), task);
        QCOMPARE(rowCount(*m_db, QStringLiteral("task_tags")), 0);

        QVERIFY(!ok(repo.find(12345)).has_value());
    }

    void taskWithUnknownDependencyIsNotStored()
    {
        TaskRepository repo(*m_db);
        Task task;
        task.title = QStringLiteral("Waits for a ghost");
        task.dependsOn = {4242};
        const auto added = repo.add(task);
        QVERIFY(!added.isOk());
        QCOMPARE(added.error().code, Error::Code::Database);
        QVERIFY(added.error().message.contains(m_db->path()));
        // The task row was rolled back with its dependency rows.
        QCOMPARE(rowCount(*m_db, QStringLiteral("tasks")), 0);
    }

    void updateAndRemoveMissingAreNotFound()
    {
        Task task;
        task.id = 77;
        task.title = QStringLiteral("Nowhere");
        QCOMPARE(TaskRepository(*m_db).update(task).error().code, Error::Code::NotFound);
        QCOMPARE(TaskRepository(*m_db).remove(77).error().code, Error::Code::NotFound);
        CalendarEvent event;
        event.id = 77;
        QCOMPARE(CalendarEventRepository(*m_db).update(event).error().code, Error::Code::NotFound);
        FocusBlock block;
        block.id = 77;
        QCOMPARE(FocusBlockRepository(*m_db).update(block).error().code, Error::Code::NotFound);
        CheckInWindow window;
        window.id = 77;
        QCOMPARE(CheckInWindowRepository(*m_db).update(window).error().code, Error::Code::NotFound);
        QCOMPARE(CheckInWindowRepository(*m_db).remove(77).error().code, Error::Code::NotFound);
        QCOMPARE(CalendarEventRepository(*m_db).remove(77).error().code, Error::Code::NotFound);
    }

    void removingTaskCascades()
    {
        TaskRepository tasks(*m_db);
        FocusBlockRepository blocks(*m_db);
        Task base;
        base.title = QStringLiteral("Base");
        const qint64 baseId = ok(tasks.add(base));
        Task dependent;
        dependent.title = QStringLiteral("Dependent");
        dependent.dependsOn = {baseId};
        dependent.tags = {QStringLiteral("x")};
        const qint64 dependentId = ok(tasks.add(dependent));
        ok(blocks.add(FocusBlock{0, baseId, utc(2024, 3, 4, 9), utc(2024, 3, 4, 10), false}));
        const qint64 kept =
            ok(blocks.add(FocusBlock{0, dependentId, utc(2024, 3, 4, 11), utc(2024, 3, 4, 12), true}));

        QVERIFY(tasks.remove(baseId).isOk());
        const QList<FocusBlock> left = ok(blocks.all());
        QCOMPARE(left.size(), 1);
        QCOMPARE(left.at(0).id, kept);
        QCOMPARE(rowCount(*m_db, QStringLiteral("task_dependencies")), 0);
        QVERIFY(ok(tasks.find(dependentId))->dependsOn.isEmpty());

        QVERIFY(tasks.remove(dependentId).isOk());
        QCOMPARE(rowCount(*m_db, QStringLiteral("focus_blocks")), 0);
        QCOMPARE(rowCount(*m_db, QStringLiteral("task_tags")), 0);
    }

    void calendarEventRoundTrip()
    {
        CalendarEventRepository repo(*m_db);
        CalendarEvent event{0, QStringLiteral("work.ics"), QStringLiteral("uid-1@example.org"),
                            QStringLiteral("Stand-up"), utc(2024, 3, 4, 9), utc(2024, 3, 4, 9, 15),
                            false, true, 5, 10};
        event.id = ok(repo.add(event));
        QVERIFY(event.id > 0);
        QCOMPARE(ok(repo.all()), QList<CalendarEvent>{event});
        event.title = QStringLiteral("Stand-up (moved)");
        event.busy = false;
        event.allDay = true;
        QVERIFY(repo.update(event).isOk());
        QCOMPARE(ok(repo.all()), QList<CalendarEvent>{event});
        QVERIFY(repo.remove(event.id).isOk());
        QVERIFY(ok(repo.all()).isEmpty());
    }

    void overlappingIsHalfOpen_data()
    {
        // One event 10:00–11:00 on 2024-03-04.
        QTest::addColumn<qint64>("from");
        QTest::addColumn<qint64>("to");
        QTest::addColumn<bool>("expected");
        QTest::newRow("ends at start") << ms(2024, 3, 4, 9) << ms(2024, 3, 4, 10) << false;
        QTest::newRow("starts at end") << ms(2024, 3, 4, 11) << ms(2024, 3, 4, 12) << false;
        QTest::newRow("last minute") << ms(2024, 3, 4, 10, 59) << ms(2024, 3, 4, 12) << true;
        QTest::newRow("first minute") << ms(2024, 3, 4, 9) << ms(2024, 3, 4, 10, 1) << true;
        QTest::newRow("inside") << ms(2024, 3, 4, 10, 20) << ms(2024, 3, 4, 10, 40) << true;
        QTest::newRow("covering") << ms(2024, 3, 4, 0) << ms(2024, 3, 5, 0) << true;
        QTest::newRow("exact") << ms(2024, 3, 4, 10) << ms(2024, 3, 4, 11) << true;
        QTest::newRow("empty range inside") << ms(2024, 3, 4, 10, 30) << ms(2024, 3, 4, 10, 30)
                                            << false;
        QTest::newRow("one ms before end") << ms(2024, 3, 4, 11) - 1 << ms(2024, 3, 4, 11) << true;
    }

    // A long event that started well before the range (a conference week, a holiday) still
    // overlaps it, whatever bound the query uses to skip earlier events.
    void overlappingFindsLongEventsThatStartedEarlier()
    {
        CalendarEventRepository events(*m_db);
        for (int day = 1; day <= 20; ++day) { // many short events before the range
            CalendarEvent shortEvent;
            shortEvent.title = QStringLiteral("Stand-up %1").arg(day);
            shortEvent.start = utc(2024, 3, day, 9);
            shortEvent.end = utc(2024, 3, day, 9, 15);
            ok(events.add(shortEvent));
        }
        CalendarEvent conference;
        conference.title = QStringLiteral("Conference");
        conference.start = utc(2024, 3, 10, 8);
        conference.end = utc(2024, 3, 25, 18);
        conference.id = ok(events.add(conference));

        const QList<CalendarEvent> found = ok(events.overlapping(Interval(ms(2024, 3, 22, 0), ms(2024, 3, 23, 0))));
        QCOMPARE(found.size(), 1);
        QCOMPARE(found.at(0), conference);
        // Removing the long event makes the bound shrink again; short events are still found.
        QVERIFY(events.remove(conference.id).isOk());
        QCOMPARE(ok(events.overlapping(Interval(ms(2024, 3, 20, 9, 10), ms(2024, 3, 20, 10)))).size(), 1);
    }

    // A moment (DTSTART and no end, RFC 5545 §3.6.1) is listed where it lies, half-open like
    // any event: in [start, end) of the range. It was never listed before.
    void momentsAreListedWhereTheyLie_data()
    {
        QTest::addColumn<qint64>("from");
        QTest::addColumn<qint64>("to");
        QTest::addColumn<bool>("expected");
        QTest::newRow("day") << ms(2024, 3, 4, 0) << ms(2024, 3, 5, 0) << true;
        QTest::newRow("starts at it") << ms(2024, 3, 4, 10) << ms(2024, 3, 4, 11) << true;
        QTest::newRow("ends at it") << ms(2024, 3, 4, 9) << ms(2024, 3, 4, 10) << false;
        QTest::newRow("after it") << ms(2024, 3, 4, 10) + 1 << ms(2024, 3, 4, 11) << false;
        QTest::newRow("empty range at it") << ms(2024, 3, 4, 10) << ms(2024, 3, 4, 10) << false;
    }

    void momentsAreListedWhereTheyLie()
    {
        QFETCH(qint64, from);
        QFETCH(qint64, to);
        QFETCH(bool, expected);
        CalendarEventRepository events(*m_db);
        CalendarEvent moment;
        moment.title = QStringLiteral("Reminder");
        moment.start = moment.end = utc(2024, 3, 4, 10);
        moment.id = ok(events.add(moment));
        const QList<CalendarEvent> found = ok(events.overlapping(Interval(from, to)));
        QCOMPARE(found.size(), expected ? 1 : 0);
        if (expected)
            QCOMPARE(found.at(0), moment);
    }

    void overlappingIsHalfOpen()
    {
        QFETCH(qint64, from);
        QFETCH(qint64, to);
        QFETCH(bool, expected);
        const Interval range(from, to);

        CalendarEventRepository events(*m_db);
        CalendarEvent event;
        event.title = QStringLiteral("Meeting");
        event.start = utc(2024, 3, 4, 10);
        event.end = utc(2024, 3, 4, 11);
        event.id = ok(events.add(event));
        CalendarEvent other = event; // far away, never matches
        other.start = utc(2024, 4, 1, 10);
        other.end = utc(2024, 4, 1, 11);
        ok(events.add(other));
        const QList<CalendarEvent> found = ok(events.overlapping(range));
        QCOMPARE(found.size(), expected ? 1 : 0);
        QCOMPARE(event.interval().overlaps(range), expected); // agrees with Interval
        if (expected)
            QCOMPARE(found.at(0), event);

        Task task;
        task.title = QStringLiteral("Owner");
        const qint64 taskId = ok(TaskRepository(*m_db).add(task));
        FocusBlockRepository blocks(*m_db);
        const FocusBlock block{ok(blocks.add(FocusBlock{0, taskId, event.start, event.end, false})),
                               taskId, event.start, event.end, false};
        const QList<FocusBlock> foundBlocks = ok(blocks.overlapping(range));
        QCOMPARE(foundBlocks.size(), expected ? 1 : 0);
        if (expected)
            QCOMPARE(foundBlocks.at(0), block);
    }

    void overlappingIsOrderedByStart()
    {
        CalendarEventRepository events(*m_db);
        for (int hour : {15, 9, 12}) {
            CalendarEvent event;
            event.start = utc(2024, 3, 4, hour);
            event.end = utc(2024, 3, 4, hour + 1);
            ok(events.add(event));
        }
        const auto found = ok(events.overlapping(Interval(ms(2024, 3, 4, 0), ms(2024, 3, 5, 0))));
        QCOMPARE(found.size(), 3);
        QCOMPARE(found.at(0).start, utc(2024, 3, 4, 9));
        QCOMPARE(found.at(1).start, utc(2024, 3, 4, 12));
        QCOMPARE(found.at(2).start, utc(2024, 3, 4, 15));
    }

    void focusBlockRoundTrip()
    {
        Task task;
        task.title = QStringLiteral("Owner");
        const qint64 taskId = ok(TaskRepository(*m_db).add(task));
        FocusBlockRepository repo(*m_db);
        FocusBlock block{0, taskId, utc(2024, 3, 4, 13), utc(2024, 3, 4, 15, 30), true};
        block.id = ok(repo.add(block));
        QCOMPARE(ok(repo.all()), QList<FocusBlock>{block});
        block.pinned = false;
        block.end = utc(2024, 3, 4, 16);
        QVERIFY(repo.update(block).isOk());
        QCOMPARE(ok(repo.all()), QList<FocusBlock>{block});
        QVERIFY(repo.remove(block.id).isOk());
        QCOMPARE(repo.remove(block.id).error().code, Error::Code::NotFound);
    }

    void checkInWindowRoundTrip()
    {
        CheckInWindowRepository repo(*m_db);
        CheckInWindow personal;
        personal.rule = WeeklyRule(WeeklyRule::Weekdays, QTime(11, 30), QTime(12, 0),
                                   QByteArrayLiteral("Europe/Berlin"));
        personal.label = QStringLiteral("Late morning");
        CheckInWindow team;
        team.rule = WeeklyRule(WeeklyRule::dayBit(Qt::Saturday) | WeeklyRule::dayBit(Qt::Sunday),
                               QTime(23, 0), QTime(0, 30), QByteArrayLiteral("America/New_York"));
        team.label = QStringLiteral("Night owls");
        team.scope = CheckInWindow::Scope::Team;
        CheckInWindow empty; // invalid rule, still round-trips
        personal.id = ok(repo.add(personal));
        team.id = ok(repo.add(team));
        empty.id = ok(repo.add(empty));
        QCOMPARE(ok(repo.all()), (QList<CheckInWindow>{personal, team, empty}));

        team.label = QStringLiteral("Renamed");
        team.rule = WeeklyRule(WeeklyRule::EveryDay, QTime(8, 0), QTime(8, 15),
                               QByteArrayLiteral("Asia/Kolkata"));
        QVERIFY(repo.update(team).isOk());
        QVERIFY(repo.remove(empty.id).isOk());
        QCOMPARE(ok(repo.all()), (QList<CheckInWindow>{personal, team}));
    }

    void messageSaveIsIdempotent()
    {
        MessageRepository repo(*m_db);
        Message m;
        m.uuid = QUuid::fromString(u"{0b1d6a9e-4f7c-4d55-9f37-2a6f0c3f1e42}");
        m.from = QStringLiteral("me@example.org");
        m.to = QStringLiteral("you@example.org");
        m.subject = QStringLiteral("Draft review");
        m.body = QStringLiteral("When you get to it.");
        m.createdAt = utc(2024, 3, 4, 16);
        m.state = Message::State::Queued;
        QVERIFY(repo.save(m).isOk());
        QVERIFY(repo.save(m).isOk()); // a retry
        QCOMPARE(rowCount(*m_db, QStringLiteral("messages")), 1);
        QCOMPARE(*ok(repo.find(m.uuid)), m);

        m.releaseAt = utc(2024, 3, 5, 13);
        m.state = Message::State::Delivered;
        QVERIFY(repo.save(m).isOk());
        QCOMPARE(rowCount(*m_db, QStringLiteral("messages")), 1);
        QCOMPARE(*ok(repo.find(m.uuid)), m);

        Message earlier = m;
        earlier.uuid = QUuid::createUuid();
        earlier.createdAt = utc(2024, 3, 1, 8);
        earlier.releaseAt = QDateTime();
        earlier.state = Message::State::Draft;
        QVERIFY(repo.save(earlier).isOk());
        QCOMPARE(ok(repo.all()), (QList<Message>{earlier, m}));
        QVERIFY(!ok(repo.find(QUuid::createUuid())).has_value());
        QCOMPARE(repo.save(Message{}).error().code, Error::Code::Invalid);
    }

    void writesAreVisibleToAnotherConnection()
    {
        // Committed before returning: a second Database on the same file sees the row at once.
        Task task;
        task.title = QStringLiteral("Committed");
        const qint64 id = ok(TaskRepository(*m_db).add(task));
        auto other = Database::open(m_db->path());
        QVERIFY(other.isOk());
        QVERIFY(ok(TaskRepository(**other).find(id)).has_value());
    }

    void allLoadsManyTasksWithTheirChildren()
    {
        // The start-up path: 5,000 tasks with dependencies and tags, read in three queries.
        TaskRepository repo(*m_db);
        QList<Task> expected;
        QVERIFY(m_db->inTransaction([&]() -> Status {
            for (int i = 0; i < 5000; ++i) {
                Task task;
                task.title = QStringLiteral("Task %1").arg(i);
                if (!expected.isEmpty() && i % 3 == 0)
                    task.dependsOn = {expected.at(i / 2).id, expected.constLast().id};
                task.tags = {QStringLiteral("t%1").arg(i % 7)};
                const auto id = repo.add(task);
                if (!id)
                    return id.error();
                task.id = *id;
                expected.append(task);
            }
            return {};
        }).isOk());
        QElapsedTimer timer;
        timer.start();
        const QList<Task> all = ok(repo.all());
        qInfo("TaskRepository::all() read %lld tasks in %lld ms", qlonglong(all.size()),
              qlonglong(timer.elapsed()));
        QCOMPARE(all, expected);
    }

private:
    std::unique_ptr<test::TempDataDir> m_dir;
    std::unique_ptr<Database> m_db;
};

QTEST_GUILESS_MAIN(TestRepositories)
#include "tst_repositories.moc"
