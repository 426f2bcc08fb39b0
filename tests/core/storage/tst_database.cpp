#include "calendar/calendarinteropservice.h"
#include "storage/database.h"
#include "storage/migrations.h"
#include "storage/repositories.h"
#include "testsupport.h"
#include "time/clock.h"

#include <QBuffer>

#include <QDir>
#include <QFile>
#include <QRandomGenerator>
#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>
#include <QTest>

#include <functional>
#include <thread>
#include <vector>

using namespace fermata;

namespace {

QVariant pragma(const Database &db, const QString &name)
{
    QSqlQuery query(db.connection());
    if (!query.exec(QStringLiteral("PRAGMA ") + name) || !query.next())
        return {};
    return query.value(0);
}

// Runs `work` on a plain QtSql connection to `path` (outside Database), then removes it.
void withRawConnection(const QString &path, const std::function<void(QSqlDatabase &)> &work)
{
    const QString name = QStringLiteral("raw-test-connection");
    {
        QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), name);
        db.setDatabaseName(path);
        QVERIFY(db.open());
        work(db);
        db.close();
    }
    QSqlDatabase::removeDatabase(name);
}

QStringList integrityCheck(const QString &path)
{
    QStringList lines;
    withRawConnection(path, [&](QSqlDatabase &db) {
        QSqlQuery query(db);
        if (!query.exec(QStringLiteral("PRAGMA integrity_check"))) {
            lines.append(query.lastError().databaseText());
            return;
        }
        while (query.next())
            lines.append(query.value(0).toString());
    });
    return lines;
}

void writeFile(const QString &path, const QByteArray &bytes)
{
    QFile file(path);
    QVERIFY(file.open(QIODevice::WriteOnly | QIODevice::Truncate));
    QCOMPARE(file.write(bytes), bytes.size());
}

// A real Fermata database with enough rows to fill several b-tree pages.
void createPopulated(const QString &path)
{
    auto db = Database::open(path);
    QVERIFY2(db.isOk(), qPrintable(db.isOk() ? QString() : db.error().message));
    TaskRepository tasks(**db);
    for (int i = 0; i < 300; ++i) {
        Task task;
        task.title = QStringLiteral("Task number %1 with a reasonably long title").arg(i);
        task.notes = QString(200, QLatin1Char('n'));
        QVERIFY(tasks.add(task).isOk());
    }
} // closing the last connection checkpoints the WAL into the main file

} // namespace

class TestDatabase : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase() { test::pinEnvironment(); }

    void createsMissingFileAndFolderAtLatestVersion()
    {
        test::TempDataDir dir;
        const QString path = dir.filePath(QStringLiteral("nested/deeper/fermata.sqlite"));
        auto db = Database::open(path);
        QVERIFY2(db.isOk(), qPrintable(db.isOk() ? QString() : db.error().message));
        QVERIFY(Database::latestSchemaVersion() >= 1);
        QCOMPARE((*db)->schemaVersion(), Database::latestSchemaVersion());
        QCOMPARE(pragma(**db, QStringLiteral("user_version")).toInt(),
                 Database::latestSchemaVersion());
        QVERIFY(QFile::exists(path));

        QSqlQuery query((*db)->connection());
        QVERIFY(query.exec(QStringLiteral("SELECT name FROM sqlite_master WHERE type = 'table'")));
        QStringList tables;
        while (query.next())
            tables.append(query.value(0).toString());
        for (const auto *table : {"tasks", "task_dependencies", "task_tags", "calendar_events",
                                  "focus_blocks", "checkin_windows", "notifications", "messages"})
            QVERIFY2(tables.contains(QLatin1String(table)), table);
        QVERIFY(!tables.contains(QStringLiteral("contacts"))); // dropped in version 7
        for (const auto *table : {"calendar_series", "calendar_occurrence_edits", "calendar_zones", "calendar_sources"})
            QVERIFY2(tables.contains(QLatin1String(table)), table);
    }

    // A file written by the version before contacts were dropped: the upgrade to 7 removes
    // the table and its change triggers and keeps everything else, change tracking included.
    void migratesVersion6DroppingContacts()
    {
        QVERIFY(Database::latestSchemaVersion() >= 7);
        test::TempDataDir dir;
        const QString path = dir.databasePath();
        withRawConnection(path, [](QSqlDatabase &db) {
            QSqlQuery query(db);
            for (const migrations::Step &step : migrations::steps()) {
                if (step.version > 6)
                    break;
                for (const QString &statement : step.statements)
                    QVERIFY2(query.exec(statement), qPrintable(statement + u' ' + query.lastError().text()));
            }
            for (const auto *statement : {
                     "PRAGMA user_version = 6",
                     "INSERT INTO tasks (title, estimate_minutes, remaining_minutes, priority,"
                     " min_chunk_minutes, max_chunk_minutes, splittable, preferred_day_part)"
                     " VALUES ('Kept task', 60, 60, 2, 30, 90, 1, 'any')",
                     "INSERT INTO contacts (name, email) VALUES ('Åsa', 'asa@example.org')",
                     "INSERT INTO messages (uuid, sender, recipient, subject) VALUES"
                     " ('0b1d6a9e-4f7c-4d55-9f37-2a6f0c3f1e42', 'me', 'you', 'Kept message')",
                     "INSERT INTO hub_state (key, value) VALUES ('role', 'me')"})
                QVERIFY2(query.exec(QString::fromUtf8(statement)), statement);
            QVERIFY(query.exec(QStringLiteral("SELECT count(*) FROM sqlite_master WHERE type = 'trigger' "
                                              "AND name LIKE 'contacts\\_%' ESCAPE '\\'")));
            QVERIFY(query.next());
            QCOMPARE(query.value(0).toInt(), 3);
        });

        auto opened = Database::open(path);
        QVERIFY2(opened.isOk(), qPrintable(opened.isOk() ? QString() : opened.error().message));
        Database &db = **opened;
        QCOMPARE(db.schemaVersion(), Database::latestSchemaVersion());
        QCOMPARE(pragma(db, QStringLiteral("user_version")).toInt(), Database::latestSchemaVersion());
        auto count = [&](const QString &sql) {
            QSqlQuery query(db.connection());
            return query.exec(sql) && query.next() ? query.value(0).toInt() : -1;
        };
        QCOMPARE(count(QStringLiteral("SELECT count(*) FROM sqlite_master WHERE name = 'contacts'")), 0);
        QCOMPARE(count(QStringLiteral("SELECT count(*) FROM sqlite_master WHERE sql LIKE '%contacts%'")), 0);
        // The rest is as it was.
        const auto tasks = TaskRepository(db).all();
        QVERIFY(tasks.isOk());
        QCOMPARE(tasks->size(), 1);
        QCOMPARE(tasks->constFirst().title, QStringLiteral("Kept task"));
        QCOMPARE(count(QStringLiteral("SELECT count(*) FROM messages WHERE subject = 'Kept message'")), 1);
        QCOMPARE(count(QStringLiteral("SELECT count(*) FROM hub_state WHERE value = 'me'")), 1);
        QCOMPARE(count(QStringLiteral("SELECT count(*) FROM data_changes WHERE topic IN "
                                      "('tasks', 'calendar', 'inbox', 'attention', 'focus', 'team')")),
                 6);
        // The team topic still counts changes to its other tables.
        const int before = count(QStringLiteral("SELECT version FROM data_changes WHERE topic = 'team'"));
        QSqlQuery write(db.connection());
        QVERIFY(write.exec(QStringLiteral("UPDATE messages SET body = 'changed'")));
        QCOMPARE(count(QStringLiteral("SELECT version FROM data_changes WHERE topic = 'team'")), before + 1);
    }

    // A file from before series were stored as rules (version 8), with occurrences expanded
    // into rows: they stay valid after the upgrade; the next import of their calendar stores
    // the series instead and keeps the buffers the person set on an occurrence.
    void migratesVersion8KeepingExpandedEvents()
    {
        test::TempDataDir dir;
        const QString path = dir.databasePath();
        withRawConnection(path, [](QSqlDatabase &db) {
            QSqlQuery query(db);
            for (const migrations::Step &step : migrations::steps()) {
                if (step.version > 8)
                    break;
                for (const QString &statement : step.statements)
                    QVERIFY2(query.exec(statement), qPrintable(statement + u' ' + query.lastError().text()));
            }
            QVERIFY(query.exec(QStringLiteral("PRAGMA user_version = 8")));
            // What version 8 stored for a daily series of three: a row per occurrence.
            for (int day = 2; day <= 4; ++day) {
                const qint64 start = QDateTime(QDate(2026, 3, day), QTime(9, 0), Qt::UTC).toMSecsSinceEpoch();
                QVERIFY(query.prepare(QStringLiteral("INSERT INTO calendar_events (source, uid, title, start_ms, end_ms,"
                                                     " buffer_before_minutes) VALUES ('work', ?, 'Daily', ?, ?, ?)")));
                query.addBindValue(QStringLiteral("s@x/202603%1T090000Z").arg(day, 2, 10, QLatin1Char('0')));
                query.addBindValue(start);
                query.addBindValue(start + 3600000);
                query.addBindValue(day == 3 ? 10 : 0);
                QVERIFY(query.exec());
            }
            QVERIFY(query.exec(QStringLiteral("INSERT INTO calendar_events (source, uid, title, start_ms, end_ms)"
                                              " VALUES ('local', '', 'Dentist', 1772352000000, 1772355600000)")));
        });

        auto opened = Database::open(path);
        QVERIFY2(opened.isOk(), qPrintable(opened.isOk() ? QString() : opened.error().message));
        Database &db = **opened;
        QCOMPARE(db.schemaVersion(), Database::latestSchemaVersion());
        const Interval march = Interval::fromDateTimes(QDateTime(QDate(2026, 3, 1), QTime(0, 0), Qt::UTC),
                                                       QDateTime(QDate(2026, 4, 1), QTime(0, 0), Qt::UTC));
        auto before = CalendarEventRepository(db).overlapping(march);
        QVERIFY(before.isOk());
        QCOMPARE(before->size(), 4);
        QCOMPARE(before->at(1).uid, QStringLiteral("s@x/20260302T090000Z"));

        auto scalar = [&](const QString &sql) {
            QSqlQuery query(db.connection());
            return query.exec(sql) && query.next() ? query.value(0).toLongLong() : -1;
        };
        const qint64 topic = scalar(QStringLiteral("SELECT version FROM data_changes WHERE topic = 'calendar'"));
        FakeClock clock(QDateTime(QDate(2026, 3, 1), QTime(0, 0), Qt::UTC));
        CalendarInteropService service(db, clock);
        QByteArray text = "BEGIN:VCALENDAR\nBEGIN:VEVENT\nUID:s@x\nDTSTART;TZID=Europe/Berlin:20260302T100000\n"
                          "DURATION:PT1H\nRRULE:FREQ=DAILY;COUNT=3\nSUMMARY:Daily\nEND:VEVENT\nEND:VCALENDAR\n";
        QBuffer buffer(&text);
        buffer.open(QIODevice::ReadOnly);
        QVERIFY(service.importDevice(buffer, QStringLiteral("work")).isOk());
        QCOMPARE(scalar(QStringLiteral("SELECT count(*) FROM calendar_events WHERE source = 'work'")), 0);
        QCOMPARE(scalar(QStringLiteral("SELECT count(*) FROM calendar_series")), 1);
        QVERIFY(scalar(QStringLiteral("SELECT version FROM data_changes WHERE topic = 'calendar'")) > topic);
        auto after = CalendarEventRepository(db).overlapping(march);
        QVERIFY(after.isOk());
        QCOMPARE(after->size(), 4);
        for (qsizetype i = 0; i < 4; ++i) {
            QCOMPARE(after->at(i).uid, before->at(i).uid);
            QCOMPARE(after->at(i).start, before->at(i).start);
            QCOMPARE(after->at(i).end, before->at(i).end);
            QCOMPARE(after->at(i).bufferBeforeMinutes, before->at(i).bufferBeforeMinutes);
        }
        QCOMPARE(after->at(2).bufferBeforeMinutes, 10);
        QVERIFY(after->at(1).id < 0);
        QCOMPARE(after->at(0).title, QStringLiteral("Dentist"));
    }

    // Several processes (here: threads with their own connections) opening a brand-new file
    // at the same moment must take turns upgrading it, not fail with "table already exists".
    void concurrentFirstOpensAllSucceed()
    {
        for (int round = 0; round < 5; ++round) {
            fermata::test::TempDataDir dir;
            const QString path = dir.databasePath();
            constexpr int openers = 6;
            std::vector<QString> errors(openers);
            std::vector<int> versions(openers, -1);
            std::vector<std::thread> threads;
            for (int i = 0; i < openers; ++i) {
                threads.emplace_back([&, i] {
                    auto opened = fermata::Database::open(path);
                    if (opened)
                        versions[size_t(i)] = opened.value()->schemaVersion();
                    else
                        errors[size_t(i)] = opened.error().message;
                });
            }
            for (std::thread &t : threads)
                t.join();
            for (int i = 0; i < openers; ++i) {
                QVERIFY2(errors[size_t(i)].isEmpty(), qPrintable(errors[size_t(i)]));
                QCOMPARE(versions[size_t(i)], fermata::Database::latestSchemaVersion());
            }
        }
    }

    void reopenKeepsDataAndVersion()
    {
        test::TempDataDir dir;
        qint64 id = 0;
        {
            auto db = Database::open(dir.databasePath());
            QVERIFY(db.isOk());
            Task task;
            task.title = QStringLiteral("Survives a restart");
            auto added = TaskRepository(**db).add(task);
            QVERIFY(added.isOk());
            id = *added;
        }
        auto db = Database::open(dir.databasePath());
        QVERIFY2(db.isOk(), qPrintable(db.isOk() ? QString() : db.error().message));
        QCOMPARE((*db)->schemaVersion(), Database::latestSchemaVersion());
        auto found = TaskRepository(**db).find(id);
        QVERIFY(found.isOk());
        QVERIFY(found->has_value());
        QCOMPARE((*found)->title, QStringLiteral("Survives a restart"));
    }

    void pragmasAreInForce()
    {
        test::TempDataDir dir;
        auto db = Database::open(dir.databasePath());
        QVERIFY(db.isOk());
        QCOMPARE(pragma(**db, QStringLiteral("journal_mode")).toString(), QStringLiteral("wal"));
        QCOMPARE(pragma(**db, QStringLiteral("foreign_keys")).toInt(), 1);
        QCOMPARE(pragma(**db, QStringLiteral("synchronous")).toInt(), 2); // FULL
        QCOMPARE(pragma(**db, QStringLiteral("busy_timeout")).toInt(), 5000);
    }

    void twoInstancesHaveSeparateConnections()
    {
        test::TempDataDir dir;
        auto a = Database::open(dir.filePath(QStringLiteral("a.sqlite")));
        auto b = Database::open(dir.filePath(QStringLiteral("b.sqlite")));
        QVERIFY(a.isOk() && b.isOk());
        QVERIFY((*a)->connection().connectionName() != (*b)->connection().connectionName());
        const QString name = (*a)->connection().connectionName();
        a = Result<std::unique_ptr<Database>>(Error{}); // destroys the first Database
        QVERIFY(!QSqlDatabase::contains(name));
    }

    void inTransactionCommitsOrRollsBack()
    {
        test::TempDataDir dir;
        auto opened = Database::open(dir.databasePath());
        QVERIFY(opened.isOk());
        Database &db = **opened;
        auto insert = [&](const QString &name) -> Status {
            QSqlQuery query(db.connection());
            if (!query.exec(QStringLiteral("INSERT INTO hub_state (key) VALUES ('%1')").arg(name)))
                return Status::failure(Error::Code::Database, query.lastError().text());
            return {};
        };
        auto count = [&] {
            QSqlQuery query(db.connection());
            return query.exec(QStringLiteral("SELECT count(*) FROM hub_state")) && query.next()
                ? query.value(0).toInt() : -1;
        };
        QVERIFY(db.inTransaction([&] { return insert(QStringLiteral("kept")); }).isOk());
        QCOMPARE(count(), 1);

        const Status failed = db.inTransaction([&]() -> Status {
            if (Status s = insert(QStringLiteral("dropped")); !s)
                return s;
            return Status::failure(Error::Code::Invalid, QStringLiteral("no"));
        });
        QVERIFY(!failed.isOk());
        QCOMPARE(failed.error().code, Error::Code::Invalid);
        QCOMPARE(count(), 1);

        // A failing nested unit rolls back only itself.
        QVERIFY(db.inTransaction([&]() -> Status {
                      if (Status s = insert(QStringLiteral("outer")); !s)
                          return s;
                      const Status inner = db.inTransaction([&]() -> Status {
                          (void)insert(QStringLiteral("inner"));
                          return Status::failure(Error::Code::Invalid, QStringLiteral("no"));
                      });
                      return inner.isOk() ? Status::failure(Error::Code::Invalid, {}) : Status();
                  }).isOk());
        QCOMPARE(count(), 2);
    }

    // A process checks a file once while it stays unchanged (the window's workers open what
    // the window just checked); a file damaged after that is checked, and refused, again.
    void aFileDamagedAfterItsCheckIsRefused()
    {
        test::TempDataDir dir;
        const QString path = dir.databasePath();
        createPopulated(path);
        QVERIFY(Database::open(path).isOk()); // checked now, and healthy
        QVERIFY(Database::open(path).isOk());
        QFile::remove(path + QStringLiteral("-wal"));
        QFile::remove(path + QStringLiteral("-shm"));
        qint64 rootPage = 0;
        withRawConnection(path, [&](QSqlDatabase &db) {
            QSqlQuery query(db);
            QVERIFY(query.exec(QStringLiteral("SELECT rootpage FROM sqlite_master WHERE name = 'task_tags'")));
            QVERIFY(query.next());
            rootPage = query.value(0).toLongLong();
        });
        QVERIFY(rootPage >= 2);
        QFile file(path);
        QVERIFY(file.open(QIODevice::ReadWrite));
        QVERIFY(file.seek((rootPage - 1) * 4096));
        const QByteArray garbage(4096, '\xA5');
        QCOMPARE(file.write(garbage), garbage.size()); // same size: only the times change
        file.close();
        auto again = Database::open(path);
        QVERIFY(!again.isOk());
        QCOMPARE(again.error().code, Error::Code::Damaged);
    }

    void refusesFile_data()
    {
        QTest::addColumn<QString>("kind");
        QTest::addColumn<int>("expected");
        QTest::newRow("random bytes") << QStringLiteral("random") << int(Error::Code::NotADatabase);
        QTest::newRow("text file") << QStringLiteral("text") << int(Error::Code::NotADatabase);
        QTest::newRow("shorter than a header")
            << QStringLiteral("short") << int(Error::Code::NotADatabase);
        // Its header is unreadable, so nothing says whose file it is.
        QTest::newRow("header then garbage")
            << QStringLiteral("headergarbage") << int(Error::Code::NotADatabase);
        QTest::newRow("corrupted b-tree page")
            << QStringLiteral("corrupt") << int(Error::Code::Damaged);
        QTest::newRow("newer schema") << QStringLiteral("newer") << int(Error::Code::NewerSchema);
    }

    void refusesFile()
    {
        QFETCH(QString, kind);
        QFETCH(int, expected);
        test::TempDataDir dir;
        const QString path = dir.databasePath();
        QRandomGenerator random(42); // fixed seed: the same bytes every run

        if (kind == u"random") {
            QByteArray bytes(8192, Qt::Uninitialized);
            for (char &c : bytes)
                c = char(random.bounded(256));
            writeFile(path, bytes);
        } else if (kind == u"text") {
            writeFile(path, "These are my notes, not a database.\n");
        } else if (kind == u"short") {
            writeFile(path, "SQLi");
        } else if (kind == u"headergarbage") {
            QByteArray bytes("SQLite format 3", 16);
            for (int i = 0; i < 8192 - 16; ++i)
                bytes.append(char(random.bounded(256)));
            writeFile(path, bytes);
        } else if (kind == u"corrupt") {
            createPopulated(path);
            qint64 rootPage = 0;
            qint64 pageSize = 0;
            withRawConnection(path, [&](QSqlDatabase &db) {
                QSqlQuery query(db);
                QVERIFY(query.exec(QStringLiteral(
                    "SELECT rootpage FROM sqlite_master WHERE name = 'tasks'")));
                QVERIFY(query.next());
                rootPage = query.value(0).toLongLong();
                QVERIFY(query.exec(QStringLiteral("PRAGMA page_size")));
                QVERIFY(query.next());
                pageSize = query.value(0).toLongLong();
            });
            QVERIFY(rootPage >= 2);
            QFile file(path);
            QVERIFY(file.open(QIODevice::ReadWrite));
            QVERIFY(file.size() >= 4 * pageSize);
            // Overwrite the tasks table's root b-tree page (header and cells) with garbage; the
            // schema on page 1 stays readable, so only the integrity check can tell.
            QVERIFY(file.seek((rootPage - 1) * pageSize));
            QByteArray garbage(pageSize, '\xA5');
            QCOMPARE(file.write(garbage), garbage.size());
            file.close();
            // The corruption is real: SQLite itself reports it.
            const QStringList report = integrityCheck(path);
            QVERIFY2(report != QStringList{QStringLiteral("ok")}, qPrintable(report.join(u'\n')));
        } else if (kind == u"newer") {
            createPopulated(path);
            withRawConnection(path, [](QSqlDatabase &db) {
                QSqlQuery query(db);
                QVERIFY(query.exec(QStringLiteral("PRAGMA user_version = %1")
                                       .arg(Database::latestSchemaVersion() + 1)));
            });
        }
        QFile::remove(path + QStringLiteral("-wal"));
        QFile::remove(path + QStringLiteral("-shm"));

        const QByteArray before = test::fileBytes(path);
        QVERIFY(!before.isEmpty());
        auto db = Database::open(path);
        QVERIFY(!db.isOk());
        QCOMPARE(int(db.error().code), expected);
        qInfo().noquote() << db.error().message;
        QVERIFY2(db.error().message.contains(path), qPrintable(db.error().message));
        QVERIFY2(db.error().message.contains(QStringLiteral("untouched")),
                 qPrintable(db.error().message));
        if (expected == int(Error::Code::Damaged))
            QVERIFY(db.error().message.contains(QStringLiteral("integrity check")));
        if (expected == int(Error::Code::NewerSchema))
            QVERIFY(db.error().message.contains(
                QStringLiteral("data format %1").arg(Database::latestSchemaVersion() + 1)));
        QCOMPARE(test::fileBytes(path), before);

        // A second attempt refuses it the same way and still writes nothing.
        auto again = Database::open(path);
        QVERIFY(!again.isOk());
        QCOMPARE(int(again.error().code), expected);
        QCOMPARE(test::fileBytes(path), before);
    }
};

QTEST_GUILESS_MAIN(TestDatabase)
#include "tst_database.moc"
