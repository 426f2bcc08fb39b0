#include "hubfixture.h"
#include "storage/database.h"
#include "messaging/deliverypolicy.h"
#include "messaging/outboxservice.h"
#include "team/secretstore.h"
#include "testsupport.h"
#include "time/clock.h"

#include <QFileInfo>
#include <QSignalSpy>
#include <QTest>
#include <QTimeZone>

using namespace fermata;

namespace {

// One person's Fermata: its own data folder, SQLite file, password file and service.
struct Instance
{
    test::TempDataDir dir;
    std::unique_ptr<Database> db;
    std::unique_ptr<FileSecretStore> secrets;
    std::unique_ptr<OutboxService> service;
    NewMember member;

    bool open()
    {
        auto opened = Database::open(dir.databasePath());
        if (!opened)
            return false;
        db = std::move(opened).value();
        secrets = std::make_unique<FileSecretStore>(dir.filePath(QStringLiteral("hub-secrets.json")));
        service = std::make_unique<OutboxService>(*db, *secrets, clock);
        service->setReconnectInterval(0);
        service->setSenderZone(QTimeZone("Europe/Berlin"));
        return true;
    }
    SystemClock clock;
};

// A whole minute about `hours` from now on the wall clock of `zone`: a daily window there is
// closed now, at any hour of any day (QTime wraps past midnight, and so do windows).
QTime hoursFromNowIn(int hours, const QByteArray &zone)
{
    const QTime t = QDateTime::currentDateTimeUtc().addSecs(qint64(hours) * 3600).toTimeZone(QTimeZone(zone)).time();
    return QTime(t.hour(), t.minute());
}

} // namespace

// The messaging service against a real hub: local-first sending, idempotent pushes,
// catch-up after being offline, re-timing, edits, exactly-once receipt, hostile text.
class TestOutboxService : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void initTestCase()
    {
        test::pinEnvironment();
        QVERIFY2(m_hub.start(), qPrintable(m_hub.errorString()));
        struct Spec { QString key, team, name, email; QByteArray zone; };
        const QList<Spec> specs = {
            {QStringLiteral("alice"), QStringLiteral("Alpha"), QStringLiteral("Alice"), QStringLiteral("alice@alpha.example"), "Europe/Berlin"},
            {QStringLiteral("bob"), QStringLiteral("Alpha"), QStringLiteral("Bob"), QStringLiteral("bob@alpha.example"), "America/New_York"},
            {QStringLiteral("carol"), QStringLiteral("Alpha"), QStringLiteral("Carol"), QStringLiteral("carol@alpha.example"), "Asia/Tokyo"},
        };
        for (const Spec &spec : specs) {
            auto &instance = m_people[spec.key];
            instance = std::make_unique<Instance>();
            QVERIFY(instance->open());
            const Result<NewMember> added = m_hub.admin().addMember(spec.team, spec.name, spec.email, spec.zone);
            QVERIFY2(added.isOk(), added.isOk() ? "" : qPrintable(added.error().message));
            instance->member = *added;
        }
    }

    void joinReplacesTheOneTimePassword()
    {
        for (const QString &key : {QStringLiteral("alice"), QStringLiteral("bob"), QStringLiteral("carol")}) {
            Instance &p = *m_people[key];
            const Status joined = p.service->join(m_hub.config(p.member.role), p.member.password);
            QVERIFY2(joined.isOk(), joined.isOk() ? "" : qPrintable(joined.error().message));
            QVERIFY(p.service->isJoined());
            QCOMPARE(p.service->directory().teammates().size(), 2);
        }
        Instance &alice = *m_people[QStringLiteral("alice")];
        // The printed password no longer logs in; the stored one does, from a 0600 file.
        HubClient stale;
        QVERIFY(!stale.open(m_hub.config(alice.member.role), alice.member.password).isOk());
        const QString file = alice.dir.filePath(QStringLiteral("hub-secrets.json"));
        QCOMPARE(QFileInfo(file).permissions() & (QFileDevice::ReadGroup | QFileDevice::ReadOther | QFileDevice::WriteGroup | QFileDevice::WriteOther),
                 QFileDevice::Permissions());
        QVERIFY(!alice.secrets->warning().isEmpty());
        HUB_VERIFY_OK(alice.secrets->read(m_hub.config(alice.member.role).accountKey()));
        QVERIFY(!alice.service->status().text.contains(QStringLiteral("unreachable")));
    }

    void previewAgreesWithTheHubAndSendHolds()
    {
        Instance &alice = *m_people[QStringLiteral("alice")];
        Instance &bob = *m_people[QStringLiteral("bob")];
        // bob reads once a day, twelve hours from now.
        const QTime start = hoursFromNowIn(12, "America/New_York");
        const WeeklyRule rule(WeeklyRule::EveryDay, start, start.addSecs(900), "America/New_York");
        HUB_VERIFY_OK(bob.service->publishWindows({rule}));
        HUB_VERIFY_OK(alice.service->sync());
        QCOMPARE(alice.service->directory().windowsOf(bob.service->directory().myId()).size(), 1);

        const auto hub = alice.service->preview(QStringLiteral("Bob"));
        HUB_VERIFY_OK(hub);
        QVERIFY(hub->fromHub);
        const QDateTime local = deliverypolicy::releaseTime(alice.service->directory().rulesFor(bob.service->directory().myId()),
                                                             QDateTime::currentDateTimeUtc());
        QCOMPARE(hub->releaseAt, local);
        QVERIFY2(hub->text.startsWith(QStringLiteral("Delivered ")) && hub->text.contains(QStringLiteral("(their ")), qPrintable(hub->text));

        QSignalSpy received(bob.service.get(), &OutboxService::messageReceived);
        const Result<Message> sent = alice.service->send(QStringLiteral("bob@alpha.example"), QStringLiteral("Plan"), QStringLiteral("Held for you"));
        HUB_VERIFY_OK(sent);
        QCOMPARE(sent->releaseAt, hub->releaseAt);
        QCOMPARE(sent->state, Message::State::Queued);
        HUB_VERIFY_OK(bob.service->sync());
        QCOMPARE(received.count(), 0);
        m_held = sent->uuid;
    }

    void editAndWithdrawOnlyWhileHeld()
    {
        Instance &alice = *m_people[QStringLiteral("alice")];
        HUB_VERIFY_OK(alice.service->edit(m_held, QStringLiteral("Plan v2"), QStringLiteral("Edited")));
        const auto hub = test::runSql(m_hub.admin().connection(), QStringLiteral("SELECT subject, body FROM fermata.messages WHERE uuid = CAST(? AS uuid)"),
                                      {m_held.toString(QUuid::WithoutBraces)});
        QCOMPARE(hub.firstRow.value(0).toString(), QStringLiteral("Plan v2"));
        QCOMPARE(hub.firstRow.value(1).toString(), QStringLiteral("Edited"));

        const Result<Message> second = alice.service->send(QStringLiteral("Bob"), QStringLiteral("Never mind"), QStringLiteral("x"));
        HUB_VERIFY_OK(second);
        HUB_VERIFY_OK(alice.service->withdraw(second->uuid));
        const auto gone = test::runSql(m_hub.admin().connection(), QStringLiteral("SELECT withdrawn_at IS NOT NULL FROM fermata.messages WHERE uuid = CAST(? AS uuid)"),
                                       {second->uuid.toString(QUuid::WithoutBraces)});
        QVERIFY(gone.firstRow.value(0).toBool());

        // A released message (carol has no windows: at once) can no longer change.
        const Result<Message> released = alice.service->send(QStringLiteral("Carol"), QStringLiteral("Now"), QStringLiteral("x"));
        HUB_VERIFY_OK(released);
        // Released by the hub's clock; wait until this side's clock agrees (the same clock).
        QTRY_VERIFY(released->releaseAt <= QDateTime::currentDateTimeUtc());
        QVERIFY(!alice.service->edit(released->uuid, QStringLiteral("y"), QStringLiteral("y")).isOk());
        QVERIFY(!alice.service->withdraw(released->uuid).isOk());
        QVERIFY(!alice.service->client().edit(released->uuid, QStringLiteral("y"), QStringLiteral("y")).isOk());
    }

    void windowChangeRetimesHeldMessages()
    {
        Instance &alice = *m_people[QStringLiteral("alice")];
        Instance &bob = *m_people[QStringLiteral("bob")];
        QSignalSpy received(bob.service.get(), &OutboxService::messageReceived);
        // bob now reads all day: what was held for him is released at once.
        HUB_VERIFY_OK(bob.service->publishWindows({WeeklyRule(WeeklyRule::EveryDay, QTime(0, 0), QTime(0, 0), "America/New_York")}));
        QCOMPARE(received.count(), 1);
        const Message got = received.at(0).at(0).value<Message>();
        QCOMPARE(got.uuid, m_held);
        QCOMPARE(got.subject, QStringLiteral("Plan v2"));
        QCOMPARE(got.from, alice.member.role);
        // The sender learns the new time through the change feed.
        HUB_VERIFY_OK(alice.service->sync());
        const auto outbox = alice.service->outbox();
        HUB_VERIFY_OK(outbox);
        bool seen = false;
        for (const auto &o : *outbox) {
            if (o.message.uuid == m_held) {
                seen = true;
                QVERIFY(o.message.releaseAt <= QDateTime::currentDateTimeUtc());
                QCOMPARE(o.message.state, Message::State::Delivered);
            }
        }
        QVERIFY(seen);
    }

    void retriesNeverDuplicate()
    {
        Instance &alice = *m_people[QStringLiteral("alice")];
        const Result<Message> sent = alice.service->send(QStringLiteral("Carol"), QStringLiteral("Once"), QStringLiteral("only once"));
        HUB_VERIFY_OK(sent);
        // The reply was lost: the outbox still thinks it has to push. And the connection drops.
        HubStore store(*alice.db);
        HUB_VERIFY_OK(store.setPending(sent->uuid, HubStore::Pending::Push));
        QVERIFY(m_hub.cluster().psql(QStringLiteral("postgres"), QStringLiteral(
            "SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE usename = '%1'").arg(alice.member.role)));
        // pg_terminate_backend only signals: wait until alice's backend is gone.
        const auto backends = [&] {
            QString out;
            m_hub.cluster().psql(QStringLiteral("postgres"), QStringLiteral(
                "SELECT count(*) FROM pg_stat_activity WHERE usename = '%1'").arg(alice.member.role), &out);
            return out.trimmed();
        };
        QTRY_COMPARE(backends(), QStringLiteral("0"));
        // The first attempt notices the dropped connection; the next reconnects and retries.
        QTRY_VERIFY(alice.service->sync().isOk());
        HUB_VERIFY_OK(alice.service->client().push(*sent, false));
        HUB_VERIFY_OK(alice.service->client().push(*sent, false));
        const auto count = test::runSql(m_hub.admin().connection(), QStringLiteral("SELECT count(*) FROM fermata.messages WHERE uuid = CAST(? AS uuid)"),
                                        {sent->uuid.toString(QUuid::WithoutBraces)});
        QCOMPARE(count.firstRow.value(0).toInt(), 1);
        QCOMPARE(alice.service->status().waiting, 0);
    }

    void offlineSenderDeliversAfterReconnect()
    {
        Instance &alice = *m_people[QStringLiteral("alice")];
        Instance &carol = *m_people[QStringLiteral("carol")];
        HUB_VERIFY_OK(carol.service->sync()); // take what is already there
        QSignalSpy received(carol.service.get(), &OutboxService::messageReceived);
        QSignalSpy status(alice.service.get(), &OutboxService::statusChanged);

        QVERIFY(m_hub.cluster().stop());
        QVERIFY(!alice.service->sync().isOk());
        for (int i = 0; i < 3; ++i)
            HUB_VERIFY_OK(alice.service->send(QStringLiteral("Carol"), QStringLiteral("Offline %1").arg(i), QStringLiteral("written offline")));
        QCOMPARE(alice.service->status().waiting, 3);
        QCOMPARE(alice.service->status().text, QStringLiteral("Team hub unreachable — 3 messages waiting to sync"));
        QVERIFY(!alice.service->status().reachable);
        // The composer still answers, from the cached windows.
        const auto preview = alice.service->preview(QStringLiteral("Carol"));
        HUB_VERIFY_OK(preview);
        QVERIFY(!preview->fromHub);
        QVERIFY(status.count() > 0);

        QVERIFY(m_hub.cluster().restart());
        HUB_VERIFY_OK(m_hub.admin().open(m_hub.config(QStringLiteral("hub_admin")), m_hub.cluster().adminPassword()));
        HUB_VERIFY_OK(alice.service->sync());
        QCOMPARE(alice.service->status().waiting, 0);
        QVERIFY(alice.service->status().text.isEmpty());
        HUB_VERIFY_OK(carol.service->sync());
        QCOMPARE(received.count(), 3);
        HUB_VERIFY_OK(carol.service->sync());
        QCOMPARE(received.count(), 3);
    }

    // A long queue goes out in batches (one round trip each, 200 at most): every message
    // reaches the hub once, with the hub's release time, and the recipient gets each once.
    void aLongQueueGoesOutInBatchesExactlyOnce()
    {
        Instance &alice = *m_people[QStringLiteral("alice")];
        Instance &carol = *m_people[QStringLiteral("carol")];
        HUB_VERIFY_OK(carol.service->sync());
        QSignalSpy received(carol.service.get(), &OutboxService::messageReceived);
        QVERIFY(m_hub.cluster().stop());
        QSet<QString> subjects;
        for (int i = 0; i < 250; ++i) {
            const QString subject = QStringLiteral("Queued %1").arg(i);
            subjects.insert(subject);
            HUB_VERIFY_OK(alice.service->send(QStringLiteral("Carol"), subject, QStringLiteral("body %1").arg(i)));
        }
        QCOMPARE(alice.service->status().waiting, 250);
        QVERIFY(m_hub.cluster().restart());
        HUB_VERIFY_OK(m_hub.admin().open(m_hub.config(QStringLiteral("hub_admin")), m_hub.cluster().adminPassword()));
        HUB_VERIFY_OK(alice.service->sync());
        QCOMPARE(alice.service->status().waiting, 0);
        const auto onHub = test::runSql(m_hub.admin().connection(), QStringLiteral(
            "SELECT count(*), count(DISTINCT subject) FROM fermata.messages WHERE subject LIKE 'Queued %'"));
        QCOMPARE(onHub.firstRow.value(0).toInt(), 250);
        QCOMPARE(onHub.firstRow.value(1).toInt(), 250);
        const auto outbox = alice.service->outbox();
        HUB_VERIFY_OK(outbox);
        int withHubTime = 0;
        for (const auto &o : *outbox)
            withHubTime += subjects.contains(o.message.subject) && o.onHub && o.message.releaseAt.isValid() ? 1 : 0;
        QCOMPARE(withHubTime, 250);
        HUB_VERIFY_OK(alice.service->sync()); // a second sync pushes nothing again
        QCOMPARE(test::runSql(m_hub.admin().connection(), QStringLiteral(
            "SELECT count(*) FROM fermata.messages WHERE subject LIKE 'Queued %'")).firstRow.value(0).toInt(), 250);
        HUB_VERIFY_OK(carol.service->sync());
        QCOMPARE(received.count(), 250);
    }

    void receivedOnceEvenWhenTheConfirmationIsLost()
    {
        Instance &alice = *m_people[QStringLiteral("alice")];
        Instance &carol = *m_people[QStringLiteral("carol")];
        QSignalSpy received(carol.service.get(), &OutboxService::messageReceived);
        const Result<Message> sent = alice.service->send(QStringLiteral("Carol"), QStringLiteral("Exactly once"), QStringLiteral("!"));
        HUB_VERIFY_OK(sent);
        HUB_VERIFY_OK(carol.service->sync());
        QCOMPARE(received.count(), 1);
        // The hub never heard the confirmation: it offers the message again.
        QVERIFY(test::runSql(m_hub.admin().connection(), QStringLiteral("UPDATE fermata.messages SET delivered_at = NULL WHERE uuid = CAST(? AS uuid)"),
                             {sent->uuid.toString(QUuid::WithoutBraces)}).ok);
        HUB_VERIFY_OK(carol.service->sync());
        QCOMPARE(received.count(), 1);
        HUB_VERIFY_OK(carol.service->acknowledge(sent->uuid));
        HUB_VERIFY_OK(alice.service->sync());
        const auto outbox = alice.service->outbox();
        for (const auto &o : *outbox) {
            if (o.message.uuid == sent->uuid)
                QCOMPARE(o.message.state, Message::State::Acknowledged);
        }
    }

    void urgentIsImmediateAndCounted()
    {
        Instance &alice = *m_people[QStringLiteral("alice")];
        Instance &bob = *m_people[QStringLiteral("bob")];
        // A window hours away, so only urgency explains the message arriving now.
        const QTime away = hoursFromNowIn(12, "Pacific/Kiritimati");
        HUB_VERIFY_OK(bob.service->publishWindows({WeeklyRule(WeeklyRule::EveryDay, away, away.addSecs(60), "Pacific/Kiritimati")}));
        const QDateTime before = QDateTime::currentDateTimeUtc().addSecs(-1);
        const Result<Message> sent = alice.service->send(QStringLiteral("Bob"), QStringLiteral("Fire"), QStringLiteral("now"), true);
        HUB_VERIFY_OK(sent);
        QVERIFY(sent->releaseAt <= QDateTime::currentDateTimeUtc());
        QCOMPARE(alice.service->urgentCount(before).value(), 1);
        QSignalSpy received(bob.service.get(), &OutboxService::messageReceived);
        HUB_VERIFY_OK(bob.service->sync());
        QCOMPARE(received.count(), 1);
    }

    void hostileTextIsStoredVerbatimOrRefused()
    {
        Instance &alice = *m_people[QStringLiteral("alice")];
        Instance &carol = *m_people[QStringLiteral("carol")];
        const QStringList hostile = {
            QStringLiteral("Robert'); DROP TABLE fermata.messages; --"),
            QStringLiteral("back\\slash \\' \\\\ \"quotes\" $$ $1 ? :name %s"),
            QStringLiteral("'; UPDATE fermata.messages SET release_at = now(); SELECT '"),
            QString::fromUtf8("emoji \xF0\x9F\x8E\xB5 and \xE2\x80\xAE right-to-left \xEF\xBF\xBD"),
            QString(),
        };
        QSignalSpy received(carol.service.get(), &OutboxService::messageReceived);
        for (const QString &text : hostile) {
            const Result<Message> sent = alice.service->send(QStringLiteral("Carol"), text, text + QStringLiteral("\nbody"));
            QVERIFY2(sent.isOk(), qPrintable(text));
        }
        HUB_VERIFY_OK(carol.service->sync());
        QCOMPARE(received.count(), hostile.size());
        for (int i = 0; i < hostile.size(); ++i) {
            const Message m = received.at(i).at(0).value<Message>();
            QVERIFY(hostile.contains(m.subject));
            QCOMPARE(m.body, m.subject + QStringLiteral("\nbody"));
        }
        QVERIFY(test::runSql(m_hub.admin().connection(), QStringLiteral("SELECT count(*) FROM fermata.messages")).ok);

        // Text PostgreSQL cannot hold is refused with a clear error, nothing stored.
        const Result<Message> nul = alice.service->send(QStringLiteral("Carol"), QStringLiteral("a") + QChar(0) + QStringLiteral("b"), QStringLiteral("x"));
        QVERIFY(!nul.isOk());
        QVERIFY(nul.error().message.contains(QStringLiteral("NUL")));
        const Result<Message> surrogate = alice.service->send(QStringLiteral("Carol"), QStringLiteral("x"), QString(QChar(0xD800)));
        QVERIFY(!surrogate.isOk());
        QCOMPARE(surrogate.error().code, Error::Code::Invalid);

        // Names of teams and members too.
        const QString name = QStringLiteral("O'Brien \\\"; DROP ROLE hub_admin; --");
        const Result<NewMember> added = m_hub.admin().addMember(QStringLiteral("Team '; --"), name,
                                                               QStringLiteral("o'brien+x@example.com"), "Europe/Dublin");
        QVERIFY2(added.isOk(), added.isOk() ? "" : qPrintable(added.error().message));
        const auto stored = test::runSql(m_hub.admin().connection(), QStringLiteral("SELECT display_name FROM fermata.members WHERE id = ?"), {added->id});
        QCOMPARE(stored.firstRow.value(0).toString(), name);
        const Result<NewMember> badZone = m_hub.admin().addMember(QStringLiteral("T"), QStringLiteral("Z"),
                                                                 QStringLiteral("z@example.com"), "Europe/Berlin'; --");
        QVERIFY(!badZone.isOk());
        QVERIFY2(badZone.error().message.contains(QStringLiteral("time zone")), qPrintable(badZone.error().message));
    }

    void leavingForgetsTheAccount()
    {
        Instance &carol = *m_people[QStringLiteral("carol")];
        HUB_VERIFY_OK(carol.service->leave());
        QVERIFY(!carol.service->isJoined());
        QVERIFY(!carol.service->send(QStringLiteral("Alice"), QStringLiteral("x"), QStringLiteral("x")).isOk());
    }

private:
    test::HubFixture m_hub;
    std::map<QString, std::unique_ptr<Instance>> m_people;
    QUuid m_held;
};

QTEST_GUILESS_MAIN(TestOutboxService)
#include "tst_outboxservice.moc"
