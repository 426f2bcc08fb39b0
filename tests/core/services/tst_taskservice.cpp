#include "tasks/taskservice.h"
#include "storage/database.h"
#include "storage/repositories.h"
#include "testsupport.h"

#include <QSignalSpy>
#include <QTest>

#include <memory>

using namespace fermata;

namespace {

Task validTask(const QString &title = QStringLiteral("Write the report"))
{
    Task task;
    task.title = title;
    task.estimateMinutes = 120;
    task.remainingMinutes = 120;
    task.minChunkMinutes = 30;
    task.maxChunkMinutes = 90;
    return task;
}

} // namespace

class TestTaskService : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase() { test::pinEnvironment(); }

    void init()
    {
        m_dir = std::make_unique<test::TempDataDir>();
        openService();
    }

    void cleanup()
    {
        m_service.reset();
        m_repository.reset();
        m_db.reset();
        m_dir.reset();
    }

    void validation_data()
    {
        QTest::addColumn<Task>("task");
        QTest::addColumn<QString>("error");
        QTest::newRow("valid") << validTask() << QString();
        Task t = validTask(QString());
        QTest::newRow("no title") << t << QStringLiteral("Give the task a title.");
        t = validTask(QStringLiteral("   "));
        QTest::newRow("blank title") << t << QStringLiteral("Give the task a title.");
        t = validTask();
        t.estimateMinutes = 0;
        t.remainingMinutes = 0;
        QTest::newRow("zero estimate") << t << QStringLiteral("Estimate the task at one minute or more.");
        t = validTask();
        t.remainingMinutes = -5;
        QTest::newRow("negative remaining") << t << QStringLiteral("The remaining time cannot be negative.");
        t = validTask();
        t.remainingMinutes = 150;
        QTest::newRow("remaining above estimate")
            << t << QStringLiteral("The remaining time (150 min) is longer than the estimate "
                                   "(120 min): raise the estimate.");
        t = validTask();
        t.minChunkMinutes = 0;
        QTest::newRow("zero min chunk") << t << QStringLiteral("The minimum block must be one minute or more.");
        t = validTask();
        t.minChunkMinutes = 100;
        t.maxChunkMinutes = 60;
        QTest::newRow("min above max")
            << t << QStringLiteral("The minimum block (100 min) is longer than the maximum block (60 min).");
        t = validTask();
        t.minChunkMinutes = 60;
        t.maxChunkMinutes = 60;
        QTest::newRow("min equals max") << t << QString();
        t = validTask();
        t.earliestStart = QDateTime(QDate(2024, 3, 5), QTime(9, 0), Qt::UTC);
        t.deadline = QDateTime(QDate(2024, 3, 4), QTime(17, 0), Qt::UTC);
        QTest::newRow("deadline before start")
            << t << QStringLiteral("The deadline is before the earliest start: move one of them.");
        t.deadline = QDateTime(QDate(2024, 3, 6), QTime(17, 0), Qt::UTC);
        QTest::newRow("deadline after start") << t << QString();
        t = validTask();
        t.id = 7;
        t.dependsOn = {7};
        QTest::newRow("depends on itself") << t << QStringLiteral("A task cannot wait for itself.");
    }

    void validation()
    {
        QFETCH(Task, task);
        QFETCH(QString, error);
        QCOMPARE(TaskService::validationError(task), error);

        QSignalSpy added(m_service.get(), &TaskService::taskAdded);
        const auto result = m_service->add(task);
        if (error.isEmpty() || task.id != 0) // add() ignores the incoming id
            return;
        QVERIFY(!result.isOk());
        QCOMPARE(result.error().code, Error::Code::Invalid);
        QCOMPARE(result.error().message, error);
        QCOMPARE(added.count(), 0);
        QVERIFY(m_service->tasks().isEmpty());
        QVERIFY(TaskRepository(*m_db).all()->isEmpty());
    }

    void addUpdateDoneRemoveEmit()
    {
        QSignalSpy added(m_service.get(), &TaskService::taskAdded);
        QSignalSpy changed(m_service.get(), &TaskService::taskChanged);
        QSignalSpy removed(m_service.get(), &TaskService::taskRemoved);

        const auto first = m_service->add(validTask(QStringLiteral("First")));
        QVERIFY(first.isOk());
        QVERIFY(first->id > 0);
        QCOMPARE(added.count(), 1);
        QCOMPARE(added.at(0).at(0).value<Task>(), *first);

        Task second = validTask(QStringLiteral("Second"));
        second.dependsOn = {first->id};
        const auto storedSecond = m_service->add(second);
        QVERIFY(storedSecond.isOk());
        QCOMPARE(m_service->tasks().size(), 2);

        Task edited = *first;
        edited.title = QStringLiteral("First, renamed");
        QVERIFY(m_service->update(edited).isOk());
        QCOMPARE(changed.count(), 1);
        QCOMPARE(changed.at(0).at(0).value<Task>(), edited);
        QCOMPARE(*m_service->task(edited.id), edited);

        edited.title.clear();
        QCOMPARE(m_service->update(edited).error().code, Error::Code::Invalid);
        QCOMPARE(changed.count(), 1);

        Task done = *m_service->task(first->id);
        QVERIFY(m_service->setDone(first->id, true).isOk());
        QCOMPARE(changed.count(), 2);
        QVERIFY(m_service->task(first->id)->done);
        QCOMPARE(m_service->task(first->id)->remainingMinutes, done.remainingMinutes);
        QVERIFY(m_service->setDone(first->id, true).isOk()); // no change, no signal
        QCOMPARE(changed.count(), 2);

        // Removing a task drops it from the tasks that waited for it.
        QVERIFY(m_service->remove(first->id).isOk());
        QCOMPARE(removed.count(), 1);
        QCOMPARE(removed.at(0).at(0).toLongLong(), first->id);
        QCOMPARE(changed.count(), 3);
        QVERIFY(m_service->task(storedSecond->id)->dependsOn.isEmpty());
        QVERIFY(!m_service->task(first->id).has_value());

        QCOMPARE(m_service->remove(first->id).error().code, Error::Code::NotFound);
        QCOMPARE(m_service->setDone(first->id, false).error().code, Error::Code::NotFound);
        QCOMPARE(m_service->update(*first).error().code, Error::Code::NotFound);
        QCOMPARE(removed.count(), 1);
        QCOMPARE(changed.count(), 3);
    }

    void unknownDependencyIsRefused()
    {
        QSignalSpy added(m_service.get(), &TaskService::taskAdded);
        Task task = validTask();
        task.dependsOn = {404};
        const auto result = m_service->add(task);
        QVERIFY(!result.isOk());
        QCOMPARE(result.error().code, Error::Code::Invalid);
        QCOMPARE(added.count(), 0);
    }

    // The default minimum block (30 min) never exceeds the task: a 15-minute task gets 15.
    void shortTaskGetsAShortMinimumBlock()
    {
        Task task; // the model's defaults, as quick-add and `fermata tasks add` build it
        task.title = QStringLiteral("Call the bank");
        task.estimateMinutes = task.remainingMinutes = 15;
        const auto added = m_service->add(task);
        QVERIFY(added.isOk());
        QCOMPARE(added->minChunkMinutes, 15);
        QCOMPARE(m_service->task(added->id)->minChunkMinutes, 15);
        Task longer = validTask();
        longer.minChunkMinutes = 45;
        QCOMPARE(m_service->add(longer)->minChunkMinutes, 45); // a chosen one inside the estimate stays
    }

    void idByTitleIgnoresCase()
    {
        const auto added = m_service->add(validTask(QStringLiteral("Write report")));
        QVERIFY(added.isOk());
        QCOMPARE(m_service->idByTitle(QStringLiteral("write REPORT ")), added->id);
        QCOMPARE(m_service->idByTitle(QStringLiteral("Other")), qint64(0));
    }

    void persistsAcrossServices()
    {
        Task task = validTask(QStringLiteral("Persistent"));
        task.tags = {QStringLiteral("a"), QStringLiteral("b")};
        task.deadline = QDateTime(QDate(2024, 5, 1), QTime(12, 0), Qt::UTC);
        const auto stored = m_service->add(task);
        QVERIFY(stored.isOk());
        QVERIFY(m_service->setDone(stored->id, true).isOk());
        const auto other = m_service->add(validTask(QStringLiteral("Removed")));
        QVERIFY(other.isOk());
        QVERIFY(m_service->remove(other->id).isOk());
        const QList<Task> before = m_service->tasks();

        m_service.reset();
        m_repository.reset();
        m_db.reset();
        openService();
        QCOMPARE(m_service->tasks(), before);
        QCOMPARE(m_service->tasks().size(), 1);
        QVERIFY(m_service->tasks().at(0).done);
    }

    void loadEmitsReset()
    {
        QSignalSpy reset(m_service.get(), &TaskService::tasksReset);
        QVERIFY(m_service->load().isOk());
        QCOMPARE(reset.count(), 1);
    }

private:
    void openService()
    {
        auto db = Database::open(m_dir->databasePath());
        QVERIFY2(db.isOk(), qPrintable(db.isOk() ? QString() : db.error().message));
        m_db = std::move(db).value();
        m_repository = std::make_unique<TaskRepository>(*m_db);
        m_service = std::make_unique<TaskService>(*m_repository);
        QVERIFY(m_service->load().isOk());
    }

    std::unique_ptr<test::TempDataDir> m_dir;
    std::unique_ptr<Database> m_db;
    std::unique_ptr<TaskRepository> m_repository;
    std::unique_ptr<TaskService> m_service;
};

QTEST_GUILESS_MAIN(TestTaskService)
#include "tst_taskservice.moc"
