// Whose file is it, and can it be written: Fermata's own databases only (application id),
// made whole in one step, private to the user, sharing the file with other processes without
// losing their locks, and named read-only or full disks for what they are.
#include "storage/database.h"
#include "storage/databasefile.h"
#include "storage/datachangewatcher.h"
#include "storage/migrations.h"
#include "storage/privatefiles.h"
#include "storage/repositories.h"
#include "testsupport.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QProcess>
#include <QSignalSpy>
#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>
#include <QTest>

#include <sys/stat.h>
#include <unistd.h>

using namespace fermata;

namespace {

QString messageOf(const Result<std::unique_ptr<Database>> &opened)
{
    return opened ? QString() : opened.error().message;
}

// Statements on a plain QtSql connection: another program making its own SQLite file.
void runRaw(const QString &path, const QStringList &statements)
{
    const QString name = QStringLiteral("other-program");
    {
        QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), name);
        db.setDatabaseName(path);
        QVERIFY(db.open());
        for (const QString &statement : statements) {
            QSqlQuery query(db);
            QVERIFY2(query.exec(statement), qPrintable(query.lastError().text()));
        }
        db.close();
    }
    QSqlDatabase::removeDatabase(name);
}

int modeOf(const QString &path)
{
    struct stat info = {};
    return ::stat(QFile::encodeName(path).constData(), &info) == 0 ? int(info.st_mode & 0777) : -1;
}

qint64 countTasks(Database &db)
{
    QSqlQuery query(db.connection());
    return query.exec(QStringLiteral("SELECT count(*) FROM tasks")) && query.next()
        ? query.value(0).toLongLong() : -1;
}

Task titled(const QString &title)
{
    Task task;
    task.title = title;
    return task;
}

// A healthy database holding one task, closed again (its WAL checkpointed into the file).
void createWithOneTask(const QString &path)
{
    auto db = Database::open(path);
    QVERIFY(db);
    QVERIFY(TaskRepository(**db).add(titled(QStringLiteral("kept"))));
}

// A small tmpfs of our own, to make a disk read-only or full. Needs root (CI runs as root).
class ScratchDisk
{
public:
    explicit ScratchDisk(const QString &size)
    {
        if (::geteuid() != 0) {
            m_why = QStringLiteral("mounting a scratch tmpfs needs root");
            return;
        }
        m_mounted = QProcess::execute(QStringLiteral("mount"),
                                      {QStringLiteral("-t"), QStringLiteral("tmpfs"), QStringLiteral("-o"),
                                       QStringLiteral("size=") + size, QStringLiteral("tmpfs"), m_dir.path()})
            == 0;
        if (!m_mounted)
            m_why = QStringLiteral("mount -t tmpfs was refused: run the tests with the right to mount "
                                   "(root with CAP_SYS_ADMIN)");
    }
    ~ScratchDisk()
    {
        if (m_mounted)
            QProcess::execute(QStringLiteral("umount"), {QStringLiteral("-l"), m_dir.path()});
    }
    bool isMounted() const { return m_mounted; }
    QString skipReason() const { return m_why; }
    QString path() const { return m_dir.path(); }
    bool remountReadOnly()
    {
        return QProcess::execute(QStringLiteral("mount"), {QStringLiteral("-o"), QStringLiteral("remount,ro"),
                                                           m_dir.path()}) == 0;
    }

private:
    QTemporaryDir m_dir;
    bool m_mounted = false;
    QString m_why;
};

} // namespace

// Only a run without root may pass over the scratch-disk cases; as root (make test, CI) they run.
#define REQUIRE_MOUNTED(disk) \
    do { \
        if (!(disk).isMounted()) { \
            if (::geteuid() == 0) \
                QFAIL(qPrintable((disk).skipReason())); \
            QSKIP(qPrintable((disk).skipReason())); \
        } \
    } while (false)

class TestDatabaseFile : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase() { test::pinEnvironment(); }

    void newDatabaseCarriesApplicationIdAndIsPrivate()
    {
        test::TempDataDir dir;
        const QString folder = dir.filePath(QStringLiteral("new/profile"));
        const QString path = folder + QStringLiteral("/fermata.sqlite");
        auto db = Database::open(path);
        QVERIFY2(db, qPrintable(messageOf(db)));
        QSqlQuery query((*db)->connection());
        QVERIFY(query.exec(QStringLiteral("PRAGMA application_id")) && query.next());
        QCOMPARE(query.value(0).toInt(), databasefile::applicationId);
        QVERIFY(TaskRepository(**db).add(titled(QStringLiteral("private"))));
        QCOMPARE(modeOf(folder), 0700);
        QCOMPARE(modeOf(path), 0600);
        QCOMPARE(modeOf(path + QStringLiteral("-wal")), 0600);
        QCOMPARE(modeOf(path + QStringLiteral("-shm")), 0600);
        // Nothing of the temporary file it was made under is left beside it.
        QCOMPARE(QDir(folder).entryList(QDir::Files | QDir::Hidden).size(), 3);
    }

    void refusesEmptyFile()
    {
        test::TempDataDir dir;
        const QString path = dir.databasePath();
        QFile file(path);
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.close();
        auto db = Database::open(path);
        QVERIFY(!db);
        QCOMPARE(db.error().code, Error::Code::NotADatabase);
        QCOMPARE(db.error().message,
                 QStringLiteral("%1 is not a Fermata database (it is empty, 0 bytes). Fermata left it "
                                "untouched: move it away, or start Fermata with --data-dir pointing at "
                                "another folder.")
                     .arg(path));
        QCOMPARE(QFileInfo(path).size(), 0);
        QVERIFY(!QFile::exists(path + QStringLiteral("-wal")));
    }

    void refusesOtherProgramsSqlite_data()
    {
        QTest::addColumn<QStringList>("statements");
        QTest::addColumn<QString>("why");
        QTest::newRow("its own tables") << QStringList{QStringLiteral("CREATE TABLE photos (id INTEGER, path TEXT)"),
                                                         QStringLiteral("INSERT INTO photos VALUES (1, 'a.jpg')"),
                                                         QStringLiteral("PRAGMA user_version = 3")}
                                        << QStringLiteral("it is another program's SQLite database, with the "
                                                          "tables photos");
        QTest::newRow("its application id") << QStringList{QStringLiteral("PRAGMA application_id = 1296126018"),
                                                            QStringLiteral("CREATE TABLE tasks (id INTEGER)")}
                                            << QStringLiteral("it belongs to another program: its application "
                                                              "id is 0x4d415042");
        QTest::newRow("no tables") << QStringList{QStringLiteral("PRAGMA user_version = 7")}
                                   << QStringLiteral("it is an empty SQLite database that Fermata did not make");
    }

    // `fermata check` and every command used to adopt such a file: Fermata's tables, its
    // user_version and WAL. Now it is refused and stays byte-identical, in DELETE mode.
    void refusesOtherProgramsSqlite()
    {
        QFETCH(QStringList, statements);
        QFETCH(QString, why);
        test::TempDataDir dir;
        const QString path = dir.databasePath();
        runRaw(path, statements);
        const QByteArray before = test::fileBytes(path);
        QVERIFY(!before.isEmpty());
        for (int attempt = 0; attempt < 2; ++attempt) {
            auto db = Database::open(path);
            QVERIFY(!db);
            QCOMPARE(db.error().code, Error::Code::NotADatabase);
            QCOMPARE(db.error().message, databasefile::notFermata(path, why).message);
            QCOMPARE(test::fileBytes(path), before);
            QVERIFY(!QFile::exists(path + QStringLiteral("-wal")));
        }
    }

    // A database made before application ids is still Fermata's: recognised by its tables,
    // then stamped.
    void stampsOlderFermataDatabase()
    {
        test::TempDataDir dir;
        const QString path = dir.databasePath();
        {
            auto db = Database::open(path);
            QVERIFY(db);
            QVERIFY(TaskRepository(**db).add(titled(QStringLiteral("from before"))));
        }
        // Version 5 still had the contacts table (dropped in version 7), no read receipts
        // (version 8), no calendar_events columns for overrides of series (version 9), no task
        // waiting for a teammate's commitment (version 12) and none of the tables later versions made.
        QStringList back{QStringLiteral("PRAGMA application_id = 0"),
                         QStringLiteral("ALTER TABLE messages DROP COLUMN delivered_ms"),
                         QStringLiteral("ALTER TABLE messages DROP COLUMN acknowledged_ms"),
                         QStringLiteral("DROP INDEX calendar_events_recurrence"),
                         QStringLiteral("DROP INDEX calendar_events_range_change"),
                         QStringLiteral("ALTER TABLE calendar_events DROP COLUMN recurrence_ms"),
                         QStringLiteral("ALTER TABLE calendar_events DROP COLUMN range_change"),
                         QStringLiteral("ALTER TABLE tasks DROP COLUMN after_commitment"),
                         QStringLiteral("CREATE TABLE contacts (id INTEGER PRIMARY KEY AUTOINCREMENT,"
                                        " name TEXT NOT NULL DEFAULT '', email TEXT NOT NULL DEFAULT '',"
                                        " time_zone_id TEXT NOT NULL DEFAULT '')"),
                         QStringLiteral("PRAGMA user_version = 5")};
        QStringList version5Tables;
        {
            const QString name = QStringLiteral("version5");
            QSqlDatabase raw = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), name);
            raw.setDatabaseName(dir.filePath(QStringLiteral("version5.sqlite")));
            QVERIFY(raw.open());
            QSqlQuery query(raw);
            for (const migrations::Step &step : migrations::steps()) {
                for (const QString &statement : step.statements) {
                    if (step.version <= 5)
                        QVERIFY2(query.exec(statement), qPrintable(statement));
                }
            }
            QVERIFY(query.exec(QStringLiteral("SELECT name FROM sqlite_master WHERE type = 'table'")));
            while (query.next())
                version5Tables.append(query.value(0).toString());
            raw.close();
        }
        QSqlDatabase::removeDatabase(QStringLiteral("version5"));
        {
            const QString name = QStringLiteral("triggers");
            QSqlDatabase raw = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), name);
            raw.setDatabaseName(path);
            QVERIFY(raw.open());
            QSqlQuery query(raw);
            QVERIFY(query.exec(QStringLiteral("SELECT name FROM sqlite_master WHERE type = 'table'"
                                              " AND name NOT LIKE 'sqlite%'")));
            while (query.next()) {
                if (!version5Tables.contains(query.value(0).toString()))
                    back.insert(1, QStringLiteral("DROP TABLE ") + query.value(0).toString());
            }
            QVERIFY(query.exec(QStringLiteral("SELECT name FROM sqlite_master WHERE type = 'trigger'")));
            while (query.next())
                back.prepend(QStringLiteral("DROP TRIGGER ") + query.value(0).toString());
            raw.close();
        }
        QSqlDatabase::removeDatabase(QStringLiteral("triggers"));
        runRaw(path, back);

        auto db = Database::open(path);
        QVERIFY2(db, qPrintable(messageOf(db)));
        QCOMPARE((*db)->schemaVersion(), Database::latestSchemaVersion());
        QSqlQuery query((*db)->connection());
        QVERIFY(query.exec(QStringLiteral("PRAGMA application_id")) && query.next());
        QCOMPARE(query.value(0).toInt(), databasefile::applicationId);
        QCOMPARE(countTasks(**db), 1);
    }

    // The root of "the window loses everything once a command ran": the window opened the
    // file a second time (a worker thread) and the header check read it through a QFile.
    // Closing that descriptor dropped the process's POSIX locks, so the next process to close
    // thought it was the last one and deleted the WAL under the live connection.
    void secondOpenInOneProcessKeepsTheFirstOnesLocks()
    {
        test::TempDataDir dir;
        const QString path = dir.databasePath();
        auto first = Database::open(path);
        QVERIFY(first);
        TaskRepository tasks(**first);
        QVERIFY(tasks.add(titled(QStringLiteral("before"))));
        {
            auto second = Database::open(path); // as the team and calendar workers do
            QVERIFY(second);
        }
        // Another process opens and closes the database.
        QProcess other;
        other.start(QStringLiteral("sqlite3"), {path, QStringLiteral("SELECT count(*) FROM tasks;")});
        QVERIFY(other.waitForFinished(20000));
        QCOMPARE(other.exitCode(), 0);
        QCOMPARE(other.readAllStandardOutput().trimmed(), QByteArray("1"));
        QVERIFY2(QFile::exists(path + QStringLiteral("-wal")),
                 "the WAL of a live connection was deleted by another process");
        QVERIFY(tasks.add(titled(QStringLiteral("after"))));

        // A fresh process sees both: nothing went into a deleted file.
        QProcess reader;
        reader.start(QStringLiteral("sqlite3"), {path, QStringLiteral("SELECT count(*) FROM tasks;")});
        QVERIFY(reader.waitForFinished(20000));
        QCOMPARE(reader.readAllStandardOutput().trimmed(), QByteArray("2"));
    }

    void readOnlyDiskIsNamed()
    {
        ScratchDisk disk(QStringLiteral("4m"));
        REQUIRE_MOUNTED(disk);
        const QString path = disk.path() + QStringLiteral("/fermata.sqlite");
        createWithOneTask(path);
        const QByteArray before = test::fileBytes(path);
        QVERIFY(disk.remountReadOnly());
        auto db = Database::open(path);
        QVERIFY(!db);
        QCOMPARE(db.error().code, Error::Code::ReadOnly);
        QCOMPARE(db.error().message, databasefile::readOnly(path).message);
        QCOMPARE(test::fileBytes(path), before);

        // A new database on a read-only disk: the same words.
        auto fresh = Database::open(disk.path() + QStringLiteral("/other/fermata.sqlite"));
        QVERIFY(!fresh);
        QCOMPARE(fresh.error().code, Error::Code::ReadOnly);
    }

    void fullDiskIsNamed()
    {
        ScratchDisk disk(QStringLiteral("2m"));
        REQUIRE_MOUNTED(disk);
        const QString path = disk.path() + QStringLiteral("/fermata.sqlite");
        createWithOneTask(path);
        // Fill the rest of the disk.
        QFile filler(disk.path() + QStringLiteral("/filler"));
        QVERIFY(filler.open(QIODevice::WriteOnly));
        const QByteArray chunk(64 * 1024, 'x');
        while (filler.write(chunk) == chunk.size() && filler.flush()) {
        }
        filler.close();

        auto db = Database::open(path);
        Error error;
        if (db) {
            // Opening needed no room; the first write names the full disk.
            auto added = TaskRepository(**db).add(titled(QString(3000, QLatin1Char('t'))));
            QVERIFY(!added);
            error = added.error();
            QCOMPARE(countTasks(**db), 1);
        } else {
            error = db.error();
        }
        QCOMPARE(error.code, Error::Code::DiskFull);
        QCOMPARE(error.message, databasefile::diskFull(path).message);
        QVERIFY(!error.message.contains(QStringLiteral("damaged")));
    }

    void tightensWhatOthersCouldRead()
    {
        test::TempDataDir dir;
        const QString folder = dir.filePath(QStringLiteral("old-install"));
        QVERIFY(QDir().mkpath(folder));
        const QString file = folder + QStringLiteral("/fermata.ini");
        QFile ini(file);
        QVERIFY(ini.open(QIODevice::WriteOnly));
        ini.close();
        QVERIFY(::chmod(QFile::encodeName(folder).constData(), 0755) == 0);
        QVERIFY(::chmod(QFile::encodeName(file).constData(), 0644) == 0);
        const QString missing = folder + QStringLiteral("/hub-secrets.json");

        QCOMPARE(privatefiles::tighten({folder}, {file, missing}), (QStringList{folder, file}));
        QCOMPARE(modeOf(folder), 0700);
        QCOMPARE(modeOf(file), 0600);
        // Said once: the second start finds nothing to change.
        QCOMPARE(privatefiles::tighten({folder}, {file, missing}), QStringList());
    }

    // Changes committed by another connection (another process, a worker thread) are seen
    // per topic; this connection's own writes are not announced back to it.
    void watcherTellsWhatOthersChanged()
    {
        test::TempDataDir dir;
        auto mine = Database::open(dir.databasePath());
        auto theirs = Database::open(dir.databasePath());
        QVERIFY(mine && theirs);
        DataChangeWatcher watcher(**mine);
        QSignalSpy tasks(&watcher, &DataChangeWatcher::tasksChanged);
        QSignalSpy inbox(&watcher, &DataChangeWatcher::inboxChanged);
        QSignalSpy calendar(&watcher, &DataChangeWatcher::calendarChanged);
        watcher.check(); // takes note only

        QVERIFY(TaskRepository(**mine).add(titled(QStringLiteral("mine"))));
        watcher.check();
        QCOMPARE(tasks.count(), 0);

        QVERIFY(TaskRepository(**theirs).add(titled(QStringLiteral("theirs"))));
        watcher.check();
        QCOMPARE(tasks.count(), 1);
        QCOMPARE(inbox.count(), 0);
        QCOMPARE(calendar.count(), 0);
        watcher.check();
        QCOMPARE(tasks.count(), 1);

        QSqlQuery query((*theirs)->connection());
        QVERIFY(query.exec(QStringLiteral("INSERT INTO notifications (title) VALUES ('hi')")));
        watcher.check();
        QCOMPARE(inbox.count(), 1);
        QCOMPARE(tasks.count(), 1);
    }
};

QTEST_GUILESS_MAIN(TestDatabaseFile)
#include "tst_databasefile.moc"
