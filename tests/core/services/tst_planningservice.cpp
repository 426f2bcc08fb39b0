#include "planning/planningservice.h"
#include "settings/preferences.h"
#include "tasks/taskservice.h"
#include "storage/database.h"
#include "storage/repositories.h"
#include "testsupport.h"
#include "time/clock.h"

#include <QSignalSpy>
#include <QSqlError>
#include <QSqlQuery>
#include <QTest>

#include <memory>

using namespace fermata;

namespace {
QDateTime utc(int d, int h, int m = 0) // day of the week starting Monday 30 Nov 2026
{
    return QDateTime(QDate(2026, 11, 30).addDays(d), QTime(h, m), Qt::UTC);
}
} // namespace

// PlanningService on a temporary database: storing plans in one transaction, undo,
// stable re-planning, pinned blocks, explanations.
class TestPlanningService final : public QObject
{
    Q_OBJECT

    std::unique_ptr<test::TempDataDir> m_dir;
    std::unique_ptr<Database> m_db;
    std::unique_ptr<TaskRepository> m_taskRepo;
    std::unique_ptr<TaskService> m_tasks;
    std::unique_ptr<Preferences> m_prefs;
    std::unique_ptr<FakeClock> m_clock;
    std::unique_ptr<PlanningService> m_service;
    const Interval m_week{utc(0, 0).toMSecsSinceEpoch(), utc(5, 0).toMSecsSinceEpoch()};

    qint64 addTask(const QString &title, int minutes, Priority p, const QDateTime &deadline = {})
    {
        Task t;
        t.title = title;
        t.estimateMinutes = t.remainingMinutes = minutes;
        t.priority = p;
        t.deadline = deadline;
        t.minChunkMinutes = 60;
        t.maxChunkMinutes = 120;
        const Result<Task> added = m_tasks->add(t);
        return added ? added->id : -1;
    }
    QList<FocusBlock> stored() const
    {
        Result<QList<FocusBlock>> all = FocusBlockRepository(*m_db).all();
        QList<FocusBlock> list = all ? *all : QList<FocusBlock>();
        std::sort(list.begin(), list.end(), [](const FocusBlock &a, const FocusBlock &b) { return a.start < b.start; });
        return list;
    }
    static QList<std::tuple<qint64, QDateTime, QDateTime>> times(const QList<FocusBlock> &list)
    {
        QList<std::tuple<qint64, QDateTime, QDateTime>> out;
        for (const FocusBlock &b : list)
            out.append({b.taskId, b.start, b.end});
        return out;
    }

private Q_SLOTS:
    void initTestCase() { test::pinEnvironment(); }

    void init()
    {
        m_dir = std::make_unique<test::TempDataDir>();
        Result<std::unique_ptr<Database>> db = Database::open(m_dir->databasePath());
        QVERIFY(db.isOk());
        m_db = std::move(db).value();
        m_taskRepo = std::make_unique<TaskRepository>(*m_db);
        m_tasks = std::make_unique<TaskService>(*m_taskRepo);
        QVERIFY(m_tasks->load().isOk());
        m_prefs = std::make_unique<Preferences>(QSettings::IniFormat, m_dir->filePath(QStringLiteral("prefs.ini")));
        m_prefs->setWorkingHours(WorkingHours::defaults(QByteArrayLiteral("UTC")));
        m_clock = std::make_unique<FakeClock>(utc(0, 8));
        m_service = std::make_unique<PlanningService>(*m_db, *m_tasks, *m_prefs, *m_clock);
    }

    void cleanup()
    {
        m_service.reset();
        m_tasks.reset();
        m_taskRepo.reset();
        m_db.reset();
        m_dir.reset();
    }

    // A task waiting for a teammate's commitment (the team's copy as a hub sync leaves it in
    // team_commitments): planned from the day after the finish day, and the block says why.
    void waitsForTeammatesCommitment()
    {
        QSqlQuery insert(m_db->connection());
        QVERIFY2(insert.exec(QStringLiteral(
                     "INSERT INTO team_commitments (uuid, owner_id, owner_role, title, estimate_minutes, status, finish_day) "
                     "VALUES ('6f1c2a3b-0000-4000-8000-000000000001', 7, 'ada', 'API spec', 240, 'planned', '2026-12-02')")),
                 qPrintable(insert.lastError().text()));
        Task t;
        t.title = QStringLiteral("Build client");
        t.estimateMinutes = t.remainingMinutes = 120;
        t.priority = Priority::P2;
        t.afterCommitment = QUuid::fromString(QStringLiteral("6f1c2a3b-0000-4000-8000-000000000001"));
        const Result<Task> added = m_tasks->add(t);
        QVERIFY(added);
        QCOMPARE(added->afterCommitment, t.afterCommitment);
        QVERIFY(m_service->plan(m_week).isOk());
        const QList<FocusBlock> blocks = stored();
        QVERIFY(!blocks.isEmpty());
        for (const FocusBlock &b : blocks) {
            QVERIFY2(b.start >= utc(3, 0), qPrintable(b.start.toString(Qt::ISODate))); // Thursday
            // Ada is not in the local directory: her login names her.
            QCOMPARE(m_service->blockReason(b.id), QStringLiteral("waits for ada's 'API spec', planned to finish Wed, P2, no deadline"));
        }

        // Ada finished: nothing holds the work back. (Re-planning keeps a previous block where it
        // is still valid, so the old plan is cleared first to see where it may go now.)
        QVERIFY(insert.exec(QStringLiteral("UPDATE team_commitments SET status = 'done'")));
        for (const FocusBlock &b : blocks)
            QVERIFY(FocusBlockRepository(*m_db).remove(b.id).isOk());
        QVERIFY(m_service->plan(m_week).isOk());
        QCOMPARE(stored().constFirst().start, utc(0, 9));
        QCOMPARE(m_service->blockReason(stored().constFirst().id), QStringLiteral("ada's 'API spec' is done, P2, no deadline"));
    }

    void plansStoresAndExplains()
    {
        const qint64 a = addTask(QStringLiteral("Report"), 180, Priority::P1, utc(2, 17));
        addTask(QStringLiteral("Review"), 120, Priority::P2);
        QSignalSpy planned(m_service.get(), &PlanningService::planned);
        QSignalSpy changed(m_service.get(), &PlanningService::blocksChanged);
        const Result<Plan> plan = m_service->plan(m_week);
        QVERIFY2(plan.isOk(), plan.isOk() ? "" : qPrintable(plan.error().message));
        QCOMPARE(planned.count(), 1);
        QCOMPARE(changed.count(), 1);
        const QList<FocusBlock> blocks = stored();
        QCOMPARE(blocks.size(), plan->blocks.size());
        int minutesA = 0;
        for (const FocusBlock &b : blocks) {
            QVERIFY(!b.pinned);
            QVERIFY(b.start >= utc(0, 9));
            if (b.taskId == a) {
                minutesA += int(b.start.secsTo(b.end) / 60);
                QCOMPARE(m_service->blockReason(b.id), QStringLiteral("deadline Wed 17:00, P1"));
            } else {
                QCOMPARE(m_service->blockReason(b.id), QStringLiteral("P2, no deadline"));
            }
        }
        QCOMPARE(minutesA, 180);
        QVERIFY(m_service->unplacedTasks().isEmpty());
        QVERIFY(!m_service->days().isEmpty());
    }

    void reportsWhatDoesNotFit()
    {
        addTask(QStringLiteral("Huge"), 20 * 60, Priority::P1, utc(1, 17));
        QVERIFY(m_service->plan(m_week).isOk());
        const QList<TaskReport> unplaced = m_service->unplacedTasks();
        QCOMPARE(unplaced.size(), 1);
        QVERIFY(!unplaced.first().reason.isEmpty());
        bool overloaded = false;
        for (const DayReport &d : m_service->days())
            overloaded = overloaded || d.overloaded;
        QVERIFY(overloaded);
    }

    void undoRestoresPreviousBlocks()
    {
        addTask(QStringLiteral("Report"), 180, Priority::P1, utc(2, 17));
        QVERIFY(!m_service->canUndo());
        QVERIFY(m_service->plan(m_week).isOk());
        const auto first = times(stored());
        QVERIFY(!first.isEmpty());
        addTask(QStringLiteral("Urgent"), 240, Priority::P1, utc(0, 17));
        QVERIFY(m_service->plan(m_week).isOk());
        QVERIFY(times(stored()) != first);
        QVERIFY(m_service->canUndo());
        QVERIFY(m_service->undo().isOk());
        QCOMPARE(times(stored()), first);
        // Redo applies the undone plan again; the earlier plan stays undoable too.
        QVERIFY(m_service->canRedo());
        QVERIFY(m_service->canUndo());
        QVERIFY(m_service->undo().isOk());
        QVERIFY(stored().isEmpty());
        QVERIFY(!m_service->canUndo());
        QVERIFY(!m_service->undo().isOk());
        QVERIFY(m_service->redo().isOk());
        QCOMPARE(times(stored()), first);
        QVERIFY(m_service->redo().isOk());
        QVERIFY(times(stored()) != first);
        QVERIFY(!m_service->canRedo());
    }

    void replanIsStable()
    {
        addTask(QStringLiteral("Report"), 180, Priority::P1, utc(3, 17));
        addTask(QStringLiteral("Review"), 120, Priority::P2);
        addTask(QStringLiteral("Read"), 90, Priority::P3);
        QVERIFY(m_service->plan(m_week).isOk());
        const auto first = times(stored());
        QVERIFY(m_service->plan(m_week).isOk());
        QCOMPARE(times(stored()), first);
        // A meeting elsewhere: blocks away from it stay where they were.
        CalendarEvent meeting;
        meeting.title = QStringLiteral("Sync");
        meeting.start = utc(4, 15);
        meeting.end = utc(4, 16);
        QVERIFY(CalendarEventRepository(*m_db).add(meeting).isOk());
        QVERIFY(m_service->plan(m_week).isOk());
        for (const auto &b : first) {
            if (std::get<2>(b) <= utc(4, 14))
                QVERIFY(times(stored()).contains(b));
        }
    }

    void pinnedBlocksNeverMove()
    {
        addTask(QStringLiteral("Report"), 180, Priority::P1, utc(3, 17));
        QVERIFY(m_service->plan(m_week).isOk());
        QList<FocusBlock> blocks = stored();
        QVERIFY(!blocks.isEmpty());
        const FocusBlock first = blocks.first();
        QVERIFY(m_service->resize(first.id, first.start.addSecs(3600), first.end.addSecs(3600)).isOk());
        CalendarEvent meeting;
        meeting.title = QStringLiteral("All hands");
        meeting.start = utc(0, 9);
        meeting.end = utc(1, 17);
        QVERIFY(CalendarEventRepository(*m_db).add(meeting).isOk());
        addTask(QStringLiteral("Urgent"), 240, Priority::P1, utc(2, 17));
        QVERIFY(m_service->plan(m_week).isOk());
        bool found = false;
        for (const FocusBlock &b : stored()) {
            if (b.id == first.id) {
                found = true;
                QVERIFY(b.pinned);
                QCOMPARE(b.start, first.start.addSecs(3600));
                QCOMPARE(b.end, first.end.addSecs(3600));
            }
        }
        QVERIFY(found);
        QVERIFY(m_service->unpin(first.id).isOk());
        QVERIFY(!stored().isEmpty());
        QVERIFY(!m_service->resize(first.id, first.end, first.start).isOk());
    }

    void addPinnedStoresAPinnedBlock()
    {
        const qint64 task = addTask(QStringLiteral("Report"), 180, Priority::P1);
        QSignalSpy changed(m_service.get(), &PlanningService::blocksChanged);
        const Result<qint64> id = m_service->addPinned(task, utc(0, 10), utc(0, 11, 30));
        QVERIFY(id.isOk());
        QCOMPARE(changed.count(), 1);
        const QList<FocusBlock> blocks = stored();
        QCOMPARE(blocks.size(), 1);
        QCOMPARE(blocks.first(), (FocusBlock{*id, task, utc(0, 10), utc(0, 11, 30), true}));
        QVERIFY(!m_service->addPinned(task, utc(0, 11), utc(0, 10)).isOk());
        QVERIFY(!m_service->addPinned(task + 100, utc(0, 10), utc(0, 11)).isOk());
        // Re-planning leaves it where it was put.
        QVERIFY(m_service->plan(m_week).isOk());
        bool found = false;
        for (const FocusBlock &b : stored())
            found = found || (b.id == *id && b.start == utc(0, 10) && b.pinned);
        QVERIFY(found);
    }

    // The window plans on a worker thread: between reading (prepare) and storing (commit),
    // another process may plan the same days, or the person may move a block. The late plan
    // must store nothing (no second set of blocks beside the new ones), and say so.
    void aPlanOvertakenByAnotherStoresNothing()
    {
        addTask(QStringLiteral("Report"), 180, Priority::P1, utc(3, 17));
        addTask(QStringLiteral("Review"), 120, Priority::P2);
        QVERIFY(m_service->plan(m_week).isOk());
        Result<PlanningService::Prepared> prepared = m_service->prepare(m_week);
        QVERIFY(prepared.isOk());
        const Plan late = Planner::plan(prepared->request);

        // `fermata plan` in another process, on its own connection to the same file.
        Result<std::unique_ptr<Database>> otherDb = Database::open(m_dir->databasePath());
        QVERIFY(otherDb.isOk());
        TaskRepository otherTasksRepo(**otherDb);
        TaskService otherTasks(otherTasksRepo);
        QVERIFY(otherTasks.load().isOk());
        PlanningService other(**otherDb, otherTasks, *m_prefs, *m_clock);
        QVERIFY(other.plan(m_week).isOk());
        const QList<FocusBlock> theirs = stored();
        QVERIFY(!theirs.isEmpty());

        QSignalSpy changed(m_service.get(), &PlanningService::blocksChanged);
        Result<std::optional<Plan>> committed = m_service->commit(*prepared, late);
        QVERIFY(committed.isOk());
        QVERIFY(!committed->has_value());
        QCOMPARE(stored(), theirs);
        QCOMPARE(changed.count(), 0);

        // A block moved by hand meanwhile: the same.
        prepared = m_service->prepare(m_week);
        QVERIFY(prepared.isOk());
        const FocusBlock moved = theirs.first();
        QVERIFY(m_service->resize(moved.id, moved.start.addSecs(900), moved.end.addSecs(900)).isOk());
        const QList<FocusBlock> afterMove = stored();
        committed = m_service->commit(*prepared, Planner::plan(prepared->request));
        QVERIFY(committed.isOk());
        QVERIFY(!committed->has_value());
        QCOMPARE(stored(), afterMove);

        // Nothing in between: the plan is stored, once.
        prepared = m_service->prepare(m_week);
        QVERIFY(prepared.isOk());
        committed = m_service->commit(*prepared, Planner::plan(prepared->request));
        QVERIFY(committed.isOk());
        QVERIFY(committed->has_value());
        qsizetype planned = 0;
        for (const PlannedBlock &b : (*committed)->blocks)
            planned += b.block.pinned ? 0 : 1;
        qsizetype unpinned = 0;
        for (const FocusBlock &b : stored())
            unpinned += b.pinned ? 0 : 1;
        QCOMPARE(unpinned, planned);
    }

    void failingWriteKeepsOldBlocks()
    {
        addTask(QStringLiteral("Report"), 180, Priority::P2, utc(3, 17));
        QVERIFY(m_service->plan(m_week).isOk());
        const auto before = times(stored());
        // A task the service still knows but storage lost: inserting its block fails.
        const qint64 ghost = addTask(QStringLiteral("Ghost"), 120, Priority::P1, utc(0, 17));
        QVERIFY(m_taskRepo->remove(ghost).isOk());
        QSignalSpy changed(m_service.get(), &PlanningService::blocksChanged);
        QVERIFY(!m_service->plan(m_week).isOk());
        QCOMPARE(times(stored()), before);
        QCOMPARE(changed.count(), 0);
    }
};

QTEST_GUILESS_MAIN(TestPlanningService)
#include "tst_planningservice.moc"
