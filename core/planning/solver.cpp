#include "planning/solver.h"

#include "planning/constructor.h"
#include "planning/exactsolver.h"
#include "planning/improver.h"
#include "planning/plancheck.h"
#include "planning/placement.h"
#include "planning/ruinrecreate.h"
#include "planning/schedule.h"
#include "planning/valuebound.h"

#include <algorithm>
#include <optional>

namespace fermata::planning {

namespace {

constexpr int exactStartSteps = 10000;

int lnsSteps(const Problem &problem, size_t size)
{
    // The search gets a roughly constant amount of work, sized by the time targets rather
    // than by the public instances: a week of 50 tasks ~15 ms (target 50), four weeks of 500
    // ~50 ms (target 300), a year none (its construction is already near its capacity bound).
    // Forty times the earlier step count took the mean ratio to the proven optimum on
    // focusbench-own from 0.992 to 0.998; beyond that the gain flattens (tests/bench/planner).
    if (size == 0 || size > 1000)
        return 0;
    const int byWeek = int(std::min<size_t>(6000, 100000 / size));
    // Past a week there is room under the targets, and the plans had most to gain (14 x 40 and
    // 28 x 100 weeks of focusbench-own lost 2-5% to their best known plans): ~250 ms of steps
    // for 100 tasks (4,000 steps; 1,700 left four weeks of 100 tasks at 0.9955 of their proven
    // optima and 0.9830 of their bounds, 4,000 reach 0.9987 and 0.9859, 6,000 no more). A step's
    // cost grows faster than the task count (0.06 ms at 100 tasks, 0.36 ms at 500), so four
    // weeks of 500 tasks keep the steps they had (target 300 ms).
    const qint64 days = qint64(problem.slotCount) * problem.slotMinutes / 1440;
    if (days <= 7)
        return byWeek;
    const qint64 tasks = std::max<qint64>(qint64(problem.tasks.size()), 1);
    const int byTasks = int(std::min<qint64>(600000 / tasks, 40000000 / (tasks * tasks)));
    return std::min(6000, std::max(byWeek, byTasks));
}

// The heuristic: a few deterministic starts (different tie orders among equal weights), the
// best improved by ruin and recreate and polished. Big problems get fewer starts so the time
// stays bounded. Late work is placed only where a predecessor's dependent needs it (the
// rest comes last, in solve()).
Schedule searchHeuristic(const Problem &problem, int &kept, bool exactFollows)
{
    const size_t size = problem.tasks.size() + size_t(problem.slotCount) / 16;
    const int starts = size > 4000 ? 1 : size > 1000 ? 2 : size > 400 ? Constructor::variantCount : 16;
    std::optional<Schedule> best;
    for (int variant = 0; variant < starts; ++variant) {
        Schedule candidate(problem);
        Constructor constructor(candidate);
        const int keptNow = constructor.keepPrevious();
        constructor.build(variant);
        Improver(candidate).run();
        if (!best || candidate.totalValue() > best->totalValue()
            || (candidate.totalValue() == best->totalValue() && candidate.blockCount() < best->blockCount())) {
            best.emplace(std::move(candidate));
            kept = keptNow;
        }
    }
    Schedule &schedule = *best;
    // Then ruin and recreate, with a step count that shrinks as the problem grows.
    // Before the exact mode a better start plan is worth ~40 ms: the MIP's own heuristics
    // find little in its budget, so its incumbent is mostly ours (5 x 12 and 5 x 20 weeks).
    const int steps = problem.searchSteps >= 0 ? problem.searchSteps
                      : exactFollows          ? std::max(lnsSteps(problem, size), exactStartSteps)
                                              : lnsSteps(problem, size);
    if (steps > 0) {
        RuinRecreate search(schedule, 1);
        search.run(steps);
        search.deferPredecessors();
    }
    Improver(schedule).pullEarlier();
    if (problem.preferDayParts)
        Improver(schedule, int(problem.tasks.size()) * 4 + 100).preferDayParts();
    return std::move(*best);
}

int keptCount(const Problem &problem, const std::vector<Block> &blocks)
{
    return int(std::count_if(blocks.begin(), blocks.end(), [&problem](const Block &b) {
        return std::find(problem.previous.begin(), problem.previous.end(), b) != problem.previous.end();
    }));
}

// The exact mode on a small problem: its plan replaces the heuristic's only when it passes
// every hard rule and is better in value, or equal in value and keeps more of the previous
// plan. On a tie the heuristic's plan stays: it is polished (early, in preferred parts of the
// day) and unchanged where the heuristic was already optimal. Fills the proof and bound.
void searchExact(const Problem &problem, Schedule &schedule, Solution &solution)
{
    const ExactResult exact = ExactSolver::solve(problem, schedule.allBlocks(), problem.exactBudgetMs);
    const long long fixed = fixedBlocksValue(problem);
    if (exact.bound >= 0)
        solution.bound = fixed + exact.bound;
    if (exact.found && planBreaches(problem, exact.blocks).isEmpty()) {
        Schedule candidate(problem);
        for (const Block &b : exact.blocks) {
            const bool same = std::find(problem.previous.begin(), problem.previous.end(), b) != problem.previous.end();
            candidate.place(b.task, b.start, b.end, same);
        }
        const int kept = keptCount(problem, exact.blocks);
        const int heuristicKept = keptCount(problem, schedule.allBlocks());
        if (candidate.totalValue() > schedule.totalValue()
            || (candidate.totalValue() == schedule.totalValue() && kept > heuristicKept)) {
            schedule = std::move(candidate);
            solution.keptFromPrevious = kept;
        }
    }
    solution.provenOptimal = solution.bound >= 0 && fixed + schedule.totalValue() >= solution.bound;
}

} // namespace

Solution solve(const Problem &problem)
{
    Solution solution;
    const bool exact = problem.exactBudgetMs > 0 && ExactSolver::qualifies(problem);
    Schedule schedule = searchHeuristic(problem, solution.keptFromPrevious, exact);
    if (exact)
        searchExact(problem, schedule, solution);

    if (problem.planLate) {
        // Work that cannot make its deadline is still worth planning; it is reported late.
        // The exact mode plans on-time work only, so the previous plan's late blocks come
        // back first wherever they still fit: a re-plan moves late work no more than on-time.
        solution.keptFromPrevious += Constructor(schedule).keepPrevious();
        // Until nothing more fits: a dependent earlier in the order than its predecessor
        // can only start once the predecessor has been placed (late) after it.
        ChunkPlacer placer(schedule);
        const std::vector<int> order = Constructor::priorityOrder(problem);
        for (bool placed = true; placed;) {
            placed = false;
            for (int task : order)
                placed = placer.place(task, true) > 0 || placed;
        }
    }

    solution.blocks = schedule.allBlocks();
    const size_t n = problem.tasks.size();
    solution.plannedSlots.assign(n, 0);
    solution.onTimeSlots.assign(n, 0);
    for (size_t t = 0; t < n; ++t)
        solution.plannedSlots[t] = problem.tasks[t].doneBefore;
    for (const Block &b : solution.blocks) {
        const SlotTask &t = problem.tasks[size_t(b.task)];
        solution.plannedSlots[size_t(b.task)] += b.end - b.start;
        solution.onTimeSlots[size_t(b.task)] += std::max(0, std::min(b.end, t.deadline) - b.start);
    }
    for (const Block &b : problem.fixed) {
        if (b.task >= 0 && size_t(b.task) < n) {
            const SlotTask &t = problem.tasks[size_t(b.task)];
            solution.onTimeSlots[size_t(b.task)] += std::max(0, std::min(b.end, t.deadline) - b.start);
        }
    }
    for (size_t t = 0; t < n; ++t)
        solution.value += (long long)solution.onTimeSlots[t] * problem.tasks[t].weight * problem.slotMinutes;
    if (!solution.provenOptimal) {
        // Without the exact mode's proof, the relaxed bound still tells how far off at most.
        if (const qint64 relaxed = relaxedValueBound(problem); relaxed >= 0)
            solution.bound = solution.bound >= 0 ? std::min(solution.bound, relaxed) : relaxed;
        solution.provenOptimal = solution.bound >= 0 && solution.value >= solution.bound;
    }
    return solution;
}

} // namespace fermata::planning
