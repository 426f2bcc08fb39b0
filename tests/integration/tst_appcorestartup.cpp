// The window's start-up reads the tasks, and checks the file's integrity, on a worker thread
// while it builds itself (AppCore::preloadTasks). It must end where reading them
// at once ends, and a damaged file must still be refused before anything is written to it.
#include "appcore.h"
#include "storage/repositories.h"
#include "testsupport.h"

#include <QFile>
#include <QSqlDatabase>
#include <QSqlQuery>
#include <QTest>

using namespace fermata;

namespace {

// A database the window has never opened (no check-in windows seeded yet) with three tasks.
void createWithTasks(const QString &path)
{
    auto db = Database::open(path);
    QVERIFY2(db.isOk(), db.isOk() ? "" : qPrintable(db.error().message));
    TaskRepository tasks(**db);
    for (const char *title : {"Write report", "Plan offsite", "Review budget"}) {
        Task task;
        task.title = QString::fromLatin1(title);
        task.estimateMinutes = task.remainingMinutes = 60;
        task.tags = {QStringLiteral("work")};
        QVERIFY(tasks.add(task).isOk());
    }
}

// Overwrites the root page of `table` with garbage: the rest of the file stays readable, so
// only the integrity check can tell.
void damageTable(const QString &path, const char *table)
{
    qint64 rootPage = 0;
    qint64 pageSize = 0;
    {
        QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), QStringLiteral("raw"));
        db.setDatabaseName(path);
        QVERIFY(db.open());
        QSqlQuery query(db);
        QVERIFY(query.exec(QStringLiteral("SELECT rootpage FROM sqlite_master WHERE name = '%1'").arg(QLatin1String(table))));
        QVERIFY(query.next());
        rootPage = query.value(0).toLongLong();
        QVERIFY(query.exec(QStringLiteral("PRAGMA page_size")));
        QVERIFY(query.next());
        pageSize = query.value(0).toLongLong();
        query.finish();
        db.close();
    }
    QSqlDatabase::removeDatabase(QStringLiteral("raw"));
    QVERIFY(rootPage >= 2);
    QFile file(path);
    QVERIFY(file.open(QIODevice::ReadWrite));
    QVERIFY(file.seek((rootPage - 1) * pageSize));
    const QByteArray garbage(pageSize, '\xA5');
    QCOMPARE(file.write(garbage), garbage.size());
}

} // namespace

class TestAppCoreStartup : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void initTestCase() { test::pinEnvironment(); }

    void backgroundLoadEndsWhereLoadingAtOnceEnds()
    {
        test::TempDataDir dir;
        createWithTasks(dir.databasePath());
        const AppPaths paths = AppPaths::inDirectory(dir.path());
        QList<Task> atOnce;
        {
            auto core = AppCore::open(paths);
            QVERIFY(core.isOk());
            atOnce = core.value()->tasks().tasks();
        }
        QCOMPARE(atOnce.size(), 3);
        auto core = AppCore::open(paths, AppCore::preloadTasks(paths));
        QVERIFY2(core.isOk(), core.isOk() ? "" : qPrintable(core.error().message));
        const Status loaded = core.value()->finishLoading();
        QVERIFY2(loaded.isOk(), loaded.isOk() ? "" : qPrintable(loaded.error().message));
        QCOMPARE(core.value()->tasks().tasks(), atOnce);
        QVERIFY(!core.value()->attention().personalWindows().isEmpty());
        // Writes go through the window's own connection as before.
        Task task;
        task.title = QStringLiteral("After start");
        task.estimateMinutes = task.remainingMinutes = 30;
        QVERIFY(core.value()->tasks().add(task).isOk());
        QCOMPARE(core.value()->tasks().tasks().size(), 4);
    }

    // A page no start-up query reads is damaged: only the integrity check sees it. Loading at
    // once refuses the file in open(); in the background finishLoading() refuses it, and in
    // neither case is a byte written (the first run's check-in windows included).
    void aDamagedFileIsRefusedUntouched()
    {
        test::TempDataDir dir;
        const QString path = dir.databasePath();
        createWithTasks(path);
        damageTable(path, "calendar_events");
        QFile::remove(path + QStringLiteral("-wal"));
        QFile::remove(path + QStringLiteral("-shm"));
        const QByteArray before = test::fileBytes(path);
        const AppPaths paths = AppPaths::inDirectory(dir.path());

        auto atOnce = AppCore::open(paths);
        QVERIFY(!atOnce.isOk());
        QCOMPARE(atOnce.error().code, Error::Code::Damaged);
        QCOMPARE(test::fileBytes(path), before);

        {
            auto core = AppCore::open(paths, AppCore::preloadTasks(paths));
            QVERIFY2(core.isOk(), core.isOk() ? "" : qPrintable(core.error().message));
            const Status loaded = core.value()->finishLoading();
            QVERIFY(!loaded.isOk());
            QCOMPARE(loaded.error().code, Error::Code::Damaged);
            QVERIFY2(loaded.error().message.contains(QStringLiteral("untouched")), qPrintable(loaded.error().message));
            QVERIFY(core.value()->tasks().tasks().isEmpty());
        }
        QCOMPARE(test::fileBytes(path), before);
        QVERIFY(QFileInfo(path + QStringLiteral("-wal")).size() == 0);
    }

    // A file due for migration is written by open() itself, so open() checks it first even
    // when the check would otherwise run on the worker.
    void aFileDueForMigrationIsCheckedBeforeItIsMigrated()
    {
        test::TempDataDir dir;
        const QString path = dir.databasePath();
        createWithTasks(path);
        {
            QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), QStringLiteral("raw"));
            db.setDatabaseName(path);
            QVERIFY(db.open());
            QSqlQuery query(db);
            QVERIFY(query.exec(QStringLiteral("PRAGMA user_version = %1").arg(Database::latestSchemaVersion() - 1)));
            query.finish();
            db.close();
        }
        QSqlDatabase::removeDatabase(QStringLiteral("raw"));
        damageTable(path, "calendar_events");
        QFile::remove(path + QStringLiteral("-wal"));
        QFile::remove(path + QStringLiteral("-shm"));
        const QByteArray before = test::fileBytes(path);
        auto core = AppCore::open(AppPaths::inDirectory(dir.path()), AppCore::preloadTasks(AppPaths::inDirectory(dir.path())));
        QVERIFY(!core.isOk());
        QCOMPARE(core.error().code, Error::Code::Damaged);
        QCOMPARE(test::fileBytes(path), before);
    }
};

QTEST_GUILESS_MAIN(TestAppCoreStartup)
#include "tst_appcorestartup.moc"
