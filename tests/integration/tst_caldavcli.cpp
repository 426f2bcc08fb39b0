// `fermata caldav` end to end: the real binary against a real Radicale — a wrong password
// refused in words, add (discovery, calendars with colours), use, sync (focus blocks written as
// busy events), list and list --json, two syncs started at once, a server that is down, `fermata
// serve` syncing by itself, remove.
#include "calendar/caldavclient.h"
#include "radicaleserver.h"
#include "storage/database.h"
#include "storage/repositories.h"
#include "testsupport.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QRegularExpression>
#include <QTest>

#include <memory>

using namespace fermata;

namespace {

const QString alice = QStringLiteral("alice");
const QString alicePassword = QStringLiteral("alice-app-password");

struct Run
{
    int exitCode = -1;
    QString out;
    QString err;
};

QProcess *startFermata(const QString &dataDir, const QStringList &arguments, const QByteArray &stdinData = {})
{
    auto *process = new QProcess;
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.insert(QStringLiteral("FERMATA_SECRET_STORE"), QStringLiteral("file")); // no keychain in tests
    env.remove(QStringLiteral("FERMATA_CALDAV_PASSWORD"));
    process->setProcessEnvironment(env);
    process->start(QStringLiteral(FERMATA_EXECUTABLE),
        QStringList { QStringLiteral("--data-dir"), dataDir, QStringLiteral("caldav") } + arguments);
    if (!stdinData.isEmpty())
        process->write(stdinData);
    process->closeWriteChannel();
    return process;
}

Run finish(QProcess *process)
{
    if (!process->waitForFinished(90000)) {
        process->kill();
        process->waitForFinished();
    }
    Run run { process->exitStatus() == QProcess::NormalExit ? process->exitCode() : -1,
        QString::fromUtf8(process->readAllStandardOutput()), QString::fromUtf8(process->readAllStandardError()) };
    delete process;
    return run;
}

Run caldav(const QString &dataDir, const QStringList &arguments, const QByteArray &stdinData = {})
{
    return finish(startFermata(dataDir, arguments, stdinData));
}

// The events on the server with Fermata's marker, as "UID start".
QStringList fermataEvents(const test::RadicaleServer &server, const QString &calendar)
{
    CalDavClient client(alice, alicePassword);
    client.setCalendarHome(server.url(QStringLiteral("/alice/")));
    const auto found = client.queryEvents(calendar, Interval());
    QStringList events;
    for (const CalDavResource &r : found ? *found : QList<CalDavResource>()) {
        if (!r.data.contains("X-FERMATA-BLOCK:"))
            continue;
        const qsizetype uid = r.data.indexOf("UID:");
        const qsizetype start = r.data.indexOf("DTSTART:");
        events.append(QString::fromUtf8(r.data.mid(uid + 4, r.data.indexOf('\r', uid) - uid - 4) + ' '
            + r.data.mid(start + 8, 16)));
    }
    events.sort();
    return events;
}

} // namespace

class TestCalDavCli : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase()
    {
        test::pinEnvironment();
        QVERIFY2(m_server.start(), qPrintable(m_server.errorString()));
        QVERIFY(m_server.addUser(alice, alicePassword));
        m_work = m_server.createCalendar(alice, QStringLiteral("work"), QStringLiteral("Work"), QStringLiteral("#3366FF"));
        QVERIFY(!m_server.createCalendar(alice, QStringLiteral("readonly-holidays"), QStringLiteral("Holidays")).isEmpty());
        const QDateTime tomorrow = QDateTime::currentDateTimeUtc().addDays(1);
        QVERIFY(!m_server.putEvent(m_work + QStringLiteral("standup.ics"),
            test::RadicaleServer::icsEvent(QStringLiteral("standup"), tomorrow, tomorrow.addSecs(1800), QStringLiteral("Standup"))).isEmpty());
    }

    void wrongPasswordIsRefused()
    {
        const Run run = caldav(m_dir.path(), { QStringLiteral("add"), m_server.url().toString(), QStringLiteral("--user"), alice,
            QStringLiteral("--password-stdin") }, "wrong-password\n");
        QCOMPARE(run.exitCode, 1);
        QVERIFY2(run.err.contains(QStringLiteral("fermata caldav add: The server refused user 'alice': check the user name and app password.")),
            qPrintable(run.err));
        const Run list = caldav(m_dir.path(), { QStringLiteral("list"), QStringLiteral("--json") });
        QCOMPARE(list.exitCode, 0);
        QCOMPARE(QJsonDocument::fromJson(list.out.toUtf8()).array().size(), 0);
    }

    void noPasswordSaysHowToGiveIt()
    {
        const Run run = caldav(m_dir.path(), { QStringLiteral("add"), m_server.url().toString(), QStringLiteral("--user"), alice });
        QCOMPARE(run.exitCode, 2);
        QVERIFY2(run.err.contains(QStringLiteral("--password-stdin")), qPrintable(run.err));
    }

    void addsUsesAndSyncs()
    {
        const Run added = caldav(m_dir.path(), { QStringLiteral("add"), m_server.url().toString(), QStringLiteral("--user"), alice,
            QStringLiteral("--password-stdin") }, alicePassword.toUtf8() + '\n');
        QVERIFY2(added.exitCode == 0, qPrintable(added.out + added.err));
        m_name = QStringLiteral("alice@127.0.0.1:%1").arg(m_server.port());
        QVERIFY2(added.out.startsWith(QStringLiteral("Added %1 (2 calendars):").arg(m_name)), qPrintable(added.out));
        QVERIFY2(added.out.contains(QRegularExpression(QStringLiteral("Work +#3366ff +read, 1 event"))), qPrintable(added.out));
        QVERIFY2(added.out.contains(QRegularExpression(QStringLiteral("Holidays +- +read, read-only"))), qPrintable(added.out));
        QVERIFY2(added.out.contains(QStringLiteral("fermata caldav use CALENDAR --blocks")), qPrintable(added.out));
        QVERIFY2(added.out.contains(QStringLiteral("no calendar receives focus blocks.")), qPrintable(added.out));
        // The password went to the password file (FERMATA_SECRET_STORE=file), not the database.
        QVERIFY(test::fileBytes(m_dir.filePath(QStringLiteral("caldav-secrets.json"))).contains(alicePassword.toUtf8()));
        QVERIFY(!test::fileBytes(m_dir.databasePath()).contains(alicePassword.toUtf8()));

        const Run readOnly = caldav(m_dir.path(), { QStringLiteral("use"), QStringLiteral("Holidays"), QStringLiteral("--blocks") });
        QCOMPARE(readOnly.exitCode, 1);
        QVERIFY2(readOnly.err.contains(QStringLiteral("\"Holidays\" is read-only")), qPrintable(readOnly.err));
        const Run use = caldav(m_dir.path(), { QStringLiteral("use"), QStringLiteral("work"), QStringLiteral("--blocks") });
        QVERIFY2(use.exitCode == 0, qPrintable(use.out + use.err));
        QVERIFY2(use.out.contains(QStringLiteral("receives focus blocks")), qPrintable(use.out));

        addBlocks(2, 1);
        const Run sync = caldav(m_dir.path(), { QStringLiteral("sync") });
        QVERIFY2(sync.exitCode == 0, qPrintable(sync.out + sync.err));
        QVERIFY2(sync.out.contains(QStringLiteral("%1: calendars unchanged; focus blocks: 2 new.").arg(m_name)), qPrintable(sync.out));
        QCOMPARE(fermataEvents(m_server, m_work).size(), 2);
    }

    void listsAccountsAndCalendars()
    {
        const Run text = caldav(m_dir.path(), { QStringLiteral("list") });
        QCOMPARE(text.exitCode, 0);
        QVERIFY2(text.out.startsWith(m_name + QStringLiteral("  ") + m_server.url().toString()), qPrintable(text.out));
        QVERIFY2(text.out.contains(QStringLiteral("last sync ")), qPrintable(text.out));
        QVERIFY2(text.out.contains(QStringLiteral("focus blocks titled \"Focus\"")), qPrintable(text.out));
        QVERIFY2(text.out.contains(QRegularExpression(QStringLiteral("Work +#3366ff +read, receives focus blocks, 1 event"))),
            qPrintable(text.out));

        const Run json = caldav(m_dir.path(), { QStringLiteral("list"), QStringLiteral("--json") });
        QCOMPARE(json.exitCode, 0);
        const QJsonArray accounts = QJsonDocument::fromJson(json.out.toUtf8()).array();
        QCOMPARE(accounts.size(), 1);
        const QJsonObject account = accounts.at(0).toObject();
        QCOMPARE(account.value(QStringLiteral("name")).toString(), m_name);
        QCOMPARE(account.value(QStringLiteral("user")).toString(), alice);
        QCOMPARE(account.value(QStringLiteral("block_title")).toString(), QStringLiteral("Focus"));
        QVERIFY(!account.value(QStringLiteral("last_sync")).toString().isEmpty());
        QCOMPARE(account.value(QStringLiteral("last_error")).toString(), QString());
        QCOMPARE(account.value(QStringLiteral("pending_changes")).toInt(), 0);
        const QJsonArray calendars = account.value(QStringLiteral("calendars")).toArray();
        QCOMPARE(calendars.size(), 2);
        QJsonObject work;
        for (const QJsonValue &c : calendars) {
            if (c[QStringLiteral("name")].toString() == u"Work")
                work = c.toObject();
        }
        QCOMPARE(work.value(QStringLiteral("color")).toString(), QStringLiteral("#3366ff"));
        QCOMPARE(work.value(QStringLiteral("href")).toString(), m_work);
        QVERIFY(work.value(QStringLiteral("read")).toBool());
        QVERIFY(work.value(QStringLiteral("blocks")).toBool());
        QVERIFY(work.value(QStringLiteral("writable")).toBool());
        QCOMPARE(work.value(QStringLiteral("events")).toInt(), 1);
        QVERIFY(!account.contains(QStringLiteral("password")));
    }

    // Two `fermata caldav sync` at the same moment: the second waits for the first, nothing twice.
    void twoSyncsAtOnce()
    {
        addBlocks(10, 3);
        QProcess *first = startFermata(m_dir.path(), { QStringLiteral("sync") });
        QProcess *second = startFermata(m_dir.path(), { QStringLiteral("sync") });
        const Run a = finish(first);
        const Run b = finish(second);
        QVERIFY2(a.exitCode == 0, qPrintable(a.out + a.err));
        QVERIFY2(b.exitCode == 0, qPrintable(b.out + b.err));
        QVERIFY2(QString(a.out + b.out).contains(QStringLiteral("focus blocks: 10 new")), qPrintable(a.out + b.out));
        const QStringList events = fermataEvents(m_server, m_work);
        QCOMPARE(events.size(), 12);
        QStringList uids;
        for (const QString &e : events)
            uids.append(e.section(u' ', 0, 0));
        uids.removeDuplicates();
        QCOMPARE(uids.size(), 12);
    }

    void serverDownSaysSoAndKeepsTheQueue()
    {
        QVERIFY(m_server.stop());
        addBlocks(1, 20);
        const Run down = caldav(m_dir.path(), { QStringLiteral("sync") });
        QCOMPARE(down.exitCode, 1);
        QVERIFY2(down.err.contains(QStringLiteral("refused the connection (is the server running?)")), qPrintable(down.err));
        QVERIFY2(down.err.contains(QStringLiteral("1 focus block change waits for the next sync")), qPrintable(down.err));
        const QJsonObject account = QJsonDocument::fromJson(caldav(m_dir.path(), { QStringLiteral("list"), QStringLiteral("--json") })
                                                                .out.toUtf8()).array().at(0).toObject();
        QVERIFY(account.value(QStringLiteral("last_error")).toString().contains(QStringLiteral("refused the connection")));
        QCOMPARE(account.value(QStringLiteral("pending_changes")).toInt(), 1);
        QVERIFY(m_server.restart());
        const Run back = caldav(m_dir.path(), { QStringLiteral("sync") });
        QVERIFY2(back.exitCode == 0, qPrintable(back.out + back.err));
        QCOMPARE(fermataEvents(m_server, m_work).size(), 13);
    }

    // `fermata serve` alone keeps the CalDAV calendar current, as the window does: a block
    // another process plans appears on the server within seconds. Before, nothing synced
    // until the window or `caldav sync` ran.
    void serveWritesNewFocusBlocksToTheServer()
    {
        // Owned: a failing check returns early, and ~QProcess ends serve.
        const auto serve = std::make_unique<QProcess>();
        QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
        env.insert(QStringLiteral("FERMATA_SECRET_STORE"), QStringLiteral("file"));
        serve->setProcessEnvironment(env);
        serve->start(QStringLiteral(FERMATA_EXECUTABLE), {QStringLiteral("--data-dir"), m_dir.path(), QStringLiteral("serve")});
        QVERIFY(serve->waitForStarted());
        QTRY_VERIFY_WITH_TIMEOUT(serve->canReadLine() || serve->state() != QProcess::Running, 15000);
        QCOMPARE(serve->readLine().trimmed(), QByteArray("ready"));
        addBlocks(1, 30);
        QTRY_COMPARE_WITH_TIMEOUT(fermataEvents(m_server, m_work).size(), 14, 20000);
        serve->terminate();
        QVERIFY(serve->waitForFinished(10000));
        const QString errors = QString::fromUtf8(serve->readAllStandardError());
        QVERIFY2(serve->exitStatus() == QProcess::NormalExit && serve->exitCode() == 0, qPrintable(errors));
        QVERIFY2(!errors.contains(QStringLiteral("fermata serve:")), qPrintable(errors));
    }

    void removesTheAccount()
    {
        const Run removed = caldav(m_dir.path(), { QStringLiteral("remove") });
        QVERIFY2(removed.exitCode == 0, qPrintable(removed.out + removed.err));
        QVERIFY2(removed.out.contains(QStringLiteral("Removed %1").arg(m_name)), qPrintable(removed.out));
        QVERIFY(fermataEvents(m_server, m_work).isEmpty());
        const Run list = caldav(m_dir.path(), { QStringLiteral("list") });
        QVERIFY2(list.out.startsWith(QStringLiteral("No CalDAV account.")), qPrintable(list.out));
        QVERIFY(!test::fileBytes(m_dir.filePath(QStringLiteral("caldav-secrets.json"))).contains(alicePassword.toUtf8()));
    }

private:
    // `count` focus blocks from `firstDay` days ahead, written as the planner would (the
    // database is shared with the commands, as with the window).
    void addBlocks(int count, int firstDay)
    {
        auto db = Database::open(m_dir.databasePath());
        QVERIFY2(db.isOk(), qPrintable(db.isOk() ? QString() : db.error().message));
        Task task;
        task.title = QStringLiteral("Report");
        const qint64 taskId = TaskRepository(**db).add(task).value();
        const QDateTime base = QDateTime(QDateTime::currentDateTimeUtc().date(), QTime(9, 0), QTimeZone::utc());
        for (int i = 0; i < count; ++i) {
            const QDateTime start = base.addDays(firstDay + i);
            QVERIFY(FocusBlockRepository(**db).add(FocusBlock { 0, taskId, start, start.addSecs(3600), false }).isOk());
        }
    }

    test::RadicaleServer m_server;
    test::TempDataDir m_dir;
    QString m_work;
    QString m_name;
};

QTEST_GUILESS_MAIN(TestCalDavCli)
#include "tst_caldavcli.moc"
