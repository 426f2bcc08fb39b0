#include "testsupport.h"

#include "planning/exactmodel.h"
#include "planning/exactsolver.h"
#include "planning/focusbench.h"
#include "planning/plancheck.h"
#include "planning/solver.h"
#include "planning/valuebound.h"

#include <QDir>
#include <QFile>
#include <QTest>

using namespace fermata;
using namespace fermata::planning;

namespace {

// A generous budget: these tests are about the optimum, not the app's half-second.
constexpr int proofBudgetMs = 20000;

QString instancePath(const QString &name)
{
    return QDir(QStringLiteral(FERMATA_PLANNER_INSTANCES)).filePath(name + QStringLiteral(".json"));
}

std::optional<interop::FocusbenchInstance> readInstance(const QString &path)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return std::nullopt;
    Result<interop::FocusbenchInstance> instance = interop::readFocusbenchInstance(file.readAll());
    if (!instance)
        return std::nullopt;
    return *instance;
}

std::optional<interop::FocusbenchInstance> loadInstance(const QString &name)
{
    return readInstance(instancePath(name));
}

// One of the project's own instances (focusbench-own, optima proven by cbc), planned by the
// heuristic alone: no exact mode, `steps` ruin-and-recreate steps (default: by size).
std::optional<Solution> solveOwnHeuristically(const QString &name, int steps = -1)
{
    std::optional<interop::FocusbenchInstance> instance =
        readInstance(QStringLiteral(FERMATA_OWN_INSTANCES "/%1.json").arg(name));
    if (!instance)
        return std::nullopt;
    instance->problem.exactBudgetMs = 0;
    instance->problem.searchSteps = steps;
    Solution solution = solve(instance->problem);
    if (!planBreaches(instance->problem, solution.blocks).isEmpty())
        return std::nullopt;
    return solution;
}

// One of the project's own instances planned, then re-planned after its new meeting (the
// .perturbed twin) with the first plan as the previous one; both with a proof budget.
struct Replan
{
    Solution first;
    Problem after;
    Solution second;
};
std::optional<Replan> replanOwn(const QString &name)
{
    const QString path = QStringLiteral(FERMATA_OWN_INSTANCES "/%1").arg(name);
    std::optional<interop::FocusbenchInstance> before = readInstance(path + QStringLiteral(".json"));
    std::optional<interop::FocusbenchInstance> after = readInstance(path + QStringLiteral(".perturbed.json"));
    if (!before || !after)
        return std::nullopt;
    before->problem.exactBudgetMs = proofBudgetMs;
    Replan replan;
    replan.first = solve(before->problem);
    replan.after = after->problem;
    replan.after.exactBudgetMs = proofBudgetMs;
    replan.after.previous = replan.first.blocks;
    replan.second = solve(replan.after);
    return replan;
}

// One working stretch of `slots` slots on day 0, 15-minute slots, no breaks or caps.
Problem oneStretch(int slots)
{
    Problem p;
    p.slotMinutes = 15;
    p.slotCount = slots;
    p.free.assign(size_t(slots), 1);
    p.day.assign(size_t(slots), 0);
    p.part.assign(size_t(slots), quint8(DayPart::Any));
    p.dayCount = 1;
    return p;
}

SlotTask slotTask(const QString &key, int weight, int length, int minChunk, int maxChunk, int deadline)
{
    SlotTask t;
    t.key = key;
    t.title = key;
    t.weight = weight;
    t.length = length;
    t.minChunk = minChunk;
    t.maxChunk = maxChunk;
    t.deadline = deadline;
    t.hasDeadline = true;
    return t;
}

// The benchmark README's stability: of the first plan's blocks (merged) whose slots are all
// still free, the share that reappears unchanged.
// Share of the first plan's blocks that are still free and unchanged in the second. Late
// blocks count only when `late` says so: late work earns nothing, so on-time work a meeting
// displaced takes its place first (the value comes before stability).
enum class LateBlocks { Counted, Skipped };
double stability(const Problem &after, const std::vector<Block> &first, const std::vector<Block> &second,
                 LateBlocks late = LateBlocks::Skipped)
{
    const std::vector<Block> before = mergedBlocks(first);
    const std::vector<Block> now = mergedBlocks(second);
    int eligible = 0;
    int same = 0;
    for (const Block &b : before) {
        if (late == LateBlocks::Skipped && b.end > after.tasks[size_t(b.task)].deadline)
            continue;
        bool stillFree = true;
        for (int s = b.start; s < b.end; ++s)
            stillFree = stillFree && after.free[size_t(s)];
        if (!stillFree)
            continue;
        ++eligible;
        same += std::find(now.begin(), now.end(), b) != now.end() ? 1 : 0;
    }
    return eligible == 0 ? 1.0 : double(same) / eligible;
}

} // namespace

class TestExactPlanning : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase() { fermata::test::pinEnvironment(); }

    void publicInstances_data()
    {
        QTest::addColumn<QString>("name");
        QTest::addColumn<qint64>("optimum");
        // Proven optimal values from ../shared/bench/planner/best-known.json (HiGHS, gap 0).
        QTest::newRow("d5_n12_m8_s1") << QStringLiteral("d5_n12_m8_s1") << qint64(3825);
        QTest::newRow("d5_n12_m8_s2") << QStringLiteral("d5_n12_m8_s2") << qint64(4545);
        QTest::newRow("d5_n12_m8_s3") << QStringLiteral("d5_n12_m8_s3") << qint64(7800);
    }

    void publicInstances()
    {
        QFETCH(QString, name);
        QFETCH(qint64, optimum);
        std::optional<interop::FocusbenchInstance> instance = loadInstance(name);
        if (!instance)
            QSKIP(qPrintable(QStringLiteral("no benchmark instance at %1").arg(instancePath(name))));
        Problem &p = instance->problem;
        QVERIFY(ExactSolver::qualifies(p));
        p.exactBudgetMs = proofBudgetMs;
        const Solution solution = solve(p);
        QCOMPARE(solution.value, optimum);
        QVERIFY(solution.provenOptimal);
        QCOMPARE(solution.bound, optimum);
        QCOMPARE(planBreaches(p, solution.blocks), QStringList());
    }

    void handMadeOptimum()
    {
        // Eight free slots. A (weight 8) needs 4 slots anywhere; B (weight 4) is one
        // unsplittable 4-slot block due at slot 4; C (weight 2) wants 2-slot chunks of 4
        // slots, due at slot 8. Best: B in 0-4, A in 4-8: 8*4 + 4*4 = 48 weighted slots, 720.
        Problem p = oneStretch(8);
        p.tasks.push_back(slotTask(QStringLiteral("A"), 8, 4, 4, 4, 8));
        SlotTask b = slotTask(QStringLiteral("B"), 4, 4, 4, 4, 4);
        b.splittable = false;
        p.tasks.push_back(b);
        p.tasks.push_back(slotTask(QStringLiteral("C"), 2, 4, 2, 2, 8));
        p.exactBudgetMs = proofBudgetMs;
        const Solution exact = solve(p);
        QCOMPARE(exact.value, qint64(48 * 15));
        QVERIFY(exact.provenOptimal);
        QCOMPARE(exact.bound, qint64(48 * 15));
        QCOMPARE(exact.blocks, (std::vector<Block>{{1, 0, 4}, {0, 4, 8}}));
        QCOMPARE(planBreaches(p, exact.blocks), QStringList());
    }

    void dependenciesBreaksAndCaps()
    {
        // Twelve slots, a run of at most 4 then a break of 1, 8 slots a day at most. B needs A
        // finished first. The exact plan must satisfy the same checker as the heuristic's.
        Problem p = oneStretch(12);
        p.maxRun = 4;
        p.breakSlots = 1;
        p.dayCap = {8};
        p.tasks.push_back(slotTask(QStringLiteral("A"), 1, 3, 1, 3, 12));
        p.tasks.push_back(slotTask(QStringLiteral("B"), 8, 4, 2, 4, 12));
        p.tasks.back().deps = {0};
        p.tasks.push_back(slotTask(QStringLiteral("C"), 2, 4, 2, 4, 12));
        p.exactBudgetMs = proofBudgetMs;
        const Solution exact = solve(p);
        QCOMPARE(planBreaches(p, exact.blocks), QStringList());
        QVERIFY(exact.provenOptimal);
        p.exactBudgetMs = 0;
        const Solution heuristic = solve(p);
        QCOMPARE(planBreaches(p, heuristic.blocks), QStringList());
        QVERIFY(exact.value >= heuristic.value);
        // 8 slots at most (cap): B's 4 at weight 8 need A's 3 first, 1 slot of C remains but C's
        // chunks are 2: 3*1 + 4*8 = 35, or C's 4 instead of A and B: fewer. 35 * 15 = 525.
        QCOMPARE(exact.value, qint64(35 * 15));
    }

    void dependentBlocksStartWhenThePredecessorCanBeDone()
    {
        // Twelve slots; B needs A (4 slots in one block) finished first. A has 9 blocks (starts
        // 0 .. 8); B's blocks start at 4 at the earliest (starts 4 .. 8), not at 0 .. 3, where
        // A cannot be done yet. The size rule still counts the cheap way (9 + 9).
        Problem p = oneStretch(12);
        p.tasks.push_back(slotTask(QStringLiteral("A"), 1, 4, 4, 4, 12));
        p.tasks.push_back(slotTask(QStringLiteral("B"), 8, 4, 4, 4, 12));
        p.tasks.back().deps = {0};
        QCOMPARE(BlockModel(p).candidateCount(), 9 + 5);
        QCOMPARE(BlockModel::countCandidates(p, 1000), 9 + 9);
        p.exactBudgetMs = proofBudgetMs;
        const Solution exact = solve(p);
        QVERIFY(exact.provenOptimal);
        QCOMPARE(exact.value, qint64((4 * 1 + 4 * 8) * 15));
        QCOMPARE(planBreaches(p, exact.blocks), QStringList());
    }

    void provenWithinTheAppBudget_data()
    {
        QTest::addColumn<QString>("name");
        QTest::addColumn<qint64>("optimum");
        // focusbench-own weeks (optima proven by cbc) the exact mode proves in its own budget
        // (500 ms of processor time when these were added, 2 s now) and did not before,
        // measured in processor time:
        // s7042 4.7 s before, ~35 ms with the block-count rows; s7009 (the chain t0 -> t5 ->
        // t6, t5 of 16 slots in chunks of 8 to 12) 1.6 s before, ~150 ms with the earliest
        // starts, the aggregate dependency rows and the exact-completion rule; s7066 1.6 s
        // before, ~0.26 s with "started" columns only at the slots where the dependent's blocks
        // start and no implied rows (a sparser model, same relaxation). Weeks proven with less
        // than twice the budget to spare are left to the bench, where a loaded machine cannot
        // fail them.
        QTest::newRow("d5_n12_m8_sp5_s7042") << QStringLiteral("d5_n12_m8_sp5_s7042") << qint64(5910);
        QTest::newRow("d5_n12_m8_sp2_s7009") << QStringLiteral("d5_n12_m8_sp2_s7009") << qint64(3600);
        QTest::newRow("d5_n12_m4_sp2_s7066") << QStringLiteral("d5_n12_m4_sp2_s7066") << qint64(3690);
    }

    void provenWithinTheAppBudget()
    {
        QFETCH(QString, name);
        QFETCH(qint64, optimum);
        std::optional<interop::FocusbenchInstance> instance =
            readInstance(QStringLiteral(FERMATA_OWN_INSTANCES "/%1.json").arg(name));
        QVERIFY2(instance, "instance missing");
        Problem &p = instance->problem;
        QVERIFY(ExactSolver::qualifies(p));
        QCOMPARE(p.exactBudgetMs, 2000);
        const Solution solution = solve(p);
        QVERIFY(solution.provenOptimal);
        QCOMPARE(solution.value, optimum);
        QCOMPARE(planBreaches(p, solution.blocks), QStringList());
    }

    void stableAfterInsertedMeeting_data()
    {
        QTest::addColumn<QString>("name");
        QTest::addColumn<double>("minimum");
        // A re-plan keeps the still-valid blocks the heuristic keeps, as they are, and is
        // optimal among such plans: on s1 the free optimum after the meeting (3780) would move
        // 2 of the 11 still-valid blocks; keeping all 11 gives 3645, and that is the plan.
        // Late work (focusbench plans it, as the app does) yields to on-time work: on s1 the
        // meeting displaces t1, which then takes the slots of t6's late block.
        QTest::newRow("d5_n12_m8_s1") << QStringLiteral("d5_n12_m8_s1") << 0.95;
        QTest::newRow("d5_n12_m8_s2") << QStringLiteral("d5_n12_m8_s2") << 0.95;
        QTest::newRow("d5_n12_m8_s3") << QStringLiteral("d5_n12_m8_s3") << 0.95;
    }

    void stableAfterInsertedMeeting()
    {
        QFETCH(QString, name);
        QFETCH(double, minimum);
        std::optional<interop::FocusbenchInstance> before = loadInstance(name);
        std::optional<interop::FocusbenchInstance> after = loadInstance(name + QStringLiteral(".perturbed"));
        if (!before || !after)
            QSKIP("benchmark instances not available");
        before->problem.exactBudgetMs = proofBudgetMs;
        const Solution first = solve(before->problem);
        Problem &p = after->problem;
        p.exactBudgetMs = proofBudgetMs;
        p.previous = first.blocks;
        const Solution second = solve(p);
        QVERIFY(second.provenOptimal);
        QCOMPARE(planBreaches(p, second.blocks), QStringList());
        const double kept = stability(p, first.blocks, second.blocks);
        QVERIFY2(kept >= minimum - 1e-9, qPrintable(QStringLiteral("stability %1").arg(kept)));
    }

    void replanKeepsLateBlocksTheExactModeDoesNotPlan()
    {
        // The exact mode plans on-time work only; the late blocks of the previous plan must
        // come back where they still fit, before new late work is placed (on this instance 9 of
        // 14 blocks stayed when late work was placed afresh). 12 of 14 stay now: the first plan
        // is another optimum (2070) than before the tighter model, and the meeting displaces
        // 11 on-time slots of t8, which take the room of two late blocks (value comes first);
        // with the earlier first plan 13 of 14 stay, with the old model and the new alike.
        const QString name = QStringLiteral("d5_n12_m4_sp2_s7016");
        std::optional<Replan> replan = replanOwn(name);
        QVERIFY(replan);
        const Solution &first = replan->first;
        const Problem &p = replan->after;
        const Solution &second = replan->second;
        const double kept = stability(p, first.blocks, second.blocks, LateBlocks::Counted);
        QVERIFY2(kept >= 0.85, qPrintable(QStringLiteral("stability %1").arg(kept)));
    }

    void replanMovesOnlyTheLateWorkItsGainNeeds()
    {
        // Kept late work is in the exact model (worth its keep, no value): a re-plan moves it
        // only to let on-time work in, and no more of it than that needs. On this week the
        // meeting displaces on-time work that needs the room of one late block; when the model
        // left late work out, its plan took the room of two (13 of 15 blocks stayed, not 14).
        const QString name = QStringLiteral("d5_n12_m8_sp2_s7029");
        std::optional<Replan> replan = replanOwn(name);
        QVERIFY(replan);
        const Solution &first = replan->first;
        const Problem &p = replan->after;
        const Solution &second = replan->second;
        QVERIFY(second.provenOptimal);
        QCOMPARE(planBreaches(p, second.blocks), QStringList());
        QCOMPARE(second.value, first.value); // the meeting costs no on-time work
        const double kept = stability(p, first.blocks, second.blocks, LateBlocks::Counted);
        QVERIFY2(kept >= 0.93, qPrintable(QStringLiteral("stability %1").arg(kept)));
    }

    void heuristicFinishesAValuableChainFirst()
    {
        // t0 -> t1 -> t8 (weight 8, due Tuesday): the optimum (3690, proven by cbc) finishes t0
        // and t1 as early as they fit, even where that leaves an untidy gap. Tidy packing alone
        // finished t0 on Tuesday and reached 3210 (0.87), and the exact mode did not find better
        // within its budget; the heuristic alone must now get there.
        const std::optional<Solution> solution = solveOwnHeuristically(QStringLiteral("d5_n12_m4_sp2_s7066"));
        QVERIFY2(solution, "instance missing or its plan breaks a hard rule");
        QCOMPARE(solution->value, 3690LL);
    }

    void heuristicLetsAPredecessorFinishLateForItsDependent()
    {
        // t14 (weight 1, due day 1) -> t17 (weight 4, due day 4). The optimum (4020, proven by
        // cbc) lets t14 finish late on day 2 so t17 runs on day 4, and gives t14's on-time room
        // to weight-8 work. Placing only on-time work during the search kept t14 on time and
        // reached 3705 (0.92); the exact mode needs more than its budget to find the rest. The
        // heuristic alone (with the steps it takes before the exact mode) must now get there.
        const std::optional<Solution> solution = solveOwnHeuristically(QStringLiteral("d5_n20_m10_sp2_s7084"), 10000);
        QVERIFY2(solution, "instance missing or its plan breaks a hard rule");
        QCOMPARE(solution->value, 4020LL);
    }

    void heuristicPutsAPredecessorLateToFreeItsRoom()
    {
        // Twelve free slots. P (weight 1) is due at 4; D (weight 8) needs P finished and is due
        // at 12; X (weight 4, one block of 4) is due at 4 too. Best: X in 0-4, P late in 4-8
        // (it earns nothing there, but D may follow), D in 8-12: 4*4 + 8*4 = 48 weighted slots.
        // Ruin and recreate alone keeps P on time (a predecessor stays while its dependent is
        // planned, and comes back first when both go): X never fits, 36. The heuristic alone
        // must now find 48 (the same move took d28_n100_m30_sp10_s7191 from 24,630 to 25,005).
        Problem p = oneStretch(12);
        p.planLate = true;
        p.tasks.push_back(slotTask(QStringLiteral("P"), 1, 4, 4, 4, 4));
        p.tasks.push_back(slotTask(QStringLiteral("D"), 8, 4, 4, 4, 12));
        p.tasks.back().deps = {0};
        SlotTask x = slotTask(QStringLiteral("X"), 4, 4, 4, 4, 4);
        x.splittable = false;
        p.tasks.push_back(x);
        p.exactBudgetMs = 0;
        const Solution heuristic = solve(p);
        QCOMPARE(planBreaches(p, heuristic.blocks), QStringList());
        QCOMPARE(heuristic.value, qint64(48 * 15));
        QCOMPARE(heuristic.blocks, (std::vector<Block>{{2, 0, 4}, {0, 4, 8}, {1, 8, 12}}));
    }

    void lateWorkLetsItsDependentFollow()
    {
        // Eight free slots; slots 0-2 are too few for P (4 slots, due at 2), so P can only be
        // late. D (weight 8, no deadline) needs P finished. The last pass places late work in
        // priority order, D before P: D had to wait, and once P was placed late nothing
        // placed D. Now D follows P: P in 0-4, D in 4-8.
        Problem p = oneStretch(8);
        p.planLate = true;
        p.tasks.push_back(slotTask(QStringLiteral("P"), 1, 4, 4, 4, 2));
        p.tasks.push_back(slotTask(QStringLiteral("D"), 8, 4, 4, 4, 8));
        p.tasks.back().hasDeadline = false;
        p.tasks.back().deps = {0};
        p.exactBudgetMs = 0;
        p.searchSteps = 0; // the last pass alone
        const Solution plan = solve(p);
        QCOMPARE(planBreaches(p, plan.blocks), QStringList());
        QCOMPARE(plan.blocks, (std::vector<Block>{{0, 0, 4}, {1, 4, 8}}));
        QCOMPARE(plan.value, qint64((8 * 4 + 2) * 15)); // D, and P's two slots before its deadline
    }

    void deterministic()
    {
        std::optional<interop::FocusbenchInstance> instance = loadInstance(QStringLiteral("d5_n12_m8_s2"));
        if (!instance)
            QSKIP("benchmark instance not available");
        instance->problem.exactBudgetMs = proofBudgetMs;
        const Solution a = solve(instance->problem);
        const Solution b = solve(instance->problem);
        QVERIFY(a.provenOptimal);
        QCOMPARE(a.blocks, b.blocks);
        QCOMPARE(a.value, b.value);
    }

    void tooBigFallsBackToHeuristic()
    {
        // More tasks than the exact mode takes on: the heuristic alone, no exact proof.
        Problem p = oneStretch(160);
        for (int i = 0; i < ExactSolver::maxTasks + 5; ++i)
            p.tasks.push_back(slotTask(QStringLiteral("t%1").arg(i), 1 << (i % 4), 4, 2, 4, 40 + i * 3));
        QVERIFY(!ExactSolver::qualifies(p));
        const Solution solution = solve(p);
        // Only the relaxed bound, and a proof only where the plan reaches it.
        QCOMPARE(solution.bound, relaxedValueBound(p));
        QVERIFY(solution.bound >= solution.value);
        QCOMPARE(solution.provenOptimal, solution.value == solution.bound);
        p.exactBudgetMs = 0;
        QCOMPARE(solve(p).blocks, solution.blocks);
    }

    void relaxedBoundFillsTheHeaviestWorkFirst()
    {
        // Eight free slots, slot 2 taken by a pinned block of C. A (weight 8, 6 slots) is due
        // at 4: at most 3 of its slots fit (0, 1, 3). B (weight 4, 6 slots, released at 4)
        // takes 4-8. C (weight 2) has nothing left. Bound: 8*3 + 4*4 + C's pinned 2*1.
        Problem p = oneStretch(8);
        p.tasks.push_back(slotTask(QStringLiteral("A"), 8, 6, 1, 8, 4));
        SlotTask b = slotTask(QStringLiteral("B"), 4, 6, 1, 8, 8);
        b.release = 4;
        p.tasks.push_back(b);
        p.tasks.push_back(slotTask(QStringLiteral("C"), 2, 3, 1, 8, 8));
        p.fixed.push_back({2, 2, 3});
        QCOMPARE(relaxedValueBound(p), qint64((8 * 3 + 4 * 4 + 2 * 1) * 15));
        // Work competing for one window: the heavier task is counted first, in full.
        Problem q = oneStretch(4);
        q.tasks.push_back(slotTask(QStringLiteral("light"), 1, 4, 1, 4, 4));
        q.tasks.push_back(slotTask(QStringLiteral("heavy"), 8, 3, 1, 4, 4));
        QCOMPARE(relaxedValueBound(q), qint64((8 * 3 + 1 * 1) * 15));
        QCOMPARE(relaxedValueBound(q, 1), qint64(-1)); // too many tasks to bound
    }

    void relaxedBoundIsNeverBelowAnOptimum_data()
    {
        QTest::addColumn<QString>("name");
        QTest::addColumn<qint64>("optimum");
        for (const auto &[name, optimum] : std::initializer_list<std::pair<const char *, qint64>>{
                 {"d5_n12_m8_s1", 3825}, {"d5_n12_m8_s2", 4545}, {"d5_n12_m8_s3", 7800}})
            QTest::newRow(name) << QString::fromLatin1(name) << optimum;
    }

    void relaxedBoundIsNeverBelowAnOptimum()
    {
        QFETCH(QString, name);
        QFETCH(qint64, optimum);
        std::optional<interop::FocusbenchInstance> instance = loadInstance(name);
        if (!instance)
            QSKIP(qPrintable(QStringLiteral("no benchmark instance at %1").arg(instancePath(name))));
        const qint64 bound = relaxedValueBound(instance->problem);
        QVERIFY2(bound >= optimum, qPrintable(QStringLiteral("bound %1, optimum %2").arg(bound).arg(optimum)));
    }

    void budgetKeepsAValidPlan()
    {
        // A budget too short for a proof still returns a valid plan at least as good as the
        // heuristic's; whether it is proven depends on the machine.
        std::optional<interop::FocusbenchInstance> instance = loadInstance(QStringLiteral("d5_n12_m8_s3"));
        if (!instance)
            QSKIP("benchmark instance not available");
        Problem &p = instance->problem;
        p.exactBudgetMs = 0;
        const Solution heuristic = solve(p);
        p.exactBudgetMs = 1;
        const Solution cut = solve(p);
        QVERIFY(cut.value >= heuristic.value);
        QVERIFY(cut.bound >= cut.value);
        QCOMPARE(planBreaches(p, cut.blocks), QStringList());
    }
};

QTEST_GUILESS_MAIN(TestExactPlanning)
#include "tst_exactplanning.moc"
