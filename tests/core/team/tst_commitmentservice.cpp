// Shared commitments from the client's side against a real hub: share while the hub is down,
// sync, and the teammate sees it once; the status and the finish day follow the task and its
// plan; pushes are idempotent, also from two connections to one profile; unsharing withdraws;
// private tasks never leave; a removed member's commitments leave the others' copies.
#include "hubfixture.h"
#include "messaging/outboxservice.h"
#include "messaging/teamsync.h"
#include "storage/attentionrepository.h"
#include "storage/database.h"
#include "storage/repositories.h"
#include "team/secretstore.h"
#include "testsupport.h"
#include "time/clock.h"

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
    SystemClock clock;

    bool open(const QString &path = {}, const QString &secretsPath = {})
    {
        auto opened = Database::open(path.isEmpty() ? dir.databasePath() : path);
        if (!opened)
            return false;
        db = std::move(opened).value();
        secrets = std::make_unique<FileSecretStore>(secretsPath.isEmpty() ? dir.filePath(QStringLiteral("hub-secrets.json"))
                                                                          : secretsPath);
        service = std::make_unique<OutboxService>(*db, *secrets, clock);
        service->setReconnectInterval(0);
        service->setSenderZone(QTimeZone("Europe/Berlin"));
        return true;
    }

    qint64 addTask(const QString &title, const QDateTime &deadline = {}, const QString &notes = {})
    {
        Task task;
        task.title = title;
        task.notes = notes;
        task.estimateMinutes = task.remainingMinutes = 120;
        task.deadline = deadline;
        return TaskRepository(*db).add(task).value();
    }

    QList<Commitment> teammates() const { return service->commitments().teammates().value(); }
    std::optional<Commitment> seen(const QUuid &uuid) const
    {
        for (const Commitment &c : teammates()) {
            if (c.uuid == uuid)
                return c;
        }
        return std::nullopt;
    }
};

QDateTime utc(const QString &iso)
{
    return QDateTime::fromString(iso, Qt::ISODate).toUTC();
}

} // namespace

class TestCommitmentService : public QObject
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
            {QStringLiteral("carol"), QStringLiteral("Beta"), QStringLiteral("Carol"), QStringLiteral("carol@beta.example"), "Asia/Tokyo"},
        };
        for (const Spec &spec : specs) {
            auto &p = m_people[spec.key];
            p = std::make_unique<Instance>();
            QVERIFY(p->open());
            const Result<NewMember> added = m_hub.admin().addMember(spec.team, spec.name, spec.email, spec.zone);
            HUB_VERIFY_OK(added);
            p->member = *added;
            HUB_VERIFY_OK(p->service->join(m_hub.config(added->role), added->password));
        }
    }

    void sharingNeedsAJoinedHubAndATask()
    {
        Instance loner;
        QVERIFY(loner.open());
        const qint64 id = loner.addTask(QStringLiteral("Alone"));
        const auto notJoined = loner.service->share(id);
        QVERIFY(!notJoined.isOk());
        QVERIFY2(notJoined.error().message.contains(QStringLiteral("fermata hub join")), qPrintable(notJoined.error().message));
        const auto missing = alice().service->share(4242);
        QVERIFY(!missing.isOk());
        QCOMPARE(missing.error().message, QStringLiteral("Task 4242 does not exist; 'fermata tasks' lists your tasks."));
        const qint64 real = alice().addTask(QStringLiteral("Too chatty"));
        const auto tooLong = alice().service->share(real, QString(1001, u'n'));
        QVERIFY(!tooLong.isOk());
        QCOMPARE(tooLong.error().code, Error::Code::Invalid);
        QVERIFY(!alice().service->commitments().find(real).value().has_value());
        const Status notShared = alice().service->unshare(real);
        QVERIFY(!notShared.isOk());
        QCOMPARE(notShared.error().message, QStringLiteral("Task %1 is not shared with your team.").arg(real));
    }

    // Shared while the hub is down: kept here, told to the team on the next sync, seen once.
    void sharedOfflineReachesTheTeamOnSync()
    {
        m_report = alice().addTask(QStringLiteral("Write report"), utc(QStringLiteral("2026-12-04T16:00:00Z")),
                                   QStringLiteral("private thoughts"));
        FocusBlockRepository blocks(*alice().db);
        HUB_VERIFY_OK(blocks.add({0, m_report, utc(QStringLiteral("2026-12-02T08:00:00Z")), utc(QStringLiteral("2026-12-02T10:00:00Z")), false}));
        // Ends at 00:30 on Friday in alice's zone (Berlin), still Thursday in UTC.
        HUB_VERIFY_OK(blocks.add({0, m_report, utc(QStringLiteral("2026-12-03T22:30:00Z")), utc(QStringLiteral("2026-12-03T23:30:00Z")), false}));

        QVERIFY(m_hub.cluster().stop());
        const auto shared = alice().service->share(m_report, QStringLiteral("draft by Thu"));
        HUB_VERIFY_OK(shared);
        QVERIFY(!shared->synced);
        QCOMPARE(shared->commitment.title, QStringLiteral("Write report"));
        QCOMPARE(shared->commitment.finishDay, QDate(2026, 12, 4));
        QCOMPARE(shared->commitment.status, Commitment::Status::Planned);
        QVERIFY(!alice().service->status().reachable);
        QCOMPARE(alice().service->commitments().waitingCount().value(), 1);
        m_reportUuid = shared->commitment.uuid;

        QVERIFY(restartHub());
        HUB_VERIFY_OK(alice().service->sync());
        QCOMPARE(alice().service->commitments().waitingCount().value(), 0);
        QVERIFY(alice().service->commitments().find(m_report).value()->synced);
        HUB_VERIFY_OK(bob().service->sync());
        const QList<Commitment> seen = bob().teammates();
        QCOMPARE(seen.size(), 1);
        const Commitment &c = seen.constFirst();
        QCOMPARE(c.uuid, m_reportUuid);
        QCOMPARE(c.ownerRole, alice().member.role);
        QCOMPARE(c.title, QStringLiteral("Write report"));
        QCOMPARE(c.estimateMinutes, 120);
        QCOMPARE(c.due, utc(QStringLiteral("2026-12-04T16:00:00Z")));
        QCOMPARE(c.status, Commitment::Status::Planned);
        QCOMPARE(c.finishDay, QDate(2026, 12, 4));
        QCOMPARE(c.publicNote, QStringLiteral("draft by Thu"));
        // Another team sees nothing; a second sync changes nothing.
        HUB_VERIFY_OK(carol().service->sync());
        QVERIFY(carol().teammates().isEmpty());
        HUB_VERIFY_OK(bob().service->sync());
        QCOMPARE(bob().teammates().size(), 1);
    }

    // What the team sees follows the task: a focus session makes it "in progress", a re-plan
    // moves the finish day, done is done, a deleted task is dropped. Each change is marked for
    // the hub by storage itself, whichever process made it.
    void statusAndFinishDayFollowTheTask()
    {
        const auto waiting = [this] { return alice().service->commitments().waitingCount().value(); };
        AttentionRepository attention(*alice().db);
        HUB_VERIFY_OK(attention.startFocusSession({0, m_report, QDateTime::currentDateTimeUtc(),
                                                   QDateTime::currentDateTimeUtc().addSecs(1800), {}, {}}));
        QCOMPARE(waiting(), 1);
        HUB_VERIFY_OK(alice().service->sync());
        HUB_VERIFY_OK(bob().service->sync());
        QCOMPARE(bob().seen(m_reportUuid)->status, Commitment::Status::InProgress);

        FocusBlockRepository blocks(*alice().db);
        HUB_VERIFY_OK(blocks.add({0, m_report, utc(QStringLiteral("2026-12-07T09:00:00Z")), utc(QStringLiteral("2026-12-07T10:30:00Z")), false}));
        QCOMPARE(waiting(), 1);
        HUB_VERIFY_OK(alice().service->sync());
        HUB_VERIFY_OK(bob().service->sync());
        QCOMPARE(bob().seen(m_reportUuid)->finishDay, QDate(2026, 12, 7));

        // A changed zone is a change too, though no row changed: 10:30 UTC is past midnight
        // in Kiritimati (UTC+14).
        alice().service->setSenderZone(QTimeZone("Pacific/Kiritimati"));
        HUB_VERIFY_OK(alice().service->sync());
        HUB_VERIFY_OK(bob().service->sync());
        QCOMPARE(bob().seen(m_reportUuid)->finishDay, QDate(2026, 12, 8));
        alice().service->setSenderZone(QTimeZone("Europe/Berlin"));
        HUB_VERIFY_OK(alice().service->sync());
        HUB_VERIFY_OK(bob().service->sync());
        QCOMPARE(bob().seen(m_reportUuid)->finishDay, QDate(2026, 12, 7));

        Task task = TaskRepository(*alice().db).find(m_report).value().value();
        task.done = true;
        HUB_VERIFY_OK(TaskRepository(*alice().db).update(task));
        QCOMPARE(waiting(), 1);
        HUB_VERIFY_OK(alice().service->sync());
        HUB_VERIFY_OK(bob().service->sync());
        QCOMPARE(bob().seen(m_reportUuid)->status, Commitment::Status::Done);
        QVERIFY(!bob().seen(m_reportUuid)->finishDay.isValid());

        HUB_VERIFY_OK(TaskRepository(*alice().db).remove(m_report));
        HUB_VERIFY_OK(alice().service->sync());
        HUB_VERIFY_OK(bob().service->sync());
        const auto dropped = bob().seen(m_reportUuid);
        QVERIFY(dropped.has_value());
        QCOMPARE(dropped->status, Commitment::Status::Dropped);
        QCOMPARE(dropped->title, QStringLiteral("Write report"));
        QCOMPARE(bob().teammates().size(), 1);
    }

    // Pushing again adds no row and tells teammates nothing new; two connections to one profile
    // (the window's worker and a command) pushing the same change leave one row, the latest.
    void pushesAreIdempotent()
    {
        const qint64 id = alice().addTask(QStringLiteral("Budget review"));
        HUB_VERIFY_OK(alice().service->share(id));
        const QUuid uuid = alice().service->commitments().find(id).value()->commitment.uuid;
        const auto feed = [&] {
            return test::runSql(m_hub.admin().connection(), QStringLiteral(
                "SELECT 1 FROM fermata.changes WHERE kind = 'commitment' AND message_uuid = ?"),
                {uuid.toString(QUuid::WithoutBraces)}).rows;
        };
        const int before = feed();
        for (int i = 0; i < 3; ++i)
            HUB_VERIFY_OK(alice().service->sync());
        QCOMPARE(feed(), before);

        Instance second; // another connection to alice's file, like `fermata hub sync` beside the window
        QVERIFY(second.open(alice().dir.databasePath(), alice().dir.filePath(QStringLiteral("hub-secrets.json"))));
        Task task = TaskRepository(*alice().db).find(id).value().value();
        task.title = QStringLiteral("Budget review, final");
        HUB_VERIFY_OK(TaskRepository(*alice().db).update(task));
        HUB_VERIFY_OK(second.service->sync());
        HUB_VERIFY_OK(alice().service->sync());
        HUB_VERIFY_OK(second.service->sync());
        const auto rows = test::runSql(m_hub.admin().connection(), QStringLiteral(
            "SELECT title FROM fermata.commitments WHERE uuid = ?"), {uuid.toString(QUuid::WithoutBraces)});
        QCOMPARE(rows.rows, 1);
        QCOMPARE(rows.firstRow.value(0).toString(), QStringLiteral("Budget review, final"));
        QCOMPARE(feed(), before + 1);
        HUB_VERIFY_OK(bob().service->sync());
        QCOMPARE(bob().seen(uuid)->title, QStringLiteral("Budget review, final"));
    }

    // Unsharing withdraws it from the team; sharing again shows it once more, once.
    void unsharingWithdraws()
    {
        const qint64 id = alice().addTask(QStringLiteral("Hiring plan"));
        HUB_VERIFY_OK(alice().service->share(id, QStringLiteral("need input")));
        const QUuid first = alice().service->commitments().find(id).value()->commitment.uuid;
        HUB_VERIFY_OK(bob().service->sync());
        QVERIFY(bob().seen(first).has_value());

        HUB_VERIFY_OK(alice().service->unshare(id));
        QCOMPARE(alice().service->commitments().waitingCount().value(), 0);
        HUB_VERIFY_OK(bob().service->sync());
        QVERIFY(!bob().seen(first).has_value());
        const auto tombstone = test::runSql(m_hub.admin().connection(), QStringLiteral(
            "SELECT title = '' AND public_note IS NULL AND withdrawn_at IS NOT NULL FROM fermata.commitments WHERE uuid = ?"),
            {first.toString(QUuid::WithoutBraces)});
        QVERIFY2(tombstone.firstRow.value(0).toBool(), "the withdrawn commitment kept its content");

        const auto again = alice().service->share(id);
        HUB_VERIFY_OK(again);
        QVERIFY(again->synced);
        QVERIFY(again->commitment.uuid != first);
        QVERIFY(again->commitment.publicNote.isEmpty());
        HUB_VERIFY_OK(bob().service->sync());
        int count = 0;
        for (const Commitment &c : bob().teammates())
            count += c.title == u"Hiring plan" ? 1 : 0;
        QCOMPARE(count, 1);
    }

    // Unshared while offline: withdrawn on the next sync, and a push still on its way from
    // another connection cannot bring it back.
    void unsharedOfflineIsWithdrawnOnSync()
    {
        const qint64 id = alice().addTask(QStringLiteral("Offsite agenda"));
        Instance second;
        QVERIFY(second.open(alice().dir.databasePath(), alice().dir.filePath(QStringLiteral("hub-secrets.json"))));
        QVERIFY(m_hub.cluster().stop());
        HUB_VERIFY_OK(alice().service->share(id));
        const QUuid uuid = alice().service->commitments().find(id).value()->commitment.uuid;
        HUB_VERIFY_OK(alice().service->unshare(id));
        QCOMPARE(alice().service->commitments().waitingCount().value(), 1);
        QVERIFY(restartHub());
        HUB_VERIFY_OK(alice().service->sync());
        QCOMPARE(alice().service->commitments().waitingCount().value(), 0);
        // The late push: what another process read before the unshare, arriving after it.
        HUB_VERIFY_OK(second.service->sync()); // opens its connection
        Commitment stale;
        stale.uuid = uuid;
        stale.title = QStringLiteral("Offsite agenda");
        const auto pushed = second.service->client().shareCommitments({{stale, 1}});
        HUB_VERIFY_OK(pushed);
        QCOMPARE(pushed->value(uuid, true), false);
        HUB_VERIFY_OK(bob().service->sync());
        QVERIFY(!bob().seen(uuid).has_value());
    }

    // Only shared tasks leave the machine, and of them only what the team is meant to see.
    void privateTasksNeverLeave()
    {
        alice().addTask(QStringLiteral("Private: salary talk"), utc(QStringLiteral("2026-12-01T10:00:00Z")), QStringLiteral("secret"));
        HUB_VERIFY_OK(alice().service->sync());
        const auto leaked = test::runSql(m_hub.admin().connection(), QStringLiteral(
            "SELECT count(*) FROM fermata.commitments WHERE title LIKE '%salary%' OR public_note LIKE '%secret%' "
            "OR public_note LIKE '%private thoughts%' OR title LIKE '%Too chatty%'"));
        QCOMPARE(leaked.firstRow.value(0).toInt(), 0);
    }

    // The window's team worker pushes a shared task's change made by another process (or its
    // own GUI thread's connection) as soon as it is told the data changed, not at its next pull.
    void theWindowsWorkerPushesAChangeMadeElsewhere()
    {
        const qint64 id = alice().addTask(QStringLiteral("Quarterly review"));
        HUB_VERIFY_OK(alice().service->share(id));
        const QUuid uuid = alice().service->commitments().find(id).value()->commitment.uuid;
        TeamSync window({alice().dir.databasePath(), alice().dir.filePath(QStringLiteral("hub-secrets.json")),
                         QTimeZone("Europe/Berlin"), 0},
                        alice().clock);
        window.start();
        QTRY_VERIFY_WITH_TIMEOUT(window.isReady() && window.snapshot().status.reachable, 20000);
        Task task = TaskRepository(*alice().db).find(id).value().value();
        task.done = true;
        HUB_VERIFY_OK(TaskRepository(*alice().db).update(task)); // `fermata tasks done`, say
        QCOMPARE(alice().service->commitments().waitingCount().value(), 1);
        window.reloadFromStorage(); // what DataChangeWatcher (or the window's own task change) calls
        QTRY_COMPARE_WITH_TIMEOUT(alice().service->commitments().waitingCount().value(), 0, 10000);
        HUB_VERIFY_OK(bob().service->sync());
        QCOMPARE(bob().seen(uuid)->status, Commitment::Status::Done);
    }

    // A teammate's push whose transaction took its id before a newer transaction finished: its
    // change lay past every reader's horizon, so on a quiet hub the pull after the nudge found
    // nothing and the copy stayed stale until the next scheduled pull, up to 15 minutes later.
    void aChangeTheHubHeldBackArrivesOnTheNextSync()
    {
        HUB_VERIFY_OK(bob().service->sync());
        const HubConfig config = m_hub.config(alice().member.role);
        const Result<QString> password = alice().secrets->read(config.accountKey());
        HUB_VERIFY_OK(password);
        QSqlDatabase slow = m_hub.connect(QStringLiteral("alice-slow-push"), alice().member.role, *password);
        QVERIFY(slow.isOpen());
        QVERIFY(test::runSql(slow, QStringLiteral("BEGIN")).ok);
        QVERIFY(test::runSql(slow, QStringLiteral("SELECT pg_current_xact_id()")).ok);
        QVERIFY(test::runSql(m_hub.admin().connection(), QStringLiteral("SELECT pg_current_xact_id()")).ok);
        const QUuid uuid = QUuid::createUuid();
        const auto pushed = test::runSql(slow, QStringLiteral("SELECT bool_and(accepted) FROM fermata.share_commitments(?::jsonb)"),
                                         {QStringLiteral("[{\"uuid\": \"%1\", \"title\": \"Late spec\", \"estimate\": 60, "
                                                         "\"status\": \"planned\", \"finish_day\": \"2026-12-03\", \"revision\": 1}]")
                                              .arg(uuid.toString(QUuid::WithoutBraces))});
        QVERIFY2(pushed.ok && pushed.firstRow.value(0).toBool(), qPrintable(pushed.error));
        QVERIFY(test::runSql(slow, QStringLiteral("COMMIT")).ok);
        HUB_VERIFY_OK(bob().service->sync());
        QVERIFY2(bob().seen(uuid).has_value(), "a committed change waited for some other transaction to finish");
        QCOMPARE(bob().seen(uuid)->title, QStringLiteral("Late spec"));
    }

    // A removed member's commitments leave their former teammates' copies.
    void aRemovedMembersCommitmentsLeaveTheCopies()
    {
        const qint64 id = bob().addTask(QStringLiteral("Bob's migration"));
        HUB_VERIFY_OK(bob().service->share(id));
        const QUuid uuid = bob().service->commitments().find(id).value()->commitment.uuid;
        HUB_VERIFY_OK(alice().service->sync());
        QVERIFY(alice().seen(uuid).has_value());
        HUB_VERIFY_OK(m_hub.admin().removeMember(QStringLiteral("bob@alpha.example")));
        HUB_VERIFY_OK(alice().service->sync());
        QVERIFY(!alice().seen(uuid).has_value());
        for (const Commitment &c : alice().teammates())
            QVERIFY2(c.ownerRole != bob().member.role, qPrintable(c.title));
    }

    // A hub not yet upgraded to commitments (schema 5): shares wait here, the person is told
    // what to ask for, and messages still flow; after `hub init` they go out.
    void anOlderHubKeepsSharesWaiting()
    {
        const auto setVersion = [this](int version) {
            return test::runSql(m_hub.admin().connection(), QStringLiteral("UPDATE fermata.hub SET schema_version = %1").arg(version)).ok;
        };
        QVERIFY(setVersion(5));
        alice().service->disconnectFromHub(); // the version is read when connecting
        const qint64 id = alice().addTask(QStringLiteral("Roadmap draft"));
        const auto shared = alice().service->share(id);
        HUB_VERIFY_OK(shared);
        QVERIFY(!shared->synced);
        QVERIFY2(alice().service->commitments().lastError().contains(QStringLiteral("fermata hub init")),
                 qPrintable(alice().service->commitments().lastError()));
        HUB_VERIFY_OK(alice().service->sync());
        QCOMPARE(alice().service->commitments().waitingCount().value(), 1);
        QVERIFY(setVersion(6));
        alice().service->disconnectFromHub();
        HUB_VERIFY_OK(alice().service->sync());
        QCOMPARE(alice().service->commitments().waitingCount().value(), 0);
        QCOMPARE(test::runSql(m_hub.admin().connection(), QStringLiteral("SELECT 1 FROM fermata.commitments WHERE title = 'Roadmap draft'")).rows, 1);
    }

    // Leaving the hub forgets what was shared with that team, here.
    void leavingForgetsTheShares()
    {
        HUB_VERIFY_OK(alice().service->leave());
        QVERIFY(alice().service->commitments().mine().value().isEmpty());
        QVERIFY(alice().teammates().isEmpty());
    }

private:
    // Starts the stopped hub again; the administrator's connection is opened anew.
    bool restartHub()
    {
        if (!m_hub.cluster().restart())
            return false;
        return m_hub.admin().open(m_hub.config(QStringLiteral("hub_admin")), m_hub.cluster().adminPassword()).isOk();
    }

    Instance &alice() { return *m_people[QStringLiteral("alice")]; }
    Instance &bob() { return *m_people[QStringLiteral("bob")]; }
    Instance &carol() { return *m_people[QStringLiteral("carol")]; }

    test::HubFixture m_hub;
    std::map<QString, std::unique_ptr<Instance>> m_people;
    qint64 m_report = 0;
    QUuid m_reportUuid;
};

QTEST_GUILESS_MAIN(TestCommitmentService)
#include "tst_commitmentservice.moc"
