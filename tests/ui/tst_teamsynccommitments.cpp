// TeamSync's part of issue 16 against a real hub: the snapshot holds the team's commitments (a
// teammate's and my own), my shared tasks and who waits for each; share() and unshare() say
// what happened in words.
#include "hubfixture.h"
#include "messaging/outboxservice.h"
#include "messaging/teamsync.h"
#include "storage/database.h"
#include "storage/repositories.h"
#include "team/secretstore.h"
#include "testsupport.h"
#include "time/clock.h"

#include <QSignalSpy>
#include <QTest>
#include <QTimeZone>

using namespace fermata;

namespace {

// One person's Fermata: its own data folder, SQLite file, password file and service.
struct Person
{
    test::TempDataDir dir;
    std::unique_ptr<Database> db;
    std::unique_ptr<FileSecretStore> secrets;
    std::unique_ptr<OutboxService> service;
    SystemClock clock;

    QString secretsPath() const { return dir.filePath(QStringLiteral("hub-secrets.json")); }
    bool open()
    {
        auto opened = Database::open(dir.databasePath());
        if (!opened)
            return false;
        db = std::move(opened).value();
        secrets = std::make_unique<FileSecretStore>(secretsPath());
        service = std::make_unique<OutboxService>(*db, *secrets, clock);
        service->setReconnectInterval(0);
        return true;
    }
    qint64 addTask(const QString &title, const QUuid &after = {})
    {
        Task task;
        task.title = title;
        task.afterCommitment = after;
        return TaskRepository(*db).add(task).value();
    }
};

const TeammateCommitment *findTitled(const QList<TeammateCommitment> &list, const QString &title)
{
    for (const TeammateCommitment &c : list) {
        if (c.commitment.title == title)
            return &c;
    }
    return nullptr;
}

} // namespace

class TestTeamSyncCommitments : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void initTestCase()
    {
        test::pinEnvironment();
        QVERIFY2(m_hub.start(), qPrintable(m_hub.errorString()));
        for (const auto &[person, name, zone] :
            { std::tuple { &m_alice, QStringLiteral("Alice"), QByteArrayLiteral("Europe/Berlin") },
                std::tuple { &m_bob, QStringLiteral("Bob"), QByteArrayLiteral("America/New_York") } }) {
            QVERIFY(person->open());
            const Result<NewMember> added = m_hub.admin().addMember(
                QStringLiteral("Alpha"), name, name.toLower() + QStringLiteral("@alpha.example"), zone);
            HUB_VERIFY_OK(added);
            HUB_VERIFY_OK(person->service->join(m_hub.config(added->role), added->password));
        }
    }

    void snapshotHoldsTheTeamsCommitmentsAndWhoWaits()
    {
        const qint64 spec = m_bob.addTask(QStringLiteral("API spec"));
        const auto shared = m_bob.service->share(spec, QStringLiteral("draft first"));
        HUB_VERIFY_OK(shared);
        HUB_VERIFY_OK(m_bob.service->sync());
        const QUuid uuid = shared->commitment.uuid;

        TeamSync window({ m_alice.dir.databasePath(), m_alice.secretsPath(), QTimeZone("Europe/Berlin"), 0 },
            m_alice.clock);
        QSignalSpy changed(&window, &TeamSync::commitmentsChanged);
        window.start();
        QTRY_VERIFY_WITH_TIMEOUT(window.isReady() && window.snapshot().status.reachable, 20000);
        QTRY_VERIFY_WITH_TIMEOUT(
            findTitled(window.snapshot().commitments, QStringLiteral("API spec")), 20000);
        const TeammateCommitment *bobs
            = findTitled(window.snapshot().commitments, QStringLiteral("API spec"));
        QCOMPARE(bobs->displayName(), QStringLiteral("Bob"));
        QCOMPARE(bobs->commitment.publicNote, QStringLiteral("draft first"));
        QVERIFY(window.snapshot().waiters.isEmpty());
        QVERIFY(!changed.isEmpty());

        // One of my tasks comes after it (`fermata tasks add … after`, another connection).
        const qint64 report = m_alice.addTask(QStringLiteral("Write report"), uuid);
        m_alice.addTask(QStringLiteral("Unrelated"));
        const qsizetype before = changed.size();
        window.reloadFromStorage();
        QTRY_COMPARE_WITH_TIMEOUT(window.snapshot().waiters.value(uuid),
            QStringList({ QStringLiteral("You ('Write report')") }), 10000);
        QVERIFY(changed.size() > before);

        // The window's worker tells the hub that I wait (never for which task): Bob's window
        // names me under his commitment.
        QTRY_VERIFY_WITH_TIMEOUT(m_bob.service->sync().isOk()
                                     && TeamCommitmentRepository(*m_bob.db).waiters().value().contains(uuid), 20000);
        {
            TeamSync bobsWindow({ m_bob.dir.databasePath(), m_bob.secretsPath(), QTimeZone("America/New_York"), 0 },
                m_bob.clock);
            bobsWindow.start();
            QTRY_COMPARE_WITH_TIMEOUT(bobsWindow.snapshot().waiters.value(uuid), QStringList({ QStringLiteral("Alice") }), 20000);
        }

        // Done: it no longer waits.
        Task task = TaskRepository(*m_alice.db).find(report).value().value();
        task.done = true;
        HUB_VERIFY_OK(TaskRepository(*m_alice.db).update(task));
        window.reloadFromStorage();
        QTRY_VERIFY_WITH_TIMEOUT(window.snapshot().waiters.isEmpty(), 10000);
    }

    void shareAndUnshareSayWhatHappened()
    {
        const qint64 id = m_alice.addTask(QStringLiteral("Budget"));
        TeamSync window({ m_alice.dir.databasePath(), m_alice.secretsPath(), QTimeZone("Europe/Berlin"), 0 },
            m_alice.clock);
        QSignalSpy finished(&window, &TeamSync::finished);
        window.start();
        QTRY_VERIFY_WITH_TIMEOUT(window.isReady(), 20000);

        window.share(id, QStringLiteral("by Friday"));
        QTRY_VERIFY_WITH_TIMEOUT(lastOf(finished, TeamSync::Operation::Share).has_value(), 20000);
        QCOMPARE(*lastOf(finished, TeamSync::Operation::Share),
            std::pair(true, QStringLiteral("'Budget' is shared with your team.")));
        QTRY_VERIFY_WITH_TIMEOUT(findTitled(window.snapshot().commitments, QStringLiteral("Budget")), 10000);
        QCOMPARE(findTitled(window.snapshot().commitments, QStringLiteral("Budget"))->displayName(),
            QStringLiteral("Alice"));
        QCOMPARE(window.snapshot().mine.size(), 1);
        QCOMPARE(window.snapshot().mine.first().taskId, id);

        window.unshare(id);
        QTRY_VERIFY_WITH_TIMEOUT(lastOf(finished, TeamSync::Operation::Unshare).has_value(), 20000);
        QCOMPARE(*lastOf(finished, TeamSync::Operation::Unshare),
            std::pair(true, QStringLiteral("'Budget' is no longer shared with your team.")));
        QTRY_VERIFY_WITH_TIMEOUT(window.snapshot().mine.isEmpty(), 10000);
        QVERIFY(!findTitled(window.snapshot().commitments, QStringLiteral("Budget")));

        // Not shared: the service's words.
        finished.clear();
        window.unshare(id);
        QTRY_VERIFY_WITH_TIMEOUT(lastOf(finished, TeamSync::Operation::Unshare).has_value(), 20000);
        QCOMPARE(*lastOf(finished, TeamSync::Operation::Unshare),
            std::pair(false, QStringLiteral("Task %1 is not shared with your team.").arg(id)));
    }

private:
    static std::optional<std::pair<bool, QString>> lastOf(
        const QSignalSpy &spy, TeamSync::Operation operation)
    {
        std::optional<std::pair<bool, QString>> found;
        for (const QList<QVariant> &args : spy) {
            if (args.at(0).value<TeamSync::Operation>() == operation)
                found = std::pair(args.at(1).toBool(), args.at(2).toString());
        }
        return found;
    }

    test::HubFixture m_hub;
    Person m_alice;
    Person m_bob;
};

QTEST_MAIN(TestTeamSyncCommitments)
#include "tst_teamsynccommitments.moc"
