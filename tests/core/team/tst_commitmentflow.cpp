// Two members on a real hub (throwaway PostgreSQL), each with their own SQLite file, clock,
// planner and attention engine: Ada shares "API spec" due Wednesday and plans to finish it on
// Wednesday; Bo adds "Integrate API" after it, and his plan starts it no earlier than Thursday.
// Ada finishes early; Bo's Fermata holds exactly one Inbox item until his check-in window
// (also when a second connection of his syncs at the same time, and after syncing again), the
// window releases it with a Re-plan offer, and the re-plan moves his task earlier.
#include "attention/attentionservice.h"
#include "commitmentreplanoffer.h"
#include "hubfixture.h"
#include "messaging/outboxservice.h"
#include "planning/planningservice.h"
#include "settings/preferences.h"
#include "storage/attentionrepository.h"
#include "storage/database.h"
#include "storage/repositories.h"
#include "tasks/taskservice.h"
#include "team/commitmentnotices.h"
#include "team/secretstore.h"
#include "testsupport.h"
#include "time/clock.h"

#include <QSignalSpy>
#include <QTest>
#include <QTimeZone>

using namespace fermata;

namespace {

QDateTime utc(int day, int hour, int minute = 0)
{
    return QDateTime(QDate(2027, 3, day), QTime(hour, minute), QTimeZone::utc()); // Monday 1 March 2027
}

qint64 ms(const QDateTime &at)
{
    return at.toMSecsSinceEpoch();
}

// One person's Fermata: data folder, SQLite file, hub client, planner and attention engine,
// all on one fake clock.
struct Person
{
    test::TempDataDir dir;
    FakeClock clock{utc(1, 8)};
    std::unique_ptr<Database> db;
    std::unique_ptr<FileSecretStore> secrets;
    std::unique_ptr<OutboxService> hub;
    std::unique_ptr<TaskRepository> taskRepository;
    std::unique_ptr<TaskService> tasks;
    std::unique_ptr<Preferences> preferences;
    std::unique_ptr<PlanningService> planning;
    std::unique_ptr<AttentionService> attention;
    qint64 memberId = 0;

    bool open()
    {
        auto opened = Database::open(dir.databasePath());
        if (!opened)
            return false;
        db = std::move(opened).value();
        secrets = std::make_unique<FileSecretStore>(dir.filePath(QStringLiteral("hub-secrets.json")));
        hub = std::make_unique<OutboxService>(*db, *secrets, clock);
        hub->setReconnectInterval(0);
        hub->setSenderZone(QTimeZone::utc());
        taskRepository = std::make_unique<TaskRepository>(*db);
        tasks = std::make_unique<TaskService>(*taskRepository);
        preferences = std::make_unique<Preferences>(QSettings::IniFormat, dir.filePath(QStringLiteral("prefs.ini")));
        preferences->setWorkingHours(WorkingHours::defaults(QByteArrayLiteral("UTC")));
        planning = std::make_unique<PlanningService>(*db, *tasks, *preferences, clock);
        attention = std::make_unique<AttentionService>(*db, clock);
        return tasks->load().isOk() && attention->load("UTC").isOk();
    }

    // A second connection to the same profile, as `fermata serve` or a command beside the window.
    std::unique_ptr<OutboxService> secondConnection(std::unique_ptr<Database> &db2) const
    {
        db2 = Database::open(dir.databasePath()).value();
        auto second = std::make_unique<OutboxService>(*db2, *secrets, clock);
        second->setReconnectInterval(0);
        second->setSenderZone(QTimeZone::utc());
        return second;
    }

    qint64 add(const QString &title, int minutes, const QDateTime &deadline = {}, const QUuid &after = {})
    {
        Task task;
        task.title = title;
        task.estimateMinutes = task.remainingMinutes = minutes;
        task.deadline = deadline;
        task.afterCommitment = after;
        return tasks->add(task).value().id;
    }

    QDateTime firstBlockStart(qint64 taskId) const
    {
        QDateTime first;
        const QList<FocusBlock> blocks = planning->blocks(Interval(ms(utc(1, 0)), ms(utc(8, 0)))).value();
        for (const FocusBlock &b : blocks) {
            if (b.taskId == taskId && (!first.isValid() || b.start < first))
                first = b.start;
        }
        return first;
    }

    QList<InboxItem> commitmentItems() const
    {
        QList<InboxItem> found;
        const QList<InboxItem> recent = AttentionRepository(*db).recent(100).value();
        for (const InboxItem &item : recent) {
            if (!commitmentnotices::commitmentOf(item.uuid).isNull())
                found.append(item);
        }
        return found;
    }
};

} // namespace

class TestCommitmentFlow final : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void initTestCase()
    {
        test::pinEnvironment();
        QVERIFY2(m_hub.start(), qPrintable(m_hub.errorString()));
        for (auto [person, name] : {std::pair{&m_ada, QStringLiteral("Ada")}, std::pair{&m_bo, QStringLiteral("Bo")}}) {
            QVERIFY(person->open());
            const Result<NewMember> added = m_hub.admin().addMember(QStringLiteral("Alpha"), name,
                                                                   name.toLower() + QStringLiteral("@alpha.example"), "UTC");
            HUB_VERIFY_OK(added);
            person->memberId = added->id;
            HUB_VERIFY_OK(person->hub->join(m_hub.config(added->role), added->password));
        }
        // Bo reads what came in once a day, 16:00-16:30.
        QVERIFY(m_bo.attention->setPersonalWindows(
            {CheckInWindow{0, WeeklyRule(WeeklyRule::EveryDay, QTime(16, 0), QTime(16, 30), "UTC"), {}, {}}}));
    }

    void teammateFinishingEarlyReachesTheWaitingPlanAtTheWindow()
    {
        // Ada: "API spec", due Wednesday, planned to finish on Wednesday.
        const qint64 spec = m_ada.add(QStringLiteral("API spec"), 240, utc(3, 17));
        HUB_VERIFY_OK(FocusBlockRepository(*m_ada.db).add({0, spec, utc(3, 9), utc(3, 13), false}));
        const auto shared = m_ada.hub->share(spec, QStringLiteral("draft first"));
        HUB_VERIFY_OK(shared);
        HUB_VERIFY_OK(m_ada.hub->sync());

        // Bo: "Integrate API" after it; his week's plan starts it on Thursday.
        HUB_VERIFY_OK(m_bo.hub->sync());
        const QUuid uuid = shared->commitment.uuid;
        const qint64 integrate = m_bo.add(QStringLiteral("Integrate API"), 120, {}, uuid);
        HUB_VERIFY_OK(m_bo.planning->plan(Interval(ms(utc(1, 8)), ms(utc(6, 0)))));
        const QDateTime before = m_bo.firstBlockStart(integrate);
        QVERIFY(before.isValid());
        QVERIFY2(before >= utc(4, 0), qPrintable(before.toString(Qt::ISODate)));
        QVERIFY(m_bo.commitmentItems().isEmpty());

        // Ada's Fermata learns that Bo waits for it (never for which task).
        HUB_VERIFY_OK(m_bo.hub->sync());
        HUB_VERIFY_OK(m_ada.hub->sync());
        QCOMPARE(TeamCommitmentRepository(*m_ada.db).waiters().value().value(uuid), QList<qint64>{m_bo.memberId});

        // Ada finishes on Monday morning.
        m_ada.clock.setNow(utc(1, 10));
        HUB_VERIFY_OK(m_ada.tasks->setDone(spec, true));
        HUB_VERIFY_OK(m_ada.hub->sync());

        // Bo's Fermata and a second connection of his pick it up at the same time: one item, held.
        m_bo.clock.setNow(utc(1, 10, 5));
        std::unique_ptr<Database> secondDb;
        std::unique_ptr<OutboxService> second = m_bo.secondConnection(secondDb);
        HUB_VERIFY_OK(second->connectToHub());
        HUB_VERIFY_OK(m_bo.hub->sync());
        HUB_VERIFY_OK(second->sync());
        HUB_VERIFY_OK(m_bo.hub->sync());
        QList<InboxItem> items = m_bo.commitmentItems();
        QCOMPARE(items.size(), 1);
        QCOMPARE(items.first().state, ItemState::Held);
        QCOMPARE(items.first().notification.sender, QStringLiteral("Ada"));
        QCOMPARE(items.first().notification.title, QStringLiteral("Ada finished 'API spec'"));
        QCOMPARE(items.first().notification.body, QStringLiteral("'Integrate API' can start."));

        // Nothing before the window: no release, no offer.
        CommitmentReplanOffer offer(*m_bo.attention, m_bo.clock.now());
        QSignalSpy offered(&offer, &CommitmentReplanOffer::offered);
        m_bo.attention->tick();
        offer.check();
        QCOMPARE(m_bo.commitmentItems().first().state, ItemState::Held);
        QCOMPARE(offered.size(), 0);

        // 16:00: the window releases it, the offer comes with it, once.
        m_bo.clock.setNow(utc(1, 16));
        m_bo.attention->tick();
        items = m_bo.commitmentItems();
        QCOMPARE(items.size(), 1);
        QCOMPARE(items.first().state, ItemState::Released);
        QCOMPARE(offered.size(), 1);
        QCOMPARE(offered.first().first().toString(),
                 QStringLiteral("Ada finished 'API spec' — 'Integrate API' can start. Re-plan to follow the change."));
        offer.check();
        QCOMPARE(offered.size(), 1);

        // Re-planning moves the task earlier: today, or tomorrow morning.
        HUB_VERIFY_OK(m_bo.planning->plan(Interval(ms(utc(1, 16)), ms(utc(6, 0)))));
        const QDateTime after = m_bo.firstBlockStart(integrate);
        QVERIFY(after.isValid());
        QVERIFY2(after < before, qPrintable(after.toString(Qt::ISODate) + u" not before " + before.toString(Qt::ISODate)));
        QVERIFY2(after < utc(3, 0), qPrintable(after.toString(Qt::ISODate)));

        // Syncing again tells nothing new.
        HUB_VERIFY_OK(m_bo.hub->sync());
        QCOMPARE(m_bo.commitmentItems().size(), 1);

        // Bo's task done: he no longer waits, and Ada's copy says so.
        HUB_VERIFY_OK(m_bo.tasks->setDone(integrate, true));
        QCOMPARE(m_bo.hub->commitments().waitingCount().value(), 1);
        HUB_VERIFY_OK(m_bo.hub->sync());
        QCOMPARE(m_bo.hub->commitments().waitingCount().value(), 0);
        HUB_VERIFY_OK(m_ada.hub->sync());
        QVERIFY(!TeamCommitmentRepository(*m_ada.db).waiters().value().contains(uuid));
    }

    // Ada moves her work twice before Bo's next window: one item, saying where it ended up.
    void changesBetweenTwoWindowsArriveAsOneItem()
    {
        const qint64 spec = m_ada.add(QStringLiteral("Schema"), 120, utc(4, 17));
        HUB_VERIFY_OK(FocusBlockRepository(*m_ada.db).add({0, spec, utc(3, 9), utc(3, 11), false}));
        const auto shared = m_ada.hub->share(spec, std::nullopt);
        HUB_VERIFY_OK(shared);
        HUB_VERIFY_OK(m_ada.hub->sync());
        HUB_VERIFY_OK(m_bo.hub->sync());
        m_bo.add(QStringLiteral("Migrate data"), 60, {}, shared->commitment.uuid);
        const int before = int(m_bo.commitmentItems().size());

        FocusBlockRepository blocks(*m_ada.db);
        HUB_VERIFY_OK(blocks.add({0, spec, utc(4, 9), utc(4, 10), false})); // now ends Thursday
        HUB_VERIFY_OK(m_ada.hub->sync());
        HUB_VERIFY_OK(m_bo.hub->sync());
        HUB_VERIFY_OK(blocks.add({0, spec, utc(5, 9), utc(5, 10), false})); // now Friday
        HUB_VERIFY_OK(m_ada.hub->sync());
        HUB_VERIFY_OK(m_bo.hub->sync());

        const QList<InboxItem> items = m_bo.commitmentItems();
        QCOMPARE(items.size(), before + 1);
        QCOMPARE(items.first().state, ItemState::Held);
        QCOMPARE(items.first().notification.title, QStringLiteral("Ada moved 'Schema': planned to finish Fri 5 Mar"));
        QCOMPARE(items.first().notification.body, QStringLiteral("'Migrate data' will start later."));
    }

private:
    test::HubFixture m_hub;
    Person m_ada;
    Person m_bo;
};

QTEST_GUILESS_MAIN(TestCommitmentFlow)
#include "tst_commitmentflow.moc"
