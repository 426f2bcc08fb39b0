#include "apppaths.h"
#include "storage/attentionrepository.h"
#include "storage/database.h"
#include "testsupport.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLocalSocket>
#include <QProcess>
#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>
#include <QTest>

namespace {

struct Run
{
    int exitCode = -1;
    QString out;
    QString err;
};

Run runFermata(const QStringList &arguments, const QByteArray &stdinData = {})
{
    QProcess process;
    process.start(QStringLiteral(FERMATA_EXECUTABLE), arguments);
    if (!stdinData.isEmpty())
        process.write(stdinData);
    process.closeWriteChannel();
    if (!process.waitForFinished(30000)) {
        process.kill();
        process.waitForFinished();
    }
    return {process.exitStatus() == QProcess::NormalExit ? process.exitCode() : -1,
            QString::fromUtf8(process.readAllStandardOutput()),
            QString::fromUtf8(process.readAllStandardError())};
}

} // namespace

class TestCli : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void initTestCase() { fermata::test::pinEnvironment("Europe/Berlin"); }

    void helpListsEveryCommand()
    {
        const Run run = runFermata({QStringLiteral("--help")});
        QCOMPARE(run.exitCode, 0);
        QVERIFY(run.out.contains(QStringLiteral("--data-dir")));
        QVERIFY(run.out.contains(QStringLiteral("tasks")));
        QVERIFY(run.out.contains(QStringLiteral("check")));
        const Run sub = runFermata({QStringLiteral("tasks"), QStringLiteral("--help")});
        QCOMPARE(sub.exitCode, 0);
        QVERIFY(sub.out.contains(QStringLiteral("--estimate")));
    }

    // Help names the program as people type it, not the path the binary was started by.
    void helpUsageSaysFermata()
    {
        const Run sub = runFermata({QStringLiteral("tasks"), QStringLiteral("--help")});
        QCOMPARE(sub.exitCode, 0);
        QVERIFY2(sub.out.startsWith(QStringLiteral("Usage: fermata tasks ")), qPrintable(sub.out));
        QVERIFY2(!sub.out.contains(QStringLiteral(FERMATA_EXECUTABLE)), qPrintable(sub.out));
        const Run events = runFermata({QStringLiteral("events"), QStringLiteral("--help")});
        QVERIFY2(events.out.startsWith(QStringLiteral("Usage: fermata events ")), qPrintable(events.out));
    }

    // Messages after the "fermata X: " prefix are sentences with a capital letter.
    void errorMessagesAreCapitalised()
    {
        fermata::test::TempDataDir dir;
        const Run action = runFermata({QStringLiteral("--data-dir"), dir.path(), QStringLiteral("tasks"), QStringLiteral("frob")});
        QCOMPARE(action.exitCode, 2);
        QVERIFY2(action.err.startsWith(QStringLiteral("fermata tasks: Unknown action 'frob'")), qPrintable(action.err));
        const Run estimate = runFermata({QStringLiteral("--data-dir"), dir.path(), QStringLiteral("tasks"), QStringLiteral("add"),
                                         QStringLiteral("x"), QStringLiteral("--estimate"), QStringLiteral("soon")});
        QVERIFY2(estimate.err.startsWith(QStringLiteral("fermata tasks add: Cannot read the estimate")), qPrintable(estimate.err));
    }

    // A time without a zone is wall-clock time in the profile's zone (the system's: Berlin).
    void deadlineTimeIsLocal_data()
    {
        QTest::addColumn<QString>("deadline");
        QTest::addColumn<QString>("stored");
        QTest::newRow("date only: 17:00") << QStringLiteral("2026-12-10") << QStringLiteral("2026-12-10T16:00:00Z");
        QTest::newRow("local time") << QStringLiteral("2026-12-10T14:00") << QStringLiteral("2026-12-10T13:00:00Z");
        QTest::newRow("local time, space") << QStringLiteral("2026-12-10 14:00") << QStringLiteral("2026-12-10T13:00:00Z");
        QTest::newRow("summer time") << QStringLiteral("2026-07-01T09:30") << QStringLiteral("2026-07-01T07:30:00Z");
        QTest::newRow("Z") << QStringLiteral("2026-12-10T14:00Z") << QStringLiteral("2026-12-10T14:00:00Z");
        QTest::newRow("offset") << QStringLiteral("2026-12-10T14:00-05:00") << QStringLiteral("2026-12-10T19:00:00Z");
    }
    void deadlineTimeIsLocal()
    {
        QFETCH(QString, deadline);
        QFETCH(QString, stored);
        fermata::test::TempDataDir dir;
        const Run add = runFermata({QStringLiteral("--data-dir"), dir.path(), QStringLiteral("tasks"), QStringLiteral("add"),
                                    QStringLiteral("x"), QStringLiteral("--deadline"), deadline});
        QVERIFY2(add.exitCode == 0, qPrintable(add.err));
        const Run list = runFermata({QStringLiteral("--data-dir"), dir.path(), QStringLiteral("tasks"), QStringLiteral("--json")});
        const QJsonObject task = QJsonDocument::fromJson(list.out.toUtf8()).array().at(0).toObject();
        QCOMPARE(task.value(QStringLiteral("deadline")).toString(), stored);
    }

    // The title is read as a quick-add line: what it says is confirmed, what it did not
    // understand is named on stderr (and kept in the title), `after` is resolved.
    void addReadsQuickAddWords()
    {
        fermata::test::TempDataDir dir;
        const auto add = [&dir](const QString &line) {
            return runFermata(QStringList{QStringLiteral("--data-dir"), dir.path(), QStringLiteral("tasks"), QStringLiteral("add")}
                              + line.split(QLatin1Char(' ')));
        };
        const Run report = add(QStringLiteral("Write report 2h by dec 10 2030 p1"));
        QCOMPARE(report.exitCode, 0);
        QVERIFY2(report.out.contains(QStringLiteral("Added task 1: Write report (120 min, P1, due Tue 10 Dec 2030 17:00)")),
                 qPrintable(report.out));
        QVERIFY2(report.err.isEmpty(), qPrintable(report.err));

        const Run milk = add(QStringLiteral("Buy milk by the store 15m"));
        QCOMPARE(milk.exitCode, 0);
        QVERIFY2(milk.err.contains(QStringLiteral("Not understood, kept in the title: \"by the store\"")), qPrintable(milk.err));

        const Run review = add(QStringLiteral("Review 30m after \"write report\""));
        QCOMPARE(review.exitCode, 0);
        const Run missing = add(QStringLiteral("Ship after \"Nothing like it\""));
        QCOMPARE(missing.exitCode, 1);
        QVERIFY2(missing.err.contains(QStringLiteral("No task called \"Nothing like it\"")), qPrintable(missing.err));

        const Run list = runFermata({QStringLiteral("--data-dir"), dir.path(), QStringLiteral("tasks"), QStringLiteral("--json")});
        const QJsonArray tasks = QJsonDocument::fromJson(list.out.toUtf8()).array();
        QCOMPARE(tasks.size(), 3);
        const QJsonObject first = tasks.at(0).toObject();
        QCOMPARE(first.value(QStringLiteral("deadline")).toString(), QStringLiteral("2030-12-10T16:00:00Z"));
        const QJsonObject second = tasks.at(1).toObject();
        QCOMPARE(second.value(QStringLiteral("title")).toString(), QStringLiteral("Buy milk by the store"));
        QCOMPARE(second.value(QStringLiteral("estimate_minutes")).toInt(), 15);
        // A 15-minute task gets a 15-minute minimum block, not the default 30.
        QCOMPARE(second.value(QStringLiteral("min_chunk_minutes")).toInt(), 15);
        QCOMPARE(tasks.at(2).toObject().value(QStringLiteral("depends_on")).toArray(),
                 QJsonArray{first.value(QStringLiteral("id"))});
    }

    void unknownCommandIsAUsageError()
    {
        const Run run = runFermata({QStringLiteral("frobnicate")});
        QCOMPARE(run.exitCode, 2);
        QVERIFY2(run.err.contains(QStringLiteral("fermata: Unknown command 'frobnicate'")), qPrintable(run.err));
        const Run missing = runFermata({QStringLiteral("tasks"), QStringLiteral("--data-dir")});
        QCOMPARE(missing.exitCode, 2);
        QVERIFY(missing.err.contains(QStringLiteral("--data-dir needs a folder")));
    }

    void addListAndCompleteWithDataDirEitherSide()
    {
        fermata::test::TempDataDir dir;
        const Run add = runFermata({QStringLiteral("--data-dir"), dir.path(), QStringLiteral("tasks"),
                                 QStringLiteral("add"), QStringLiteral("Write"), QStringLiteral("report"),
                                 QStringLiteral("--estimate"), QStringLiteral("1h30m"),
                                 QStringLiteral("--priority"), QStringLiteral("p1"),
                                 QStringLiteral("--deadline"), QStringLiteral("2026-12-01")});
        QCOMPARE(add.exitCode, 0);
        QVERIFY2(add.out.contains(QStringLiteral("Write report")), qPrintable(add.out + add.err));

        // --data-dir after the subcommand points at the same profile.
        const Run list = runFermata({QStringLiteral("tasks"), QStringLiteral("list"), QStringLiteral("--json"),
                                  QStringLiteral("--data-dir"), dir.path()});
        QCOMPARE(list.exitCode, 0);
        const QJsonArray tasks = QJsonDocument::fromJson(list.out.toUtf8()).array();
        QCOMPARE(tasks.size(), 1);
        const QJsonObject task = tasks.at(0).toObject();
        QCOMPARE(task.value(QStringLiteral("title")).toString(), QStringLiteral("Write report"));
        QCOMPARE(task.value(QStringLiteral("estimate_minutes")).toInt(), 90);
        QCOMPARE(task.value(QStringLiteral("priority")).toString(), QStringLiteral("P1"));
        // 17:00 in the profile's zone; the settings file is empty, so the system zone (Berlin) applies.
        QCOMPARE(task.value(QStringLiteral("deadline")).toString(), QStringLiteral("2026-12-01T16:00:00Z"));
        QCOMPARE(task.value(QStringLiteral("done")).toBool(), false);

        const QString id = QString::number(task.value(QStringLiteral("id")).toInteger());
        QCOMPARE(runFermata({QStringLiteral("--data-dir=") + dir.path(), QStringLiteral("tasks"),
                          QStringLiteral("done"), id}).exitCode, 0);
        const Run after = runFermata({QStringLiteral("--data-dir"), dir.path(), QStringLiteral("tasks")});
        QVERIFY2(after.out.contains(QStringLiteral("[x] ") + id), qPrintable(after.out));
    }

    // A task waiting for a teammate's commitment. The team's copy is written straight into the
    // local SQLite file (as a hub sync would leave it: team_commitments plus the member in
    // hub_members); no hub is involved, tst_hubcli covers how the copy gets there.
    void addAfterCommitment()
    {
        fermata::test::TempDataDir dir;
        QCOMPARE(runFermata({QStringLiteral("--data-dir"), dir.path(), QStringLiteral("tasks")}).exitCode, 0);
        {
            QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), QStringLiteral("tst_cli_team"));
            db.setDatabaseName(dir.databasePath());
            QVERIFY(db.open());
            QSqlQuery query(db);
            QVERIFY2(query.exec(QStringLiteral(
                         "INSERT INTO hub_members (id, role, name, time_zone_id) VALUES (7, 'ada.l', 'Ada', 'Europe/London')")),
                     qPrintable(query.lastError().text()));
            for (const char *row : {"('6f1c2a3b-0000-4000-8000-000000000001', 'API spec', 'planned')",
                                    "('6f1c9999-0000-4000-8000-000000000002', 'API review', 'done')"}) {
                QVERIFY2(query.exec(QStringLiteral("INSERT INTO team_commitments (uuid, title, status, owner_id, owner_role, "
                                                   "estimate_minutes, finish_day) VALUES %1")
                                        .arg(QLatin1String(row))
                                        .replace(QStringLiteral("')"), QStringLiteral("', 7, 'ada.l', 240, '2026-12-09')"))),
                         qPrintable(query.lastError().text()));
            }
            db.close();
        }
        QSqlDatabase::removeDatabase(QStringLiteral("tst_cli_team"));
        auto add = [&](const QStringList &words) {
            return runFermata(QStringList{QStringLiteral("--data-dir"), dir.path(), QStringLiteral("tasks"),
                                          QStringLiteral("add")} + words);
        };

        const Run byId = add({QStringLiteral("Build"), QStringLiteral("client"), QStringLiteral("--after-commitment"),
                              QStringLiteral("6F1C2A")});
        QCOMPARE(byId.exitCode, 0);
        QVERIFY2(byId.out.contains(QStringLiteral("Build client (60 min, P3) after Ada's 'API spec'")), qPrintable(byId.out + byId.err));

        const Run ambiguous = add({QStringLiteral("Other"), QStringLiteral("--after-commitment"), QStringLiteral("6f1c")});
        QCOMPARE(ambiguous.exitCode, 1);
        QVERIFY2(ambiguous.err.contains(QStringLiteral("'6f1c' matches 2 shared commitments")), qPrintable(ambiguous.err));
        const Run unknown = add({QStringLiteral("Other"), QStringLiteral("--after-commitment"), QStringLiteral("xyz")});
        QCOMPARE(unknown.exitCode, 1);
        QCOMPARE(unknown.err.trimmed(), QStringLiteral("fermata tasks add: No shared commitment 'xyz' — "
                                                       "'fermata hub commitments' lists them."));

        const Run quick = add({QStringLiteral("Write docs 2h after ada\u2019s 'API s'")});
        QCOMPARE(quick.exitCode, 0);
        QVERIFY2(quick.out.contains(QStringLiteral("Write docs (120 min, P3) after Ada's 'API spec'")), qPrintable(quick.out + quick.err));
        const Run nobody = add({QStringLiteral("X after Bob's \"API spec\"")});
        QCOMPARE(nobody.exitCode, 1);
        QVERIFY2(nobody.err.contains(QStringLiteral("Nobody called Bob shares a commitment")), qPrintable(nobody.err));

        const Run list = runFermata({QStringLiteral("--data-dir"), dir.path(), QStringLiteral("tasks")});
        QCOMPARE(list.out.count(QStringLiteral("after Ada's 'API spec'")), 2);
        const Run json = runFermata({QStringLiteral("--data-dir"), dir.path(), QStringLiteral("tasks"), QStringLiteral("--json")});
        const QJsonArray tasks = QJsonDocument::fromJson(json.out.toUtf8()).array();
        QCOMPARE(tasks.size(), 2); // the refused ones were not added
        for (const QJsonValue &task : tasks)
            QCOMPARE(task.toObject().value(QStringLiteral("after_commitment")).toString(),
                     QStringLiteral("6f1c2a3b-0000-4000-8000-000000000001"));
    }

    // `share` in the line without a team hub: the task is added all the same, the command says
    // sharing needs `fermata hub join` and exits 1 (as `tasks share` does); "shared" is a title
    // word; --note without `share` is a usage error that adds nothing.
    // Work done without a focus session, recorded by hand: it lowers what is left, counts as a
    // session (what the task really took), and bad input says what to write.
    void logWorkRecordedByHand()
    {
        fermata::test::TempDataDir dir;
        const auto run = [&dir](const QStringList &words) {
            return runFermata(QStringList{QStringLiteral("--data-dir"), dir.path(), QStringLiteral("tasks")} + words);
        };
        QCOMPARE(run({QStringLiteral("add"), QStringLiteral("Write report 2h")}).exitCode, 0);
        const Run logged = run({QStringLiteral("log"), QStringLiteral("1"), QStringLiteral("45m"), QStringLiteral("--at"),
                                QStringLiteral("2026-03-02T14:30")});
        QVERIFY2(logged.exitCode == 0, qPrintable(logged.out + logged.err));
        QCOMPARE(logged.out.trimmed(), QStringLiteral("Recorded 45 min on task 1, ending Mon 2 Mar 14:30; 75 min left."));
        const Run again = run({QStringLiteral("log"), QStringLiteral("1"), QStringLiteral("2h")});
        QCOMPARE(again.exitCode, 0);
        QVERIFY2(again.out.contains(QStringLiteral("; 0 min left.")), qPrintable(again.out)); // not below zero
        {
            auto db = fermata::Database::open(dir.databasePath());
            QVERIFY(db.isOk());
            const QHash<qint64, qint64> minutes = fermata::AttentionRepository(**db).focusMinutesByTask().value();
            QCOMPARE(minutes.value(1), 165);
        }
        const Run badTime = run({QStringLiteral("log"), QStringLiteral("1"), QStringLiteral("soon")});
        QCOMPARE(badTime.exitCode, 2);
        QVERIFY2(badTime.err.startsWith(QStringLiteral("fermata tasks log: Cannot read the time 'soon'")), qPrintable(badTime.err));
        const Run future = run({QStringLiteral("log"), QStringLiteral("1"), QStringLiteral("30m"), QStringLiteral("--at"),
                                QStringLiteral("2099-01-01T10:00")});
        QCOMPARE(future.exitCode, 2);
        QVERIFY2(future.err.contains(QStringLiteral("before now")), qPrintable(future.err));
        const Run tooLong = run({QStringLiteral("log"), QStringLiteral("1"), QStringLiteral("25h")});
        QCOMPARE(tooLong.exitCode, 2);
        const Run missing = run({QStringLiteral("log"), QStringLiteral("9"), QStringLiteral("30m")});
        QCOMPARE(missing.exitCode, 1);
        QVERIFY2(missing.err.contains(QStringLiteral("Task 9 does not exist")), qPrintable(missing.err));
        const Run noMinutes = run({QStringLiteral("log"), QStringLiteral("1")});
        QCOMPARE(noMinutes.exitCode, 2);
    }

    void addShareWithoutHub()
    {
        fermata::test::TempDataDir dir;
        const auto add = [&dir](const QStringList &words) {
            return runFermata(QStringList{QStringLiteral("--data-dir"), dir.path(), QStringLiteral("tasks"), QStringLiteral("add")}
                              + words);
        };
        const Run shared = add({QStringLiteral("Write report 2h share")});
        QCOMPARE(shared.exitCode, 1);
        QVERIFY2(shared.out.contains(QStringLiteral("Added task 1: Write report (120 min, P3)")), qPrintable(shared.out));
        QVERIFY2(shared.err.contains(QStringLiteral("Task 1 was added but not shared: sharing needs a team hub")),
                 qPrintable(shared.err));
        QVERIFY2(shared.err.contains(QStringLiteral("fermata hub join")), qPrintable(shared.err));
        QVERIFY2(shared.err.contains(QStringLiteral("fermata tasks share 1")), qPrintable(shared.err));

        const Run drive = add({QStringLiteral("Update"), QStringLiteral("shared"), QStringLiteral("drive")});
        QCOMPARE(drive.exitCode, 0);
        QVERIFY2(drive.err.isEmpty(), qPrintable(drive.err));

        const Run noteAlone = add({QStringLiteral("Plan"), QStringLiteral("--note"), QStringLiteral("for Ada")});
        QCOMPARE(noteAlone.exitCode, 2);
        QVERIFY2(noteAlone.err.contains(QStringLiteral("add the word share")), qPrintable(noteAlone.err));

        const Run json = runFermata({QStringLiteral("--data-dir"), dir.path(), QStringLiteral("tasks"), QStringLiteral("--json")});
        const QJsonArray tasks = QJsonDocument::fromJson(json.out.toUtf8()).array();
        QCOMPARE(tasks.size(), 2);
        QCOMPARE(tasks.at(0).toObject().value(QStringLiteral("title")).toString(), QStringLiteral("Write report"));
        QCOMPARE(tasks.at(1).toObject().value(QStringLiteral("title")).toString(), QStringLiteral("Update shared drive"));
    }

    void badInputChangesNothing_data()
    {
        QTest::addColumn<QStringList>("arguments");
        QTest::addColumn<QString>("message");
        QTest::addColumn<int>("exitCode");
        QTest::newRow("estimate") << QStringList{QStringLiteral("--estimate"), QStringLiteral("soon")}
                                  << QStringLiteral("cannot read the estimate") << 2;
        QTest::newRow("priority") << QStringList{QStringLiteral("--priority"), QStringLiteral("P9")}
                                  << QStringLiteral("priority must be") << 2;
        QTest::newRow("deadline") << QStringList{QStringLiteral("--deadline"), QStringLiteral("friday-ish")}
                                  << QStringLiteral("cannot read the deadline") << 2;
        QTest::newRow("zero estimate") << QStringList{QStringLiteral("--estimate"), QStringLiteral("0m")}
                                       << QStringLiteral("estimate") << 1;
    }
    void badInputChangesNothing()
    {
        QFETCH(QStringList, arguments);
        QFETCH(QString, message);
        QFETCH(int, exitCode);
        fermata::test::TempDataDir dir;
        const Run run = runFermata(QStringList{QStringLiteral("--data-dir"), dir.path(), QStringLiteral("tasks"),
                                            QStringLiteral("add"), QStringLiteral("Task")} + arguments);
        QCOMPARE(run.exitCode, exitCode);
        QVERIFY2(run.err.contains(message, Qt::CaseInsensitive), qPrintable(run.err));
        const Run list = runFermata({QStringLiteral("--data-dir"), dir.path(), QStringLiteral("tasks"), QStringLiteral("--json")});
        QCOMPARE(QJsonDocument::fromJson(list.out.toUtf8()).array().size(), 0);
    }

    void refusedFileIsReportedAndUntouched()
    {
        fermata::test::TempDataDir dir;
        QFile file(dir.databasePath());
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.write("These are my notes, not a database.\n");
        file.close();
        const QByteArray before = fermata::test::fileBytes(dir.databasePath());

        for (const QString &command : {QStringLiteral("check"), QStringLiteral("tasks")}) {
            const Run run = runFermata({QStringLiteral("--data-dir"), dir.path(), command});
            QCOMPARE(run.exitCode, 1);
            QVERIFY2(run.err.contains(dir.databasePath()), qPrintable(run.err));
            QVERIFY2(run.err.contains(QStringLiteral("not a Fermata database")), qPrintable(run.err));
        }
        QCOMPARE(fermata::test::fileBytes(dir.databasePath()), before);
    }

    void checkReportsAHealthyDatabase()
    {
        fermata::test::TempDataDir dir;
        const Run run = runFermata({QStringLiteral("check"), QStringLiteral("--data-dir"), dir.path()});
        QCOMPARE(run.exitCode, 0);
        QVERIFY(run.out.contains(QStringLiteral("Integrity: ok")));
        QVERIFY(run.out.contains(dir.databasePath()));
    }

    // `fermata inbox` words the state and why in the person's language; --json keeps the keys
    // (machine output).
    void inboxWordsStateAndReason()
    {
        fermata::test::TempDataDir dir;
        const QStringList at{QStringLiteral("--data-dir"), dir.path()};
        const Run sent = runFermata(at + QStringList{QStringLiteral("notify"), QStringLiteral("--source"),
                                                     QStringLiteral("test"), QStringLiteral("--title"),
                                                     QStringLiteral("Hello")});
        QVERIFY2(sent.exitCode == 0, qPrintable(sent.err));
        const Run json = runFermata(at + QStringList{QStringLiteral("inbox"), QStringLiteral("--json")});
        const QJsonArray items = QJsonDocument::fromJson(json.out.toUtf8()).array();
        QCOMPARE(items.size(), 1);
        const QString stateKey = items.at(0)[QStringLiteral("state")].toString();
        const QString reasonKey = items.at(0)[QStringLiteral("reason")].toString();
        QVERIFY2(stateKey == u"held" || stateKey == u"released", qPrintable(json.out));
        QVERIFY2(reasonKey.contains(u'-'), qPrintable(json.out)); // e.g. "outside-window"

        const Run text = runFermata(at + QStringList{QStringLiteral("inbox")});
        QCOMPARE(text.exitCode, 0);
        const QString stateWords = stateKey == u"held" ? QStringLiteral("Held ") : QStringLiteral("Released ");
        QVERIFY2(text.out.startsWith(stateWords + QStringLiteral("test: Hello\n")), qPrintable(text.out));
        QVERIFY2(text.out.contains(QStringLiteral("(arrived ")), qPrintable(text.out));
        QVERIFY2(!text.out.contains(reasonKey), qPrintable(text.out));
        // Held: when it will be released, never an empty "released -".
        QVERIFY2(!text.out.contains(QStringLiteral("released -")), qPrintable(text.out));
        if (stateKey == u"held") {
            QVERIFY2(text.out.contains(QStringLiteral(", held until your next check-in window, "))
                         || text.out.contains(QStringLiteral(", due now: a check-in window is open")),
                     qPrintable(text.out));
        }
    }

    // A second launch on the same profile hands over to the running window and exits.
    void secondLaunchActivatesTheFirst()
    {
        fermata::test::TempDataDir dir;
        QProcess first;
        QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
        env.insert(QStringLiteral("QT_QPA_PLATFORM"), QStringLiteral("offscreen"));
        first.setProcessEnvironment(env);
        first.start(QStringLiteral(FERMATA_EXECUTABLE), {QStringLiteral("--data-dir"), dir.path()});
        QVERIFY(first.waitForStarted());
        const QString key = fermata::AppPaths::inDirectory(dir.path()).instanceKey();
        QTRY_VERIFY_WITH_TIMEOUT(([&key] {
            QLocalSocket probe;
            probe.connectToServer(key);
            return probe.waitForConnected(200);
        })(), 20000);

        QProcess second;
        second.setProcessEnvironment(env);
        second.start(QStringLiteral(FERMATA_EXECUTABLE), {QStringLiteral("--data-dir"), dir.path()});
        QVERIFY(second.waitForFinished(10000));
        QCOMPARE(second.exitCode(), 0);
        QCOMPARE(first.state(), QProcess::Running);

        // A different profile is a different instance: it keeps running on its own.
        fermata::test::TempDataDir other;
        QProcess third;
        third.setProcessEnvironment(env);
        third.start(QStringLiteral(FERMATA_EXECUTABLE), {QStringLiteral("--data-dir"), other.path()});
        QVERIFY(!third.waitForFinished(2000));
        third.kill();
        third.waitForFinished();
        first.kill();
        first.waitForFinished();
    }
};

QTEST_GUILESS_MAIN(TestCli)
#include "tst_cli.moc"
