#include "pgcluster.h"
#include "team/hubschema.h"
#include "testsupport.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QRegularExpression>
#include <QTest>
#include <QTimeZone>

#include <memory>

namespace {

struct Run
{
    int exitCode = -1;
    QString out;
    QString err;
};

QProcessEnvironment environment(const QString &password = {})
{
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.insert(QStringLiteral("FERMATA_SECRET_STORE"), QStringLiteral("file"));
    if (!password.isEmpty())
        env.insert(QStringLiteral("FERMATA_HUB_PASSWORD"), password);
    else
        env.remove(QStringLiteral("FERMATA_HUB_PASSWORD"));
    return env;
}

QProcess *startFermata(const QString &dataDir, const QStringList &arguments, const QString &password = {})
{
    auto *process = new QProcess;
    process->setProcessEnvironment(environment(password));
    process->start(QStringLiteral(FERMATA_EXECUTABLE), QStringList{QStringLiteral("--data-dir"), dataDir} + arguments);
    return process;
}

Run finish(QProcess *process, int timeoutMs = 60000)
{
    process->closeWriteChannel();
    if (!process->waitForFinished(timeoutMs)) {
        process->kill();
        process->waitForFinished();
    }
    Run run{process->exitStatus() == QProcess::NormalExit ? process->exitCode() : -1,
            QString::fromUtf8(process->readAllStandardOutput()),
            QString::fromUtf8(process->readAllStandardError())};
    delete process;
    return run;
}

Run runFermata(const QString &dataDir, const QStringList &arguments, const QString &password = {},
            const QByteArray &stdinData = {})
{
    QProcess *process = startFermata(dataDir, arguments, password);
    if (!stdinData.isEmpty())
        process->write(stdinData);
    return finish(process);
}

QString field(const QString &text, const QString &label)
{
    const QRegularExpression pattern(QRegularExpression::escape(label) + QStringLiteral(":\\s*(\\S+)"));
    return pattern.match(text).captured(1);
}

// How often the Inbox of `dataDir` holds an item titled `title`.
int inboxCount(const QString &dataDir, const QString &title)
{
    const Run inbox = runFermata(dataDir, {QStringLiteral("inbox"), QStringLiteral("--json"), QStringLiteral("--limit"),
                                           QStringLiteral("0")});
    int count = 0;
    for (const QJsonValue &item : QJsonDocument::fromJson(inbox.out.toUtf8()).array())
        count += item[QStringLiteral("title")].toString() == title ? 1 : 0;
    return count;
}

// The state key (--json) of the message titled `subject` in the outbox of `dataDir`.
QString outboxState(const QString &dataDir, const QString &subject)
{
    const Run outbox = runFermata(dataDir, {QStringLiteral("outbox"), QStringLiteral("--json")});
    for (const QJsonValue &item : QJsonDocument::fromJson(outbox.out.toUtf8()).array()) {
        if (item[QStringLiteral("subject")].toString() == subject)
            return item[QStringLiteral("state")].toString();
    }
    return {};
}

// A daily window spec ("daily 23:55-00:05") on the wall clock of `zone`, from `start` for
// `minutes`; windows past midnight are fine (an end before the start runs into the next day).
QString dailySpec(QTime start, int minutes)
{
    return QStringLiteral("daily %1-%2").arg(start.toString(u"HH:mm"), start.addSecs(minutes * 60).toString(u"HH:mm"));
}

// The wall-clock minute in `zone` about `secs` from now (negative: ago).
QTime wallClockIn(const QTimeZone &zone, qint64 secs)
{
    const QTime t = QDateTime::currentDateTimeUtc().addSecs(secs).toTimeZone(zone).time();
    return QTime(t.hour(), t.minute());
}

} // namespace

// Two Fermata profiles (separate data folders, separate roles) exchange a message through a
// real hub: init, add-member, join, a window that opens seconds later, send, outbox, sync.
class TestHubCli : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void initTestCase()
    {
        fermata::test::pinEnvironment();
        QVERIFY2(m_cluster.start(), qPrintable(m_cluster.errorString()));
        m_adminUrl = m_cluster.createHubDatabase(QStringLiteral("team_hub"), QStringLiteral("hub_admin"));
        QVERIFY2(!m_adminUrl.isEmpty(), qPrintable(m_cluster.errorString()));
    }

    void initAndAddMembers()
    {
        const Run init = runFermata(m_admin.path(), {QStringLiteral("hub"), QStringLiteral("init"), QStringLiteral("--url"), m_adminUrl},
                                 m_cluster.adminPassword());
        QVERIFY2(init.exitCode == 0, qPrintable(init.out + init.err));
        QVERIFY2(init.out.contains(QStringLiteral("is ready (schema version %1)").arg(fermata::hubschema::latestVersion())),
                 qPrintable(init.out));
        const Run again = runFermata(m_admin.path(), {QStringLiteral("hub"), QStringLiteral("init"), QStringLiteral("--url"), m_adminUrl});
        QVERIFY2(again.exitCode == 0, qPrintable(again.out + again.err)); // password from the store

        for (const auto &[who, zone] : {std::pair{QStringLiteral("Alice"), QStringLiteral("Europe/Berlin")},
                                        std::pair{QStringLiteral("Bob"), QStringLiteral("America/New_York")}}) {
            const Run added = runFermata(m_admin.path(), {QStringLiteral("hub"), QStringLiteral("add-member"), QStringLiteral("--team"), QStringLiteral("Alpha"),
                                                       QStringLiteral("--name"), who, QStringLiteral("--email"), who.toLower() + QStringLiteral("@alpha.example"),
                                                       QStringLiteral("--tz"), zone});
            QVERIFY2(added.exitCode == 0, qPrintable(added.out + added.err));
            m_logins[who] = field(added.out, QStringLiteral("Login"));
            m_passwords[who] = field(added.out, QStringLiteral("One-time password"));
            QVERIFY(!m_logins[who].isEmpty() && m_passwords[who].size() >= 16);
        }
        const Run badZone = runFermata(m_admin.path(), {QStringLiteral("hub"), QStringLiteral("add-member"), QStringLiteral("--team"), QStringLiteral("Alpha"),
                                                     QStringLiteral("--name"), QStringLiteral("X"), QStringLiteral("--email"), QStringLiteral("x@x.example"),
                                                     QStringLiteral("--tz"), QStringLiteral("Mars/Olympus")});
        QCOMPARE(badZone.exitCode, 1);
        QVERIFY(badZone.err.contains(QStringLiteral("unknown time zone")));
    }

    void membersJoin()
    {
        const QString memberUrl = m_adminUrl;
        // Password on standard input for alice, in the environment for bob.
        const Run alice = runFermata(m_alice.path(), {QStringLiteral("hub"), QStringLiteral("join"), QStringLiteral("--url"), memberUrl,
                                                   QStringLiteral("--user"), m_logins[QStringLiteral("Alice")]},
                                  {}, m_passwords[QStringLiteral("Alice")].toUtf8() + '\n');
        QVERIFY2(alice.exitCode == 0, qPrintable(alice.out + alice.err));
        QVERIFY(alice.out.contains(QStringLiteral("Joined the team hub as Alice (Europe/Berlin); 1 teammates.")));
        QVERIFY(alice.err.contains(QStringLiteral("warning: No system keychain")));
        const Run bob = runFermata(m_bob.path(), {QStringLiteral("hub"), QStringLiteral("join"), QStringLiteral("--url"), memberUrl,
                                               QStringLiteral("--user"), m_logins[QStringLiteral("Bob")]},
                                m_passwords[QStringLiteral("Bob")]);
        QVERIFY2(bob.exitCode == 0, qPrintable(bob.out + bob.err));
        // The one-time password is spent.
        const Run replay = runFermata(m_eve.path(), {QStringLiteral("hub"), QStringLiteral("join"), QStringLiteral("--url"), memberUrl,
                                                  QStringLiteral("--user"), m_logins[QStringLiteral("Bob")]},
                                   m_passwords[QStringLiteral("Bob")]);
        QCOMPARE(replay.exitCode, 1);
        QVERIFY2(replay.err.contains(QStringLiteral("refused the password")), qPrintable(replay.err));
    }

    void messageWaitsForTheWindowThenArrivesOnce()
    {
        // bob's window opens at the next minute boundary at least 20 s away, in his zone (the
        // hub releases by the real clock): time to set it and send before it opens, at any hour.
        const QTimeZone newYork("America/New_York");
        QDateTime opens = QDateTime::currentDateTimeUtc().addSecs(20);
        opens = opens.addSecs(60 - opens.time().second()).addMSecs(-opens.time().msec());
        const QTime local = opens.toTimeZone(newYork).time();
        const QString spec = dailySpec(local, 10);
        const Run window = runFermata(m_bob.path(), {QStringLiteral("hub"), QStringLiteral("windows"), QStringLiteral("--set"), spec});
        QVERIFY2(window.exitCode == 0, qPrintable(window.out + window.err));

        // bob's Fermata waits, connected; alice sends.
        QProcess *bob = startFermata(m_bob.path(), {QStringLiteral("hub"), QStringLiteral("sync"), QStringLiteral("--wait"), QStringLiteral("100")});
        QVERIFY(bob->waitForStarted());
        const Run preview = runFermata(m_alice.path(), {QStringLiteral("send"), QStringLiteral("--to"), QStringLiteral("Bob"), QStringLiteral("--preview")});
        QVERIFY2(preview.exitCode == 0, qPrintable(preview.err));
        const Run sent = runFermata(m_alice.path(), {QStringLiteral("send"), QStringLiteral("--to"), QStringLiteral("bob@alpha.example"),
                                                  QStringLiteral("--subject"), QStringLiteral("Draft \"v2\" ready"),
                                                  QStringLiteral("--body"), QStringLiteral("It's in the folder; see C:\\docs\\v2 and '; DROP TABLE x; --")});
        QVERIFY2(sent.exitCode == 0, qPrintable(sent.out + sent.err));
        QVERIFY2(QDateTime::currentDateTimeUtc() < opens,
                 "setting the window and sending took longer than the 20 s margin before it opens");
        QCOMPARE(sent.out.trimmed(), preview.out.trimmed());
        // "(their 09:00)", or "(their Wed 19:02)" when their date is not the sender's.
        const QRegularExpression their(QStringLiteral("\\(their (\\w+ )?%1\\)").arg(local.toString(u"HH:mm")));
        QVERIFY2(sent.out.contains(their), qPrintable(sent.out));

        const Run outbox = runFermata(m_alice.path(), {QStringLiteral("outbox"), QStringLiteral("--json")});
        QCOMPARE(outbox.exitCode, 0);
        const QJsonArray list = QJsonDocument::fromJson(outbox.out.toUtf8()).array();
        QCOMPARE(list.size(), 1);
        QCOMPARE(list.at(0)[QStringLiteral("state")].toString(), QStringLiteral("queued"));
        QCOMPARE(QDateTime::fromString(list.at(0)[QStringLiteral("release")].toString(), Qt::ISODateWithMs), opens);
        QVERIFY(list.at(0)[QStringLiteral("synced")].toBool());

        const Run received = finish(bob, 120000);
        const QDateTime arrived = QDateTime::currentDateTimeUtc();
        QVERIFY2(received.exitCode == 0, qPrintable(received.out + received.err));
        QVERIFY2(received.out.contains(QStringLiteral("Received from Alice: Draft \"v2\" ready")), qPrintable(received.out));
        QVERIFY(received.out.contains(QStringLiteral("C:\\docs\\v2 and '; DROP TABLE x; --")));
        // Woken by the release time, not by the end of --wait.
        QVERIFY2(arrived >= opens && arrived < opens.addSecs(30),
                 qPrintable(arrived.toString(Qt::ISODateWithMs) + QStringLiteral(" vs ") + opens.toString(Qt::ISODateWithMs)));

        // In bob's Inbox, though no window or engine of his ran: `hub sync` put it there.
        QCOMPARE(inboxCount(m_bob.path(), QStringLiteral("Draft \"v2\" ready")), 1);

        // Exactly once: a second sync brings nothing; the sender sees it delivered.
        const Run again = runFermata(m_bob.path(), {QStringLiteral("hub"), QStringLiteral("sync")});
        QCOMPARE(again.exitCode, 0);
        QVERIFY(!again.out.contains(QStringLiteral("Received")));
        QCOMPARE(inboxCount(m_bob.path(), QStringLiteral("Draft \"v2\" ready")), 1);
        const Run delivered = runFermata(m_alice.path(), {QStringLiteral("outbox"), QStringLiteral("--json")});
        QCOMPARE(QJsonDocument::fromJson(delivered.out.toUtf8()).array().at(0)[QStringLiteral("state")].toString(),
                 QStringLiteral("delivered"));
    }

    // `hub windows --set` re-times bob's messages and fetches what is due: that one reaches
    // his Inbox too, once, however often he fetches again.
    void messageFetchedBySettingWindowsReachesTheInbox()
    {
        const QTimeZone newYork("America/New_York");
        // First a window twelve hours away, so the message is held (the last test's window
        // may still be open); then one from two hours ago to two hours on (still around now
        // when a DST change takes an hour out), so it is due at once. Both in bob's zone, at
        // any hour: QTime wraps past midnight and so do the windows.
        const Run away = runFermata(m_bob.path(), {QStringLiteral("hub"), QStringLiteral("windows"), QStringLiteral("--set"),
                                                   dailySpec(wallClockIn(newYork, 12 * 3600), 10)});
        QVERIFY2(away.exitCode == 0, qPrintable(away.out + away.err));
        const QString spec = dailySpec(wallClockIn(newYork, -2 * 3600), 4 * 60);
        const Run sent = runFermata(m_alice.path(), {QStringLiteral("send"), QStringLiteral("--to"), QStringLiteral("Bob"),
                                                     QStringLiteral("--subject"), QStringLiteral("Agenda for Friday"),
                                                     QStringLiteral("--body"), QStringLiteral("three items")});
        QVERIFY2(sent.exitCode == 0, qPrintable(sent.out + sent.err));
        QVERIFY2(sent.out.contains(QStringLiteral("(their ")), qPrintable(sent.out)); // held for his window
        QCOMPARE(inboxCount(m_bob.path(), QStringLiteral("Agenda for Friday")), 0);
        const Run windows = runFermata(m_bob.path(), {QStringLiteral("hub"), QStringLiteral("windows"), QStringLiteral("--set"), spec});
        QVERIFY2(windows.exitCode == 0, qPrintable(windows.out + windows.err));
        QTRY_COMPARE_WITH_TIMEOUT(inboxCount(m_bob.path(), QStringLiteral("Agenda for Friday")), 1, 20000);
        const Run again = runFermata(m_bob.path(), {QStringLiteral("hub"), QStringLiteral("sync")});
        QCOMPARE(again.exitCode, 0);
        QCOMPARE(inboxCount(m_bob.path(), QStringLiteral("Agenda for Friday")), 1);
    }

    // `fermata serve` alone (no window, no `hub sync`) keeps bob's profile in sync with the hub:
    // a message released to him at once (his window, set above, is open) reaches his Inbox in
    // seconds, once. Before, it waited on the hub until a window or `hub sync` ran.
    void serveAloneBringsReleasedMessagesIntoTheInbox()
    {
        // Owned: a failing check returns early, and ~QProcess ends serve rather than leaving it
        // to hold bob's folder for the tests after this one.
        const std::unique_ptr<QProcess> serve(startFermata(m_bob.path(), {QStringLiteral("serve")}));
        QVERIFY(serve->waitForStarted());
        QTRY_VERIFY_WITH_TIMEOUT(serve->canReadLine() || serve->state() != QProcess::Running, 15000);
        QCOMPARE(serve->readLine().trimmed(), QByteArray("ready"));
        QTest::qWait(2000); // connects and listens (nothing to observe from outside)
        const Run sent = runFermata(m_alice.path(), {QStringLiteral("send"), QStringLiteral("--to"), QStringLiteral("Bob"),
                                                     QStringLiteral("--subject"), QStringLiteral("Lunch moved to 1"),
                                                     QStringLiteral("--body"), QStringLiteral("same place")});
        QVERIFY2(sent.exitCode == 0, qPrintable(sent.out + sent.err));
        // Released at once: his windows, set by `hub windows --set` above, are his check-in windows
        // here too, so serve's engine does not publish older ones over them (it did: the
        // message was held for the next default window).
        QTRY_COMPARE_WITH_TIMEOUT(inboxCount(m_bob.path(), QStringLiteral("Lunch moved to 1")), 1, 20000);
        // The sender sees it delivered, without bob doing anything.
        QTRY_COMPARE_WITH_TIMEOUT(outboxState(m_alice.path(), QStringLiteral("Lunch moved to 1")), QStringLiteral("delivered"), 20000);
        serve->terminate();
        QVERIFY(serve->waitForFinished(10000));
        const QString errors = QString::fromUtf8(serve->readAllStandardError());
        QVERIFY2(serve->exitStatus() == QProcess::NormalExit && serve->exitCode() == 0, qPrintable(errors));
        QCOMPARE(inboxCount(m_bob.path(), QStringLiteral("Lunch moved to 1")), 1);
    }

    void offlineSendGoesOutOnReconnect()
    {
        QVERIFY(m_cluster.stop());
        const Run sent = runFermata(m_alice.path(), {QStringLiteral("send"), QStringLiteral("--to"), QStringLiteral("Bob"),
                                                  QStringLiteral("--subject"), QStringLiteral("Offline"), QStringLiteral("--body"), QStringLiteral("later")});
        QVERIFY2(sent.exitCode == 0, qPrintable(sent.out + sent.err));
        QVERIFY2(sent.err.contains(QStringLiteral("Team hub unreachable — 1 message waiting to sync")), qPrintable(sent.err));
        const Run outbox = runFermata(m_alice.path(), {QStringLiteral("outbox")});
        QVERIFY(outbox.out.contains(QStringLiteral("Team hub unreachable — 1 message waiting to sync")));
        // "*": not on the hub yet; when it will be read, in words (the state keys are for --json).
        QVERIFY2(outbox.out.contains(QStringLiteral("* Bob  Offline  — Delivered ")), qPrintable(outbox.out));
        QVERIFY2(!outbox.out.contains(QStringLiteral("— queued")), qPrintable(outbox.out));
        QVERIFY(m_cluster.restart());
        const Run synced = runFermata(m_alice.path(), {QStringLiteral("hub"), QStringLiteral("sync")});
        QVERIFY2(synced.exitCode == 0, qPrintable(synced.out + synced.err));
        QVERIFY(synced.out.contains(QStringLiteral("In sync")));
    }

    void badInputIsRefusedClearly()
    {
        const Run notUtf8 = runFermata(m_alice.path(), {QStringLiteral("send"), QStringLiteral("--to"), QStringLiteral("Bob"),
                                                     QStringLiteral("--subject"), QStringLiteral("x"), QStringLiteral("--body"), QStringLiteral("-")},
                                    {}, QByteArray("caf\xe9 \xff\xfe"));
        QCOMPARE(notUtf8.exitCode, 2);
        QVERIFY(notUtf8.err.contains(QStringLiteral("not valid UTF-8")));
        const Run stranger = runFermata(m_alice.path(), {QStringLiteral("send"), QStringLiteral("--to"), QStringLiteral("mallory"),
                                                      QStringLiteral("--body"), QStringLiteral("x")});
        QCOMPARE(stranger.exitCode, 1);
        QVERIFY(stranger.err.contains(QStringLiteral("is not in your team")));
        const Run notJoined = runFermata(m_eve.path(), {QStringLiteral("send"), QStringLiteral("--to"), QStringLiteral("Bob"),
                                                     QStringLiteral("--body"), QStringLiteral("x")});
        QCOMPARE(notJoined.exitCode, 1);
        QVERIFY(notJoined.err.contains(QStringLiteral("has not joined a team hub")));

        // Over the hub's limits: refused before anything is queued, and no delivery time.
        const Run before = runFermata(m_alice.path(), {QStringLiteral("outbox"), QStringLiteral("--json")});
        for (const auto &[option, text] : {std::pair{QStringLiteral("--subject"), QString(1001, QLatin1Char('s'))},
                                           std::pair{QStringLiteral("--body"), QString(100001, QLatin1Char('b'))}}) {
            QStringList arguments{QStringLiteral("send"), QStringLiteral("--to"), QStringLiteral("Bob"),
                                  QStringLiteral("--subject"), QStringLiteral("ok"), QStringLiteral("--body"), QStringLiteral("ok")};
            arguments[arguments.indexOf(option) + 1] = text;
            const Run tooLong = runFermata(m_alice.path(), arguments);
            QCOMPARE(tooLong.exitCode, 1);
            QVERIFY2(tooLong.err.contains(QStringLiteral("the team hub takes up to")), qPrintable(tooLong.err));
            QVERIFY2(!tooLong.out.contains(QStringLiteral("Delivered")), qPrintable(tooLong.out));
        }
        const Run after = runFermata(m_alice.path(), {QStringLiteral("outbox"), QStringLiteral("--json")});
        QCOMPARE(after.out, before.out);
    }

    // `tasks share` while the hub answers and while it does not, `hub commitments` on the
    // teammate's side (text and JSON), status following `tasks done`, `tasks unshare`, and the
    // errors a person can act on.
    void sharedTasksReachTheTeam()
    {
        const Run added = runFermata(m_alice.path(), {QStringLiteral("tasks"), QStringLiteral("add"), QStringLiteral("Write report"),
                                                      QStringLiteral("--estimate"), QStringLiteral("2h"),
                                                      QStringLiteral("--deadline"), QStringLiteral("2026-12-04T17:00")});
        QVERIFY2(added.exitCode == 0, qPrintable(added.out + added.err));
        const QString report = QRegularExpression(QStringLiteral("Added task (\\d+)")).match(added.out).captured(1);
        QVERIFY(!report.isEmpty());
        const Run shared = runFermata(m_alice.path(), {QStringLiteral("tasks"), QStringLiteral("share"), report,
                                                       QStringLiteral("--note"), QStringLiteral("draft by Thu")});
        QVERIFY2(shared.exitCode == 0, qPrintable(shared.out + shared.err));
        QCOMPARE(shared.out.trimmed(), QStringLiteral("Task %1 is shared with your team: Write report (120 min, due Fri 4 Dec 2026 "
                                                      "17:00, planned) — \"draft by Thu\"").arg(report));
        QVERIFY2(shared.err.isEmpty(), qPrintable(shared.err));

        const QJsonArray seen = commitments(m_bob.path());
        QCOMPARE(seen.size(), 1);
        const QJsonObject c = seen.at(0).toObject();
        QCOMPARE(c[QStringLiteral("owner_name")].toString(), QStringLiteral("Alice"));
        QCOMPARE(c[QStringLiteral("owner")].toString(), m_logins[QStringLiteral("Alice")]);
        QCOMPARE(c[QStringLiteral("me")].toBool(), false);
        QVERIFY(c[QStringLiteral("task_id")].isNull()); // alice's task ids stay hers
        QCOMPARE(c[QStringLiteral("title")].toString(), QStringLiteral("Write report"));
        QCOMPARE(c[QStringLiteral("estimate_minutes")].toInt(), 120);
        QCOMPARE(c[QStringLiteral("due")].toString(), QStringLiteral("2026-12-04T17:00:00Z"));
        QCOMPARE(c[QStringLiteral("status")].toString(), QStringLiteral("planned"));
        QVERIFY(c[QStringLiteral("finish_day")].isNull()); // nothing planned yet
        QCOMPARE(c[QStringLiteral("note")].toString(), QStringLiteral("draft by Thu"));
        const Run text = runFermata(m_bob.path(), {QStringLiteral("hub"), QStringLiteral("commitments")});
        QCOMPARE(text.exitCode, 0);
        QVERIFY2(text.out.contains(QStringLiteral("  Alice  Write report  (120 min, due Fri 4 Dec 17:00)  planned  — \"draft by Thu\"")),
                 qPrintable(text.out));
        // bob's task waits for it: alice's list says bob waits (never for which task).
        const Run waits = runFermata(m_bob.path(), {QStringLiteral("tasks"), QStringLiteral("add"), QStringLiteral("Read report"),
                                                    QStringLiteral("--after-commitment"), c[QStringLiteral("uuid")].toString().left(8)});
        QVERIFY2(waits.exitCode == 0, qPrintable(waits.out + waits.err));
        QCOMPARE(runFermata(m_bob.path(), {QStringLiteral("hub"), QStringLiteral("sync")}).exitCode, 0);
        QCOMPARE(commitments(m_bob.path()).at(0)[QStringLiteral("waiting")].toArray(), QJsonArray{QStringLiteral("you")});
        const QJsonArray mine = commitments(m_alice.path());
        QCOMPARE(mine.size(), 1);
        QCOMPARE(mine.at(0)[QStringLiteral("waiting")].toArray(), QJsonArray{QStringLiteral("Bob")});
        const Run aliceText = runFermata(m_alice.path(), {QStringLiteral("hub"), QStringLiteral("commitments")});
        QVERIFY2(aliceText.out.contains(QStringLiteral("(waiting: Bob)")), qPrintable(aliceText.out));
        QCOMPARE(mine.at(0)[QStringLiteral("me")].toBool(), true);
        QCOMPARE(mine.at(0)[QStringLiteral("task_id")].toInt(), report.toInt());
        QCOMPARE(mine.at(0)[QStringLiteral("synced")].toBool(), true);

        // Offline: shared here at once, on the hub after the next sync, like a message.
        QVERIFY(m_cluster.stop());
        const Run offsite = runFermata(m_alice.path(), {QStringLiteral("tasks"), QStringLiteral("add"), QStringLiteral("Plan offsite 1h")});
        const QString second = QRegularExpression(QStringLiteral("Added task (\\d+)")).match(offsite.out).captured(1);
        const Run offline = runFermata(m_alice.path(), {QStringLiteral("tasks"), QStringLiteral("share"), second});
        QVERIFY2(offline.exitCode == 0, qPrintable(offline.out + offline.err));
        QVERIFY2(offline.err.contains(QStringLiteral("Team hub unreachable. Your team sees it after the next sync (fermata hub sync).")),
                 qPrintable(offline.err));
        const Run done = runFermata(m_alice.path(), {QStringLiteral("tasks"), QStringLiteral("done"), report});
        QCOMPARE(done.exitCode, 0);
        const QJsonArray waiting = commitments(m_alice.path());
        QCOMPARE(waiting.size(), 2);
        for (const QJsonValue &item : waiting)
            QCOMPARE(item[QStringLiteral("synced")].toBool(), false);
        QVERIFY(m_cluster.restart());
        // bob waits for it. His window (offscreen) and `fermata serve` run on his folder; the
        // window's team worker hears the hub's nudge and stores the news, then three `hub sync`
        // run at once while both still run; his Inbox holds the news exactly once.
        {
            QProcess *serve = startFermata(m_bob.path(), {QStringLiteral("serve")});
            QProcess *window = startFermata(m_bob.path(), {});
            QTRY_VERIFY_WITH_TIMEOUT(serve->state() == QProcess::Running && window->state() == QProcess::Running, 10000);
            QTest::qWait(3000); // the window joins the hub and listens (nothing to observe from outside)
            const Run synced = runFermata(m_alice.path(), {QStringLiteral("hub"), QStringLiteral("sync")});
            QVERIFY2(synced.exitCode == 0, qPrintable(synced.out + synced.err));
            QTRY_COMPARE_WITH_TIMEOUT(inboxCount(m_bob.path(), QStringLiteral("Alice finished 'Write report'")), 1, 30000);
            QList<QProcess *> syncs;
            for (int i = 0; i < 3; ++i)
                syncs.append(startFermata(m_bob.path(), {QStringLiteral("hub"), QStringLiteral("sync")}));
            for (QProcess *sync : syncs) {
                const Run ran = finish(sync);
                QVERIFY2(ran.exitCode == 0, qPrintable(ran.out + ran.err));
            }
            QCOMPARE(runFermata(m_bob.path(), {QStringLiteral("hub"), QStringLiteral("sync")}).exitCode, 0);
            QCOMPARE(inboxCount(m_bob.path(), QStringLiteral("Alice finished 'Write report'")), 1);
            QVERIFY2(window->state() == QProcess::Running, qPrintable(QString::fromUtf8(window->readAllStandardError())));
            window->terminate();
            QVERIFY(window->waitForFinished(10000));
            delete window;
            serve->terminate();
            QVERIFY(serve->waitForFinished(10000));
            delete serve;
        }
        QMap<QString, QString> status;
        for (const QJsonValue &item : commitments(m_bob.path()))
            status[item[QStringLiteral("title")].toString()] = item[QStringLiteral("status")].toString();
        QCOMPARE(status, (QMap<QString, QString>{{QStringLiteral("Write report"), QStringLiteral("done")},
                                                 {QStringLiteral("Plan offsite"), QStringLiteral("planned")}}));

        const Run unshared = runFermata(m_alice.path(), {QStringLiteral("tasks"), QStringLiteral("unshare"), second});
        QVERIFY2(unshared.exitCode == 0, qPrintable(unshared.out + unshared.err));
        QCOMPARE(unshared.out.trimmed(), QStringLiteral("Task %1 is no longer shared with your team.").arg(second));
        QCOMPARE(commitments(m_bob.path()).size(), 1);

        // bob shares one too, for the removal below.
        const Run bobs = runFermata(m_bob.path(), {QStringLiteral("tasks"), QStringLiteral("add"), QStringLiteral("Migrate the wiki")});
        const QString bobTask = QRegularExpression(QStringLiteral("Added task (\\d+)")).match(bobs.out).captured(1);
        QCOMPARE(runFermata(m_bob.path(), {QStringLiteral("tasks"), QStringLiteral("share"), bobTask}).exitCode, 0);
        QCOMPARE(commitments(m_alice.path()).size(), 2);

        // Errors in words a person can act on.
        const Run missing = runFermata(m_alice.path(), {QStringLiteral("tasks"), QStringLiteral("share"), QStringLiteral("999")});
        QCOMPARE(missing.exitCode, 1);
        QVERIFY2(missing.err.contains(QStringLiteral("Task 999 does not exist; 'fermata tasks' lists your tasks.")), qPrintable(missing.err));
        const Run notShared = runFermata(m_alice.path(), {QStringLiteral("tasks"), QStringLiteral("unshare"), second});
        QCOMPARE(notShared.exitCode, 1);
        QVERIFY2(notShared.err.contains(QStringLiteral("Task %1 is not shared with your team.").arg(second)), qPrintable(notShared.err));
        const Run noNumber = runFermata(m_alice.path(), {QStringLiteral("tasks"), QStringLiteral("share"), QStringLiteral("report")});
        QCOMPARE(noNumber.exitCode, 2);
        const Run tooLong = runFermata(m_alice.path(), {QStringLiteral("tasks"), QStringLiteral("share"), report,
                                                        QStringLiteral("--note"), QString(1001, u'n')});
        QCOMPARE(tooLong.exitCode, 2);
        QVERIFY2(tooLong.err.contains(QStringLiteral("note")) && tooLong.err.contains(QStringLiteral("the team hub takes up to")), qPrintable(tooLong.err));
        for (const QStringList &arguments : {QStringList{QStringLiteral("tasks"), QStringLiteral("share"), QStringLiteral("1")},
                                             QStringList{QStringLiteral("hub"), QStringLiteral("commitments")}}) {
            const Run notJoined = runFermata(m_eve.path(), arguments);
            QCOMPARE(notJoined.exitCode, 1);
            QVERIFY2(notJoined.err.contains(QStringLiteral("has not joined a team hub yet: run fermata hub join --url URL --user USER.")),
                     qPrintable(notJoined.err));
        }
    }

    void removedMemberIsLockedOut()
    {
        const Run removed = runFermata(m_admin.path(), {QStringLiteral("hub"), QStringLiteral("remove-member"), QStringLiteral("--email"), QStringLiteral("bob@alpha.example")});
        QVERIFY2(removed.exitCode == 0, qPrintable(removed.out + removed.err));
        const Run sync = runFermata(m_bob.path(), {QStringLiteral("hub"), QStringLiteral("sync")});
        QCOMPARE(sync.exitCode, 1);
        // alice's copy of the team still lists Bob: the hub refuses, and send says so instead
        // of promising a delivery time.
        const Run refused = runFermata(m_alice.path(), {QStringLiteral("send"), QStringLiteral("--to"), QStringLiteral("Bob"),
                                                        QStringLiteral("--subject"), QStringLiteral("Too late"),
                                                        QStringLiteral("--body"), QStringLiteral("x")});
        QCOMPARE(refused.exitCode, 1);
        QVERIFY2(!refused.out.contains(QStringLiteral("Delivered")), qPrintable(refused.out));
        QVERIFY2(refused.err.contains(QStringLiteral("refused")) && refused.err.contains(QStringLiteral("draft")),
                 qPrintable(refused.err));
        const Run team = runFermata(m_alice.path(), {QStringLiteral("hub"), QStringLiteral("team"), QStringLiteral("--json")});
        QCOMPARE(QJsonDocument::fromJson(team.out.toUtf8()).object()[QStringLiteral("members")].toArray().size(), 1);
    }

    // bob's shared task leaves alice's list with him.
    void removedMembersCommitmentsDisappear()
    {
        const QJsonArray list = commitments(m_alice.path());
        QCOMPARE(list.size(), 1);
        QCOMPARE(list.at(0)[QStringLiteral("owner")].toString(), m_logins[QStringLiteral("Alice")]);
    }

private:
    // `hub commitments --json` of the profile in `dataDir` (which syncs first).
    static QJsonArray commitments(const QString &dataDir)
    {
        const Run run = runFermata(dataDir, {QStringLiteral("hub"), QStringLiteral("commitments"), QStringLiteral("--json")});
        if (run.exitCode != 0)
            qWarning("hub commitments: %s", qPrintable(run.err));
        return QJsonDocument::fromJson(run.out.toUtf8()).array();
    }

    fermata::test::PgCluster m_cluster;
    fermata::test::TempDataDir m_admin, m_alice, m_bob, m_eve;
    QString m_adminUrl;
    QMap<QString, QString> m_logins, m_passwords;
};

QTEST_GUILESS_MAIN(TestHubCli)
#include "tst_hubcli.moc"
