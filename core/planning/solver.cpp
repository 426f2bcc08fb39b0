#include "planning/solver.h"

#include "planning/constructor.h"
#include "planning/improver.h"
#include "planning/placement.h"
#include "planning/ruinrecreate.h"
#include "planning/schedule.h"

#include <algorithm>
#include <optional>

namespace fermata::planning {

namespace {
int lnsSteps(size_t size)
{
    // The search gets a roughly constant amount of work: small problems many steps, a month
    // of 500 tasks a few, a year none (its construction is already near its capacity bound).
    // This keeps a week of 50 tasks within a few milliseconds, as re-planning on every edit needs.
    if (size == 0 || size > 1000)
        return 0;
    return int(std::min<size_t>(200, 2500 / size));
}
} // namespace

Solution solve(const Problem &problem)
{
    // A few deterministic starts (different tie orders among equal weights); the best wins.
    // Big problems get fewer starts so the time stays bounded.
    const size_t size = problem.tasks.size() + size_t(problem.slotCount) / 16;
    const int starts = size > 4000 ? 1 : size > 1000 ? 2 : size > 400 ? Constructor::variantCount : 16;
    std::optional<Schedule> best;
    Solution solution;
    for (int variant = 0; variant < starts; ++variant) {
        Schedule candidate(problem);
        Constructor constructor(candidate);
        const int kept = constructor.keepPrevious();
        constructor.build(variant);
        Improver(candidate).run();
        if (!best || candidate.totalValue() > best->totalValue()
            || (candidate.totalValue() == best->totalValue() && candidate.blockCount() < best->blockCount())) {
            best.emplace(std::move(candidate));
            solution.keptFromPrevious = kept;
        }
    }
    Schedule &schedule = *best;
    // Then ruin and recreate, with a step count that shrinks as the problem grows.
    const int steps = problem.searchSteps >= 0 ? problem.searchSteps : lnsSteps(size);
    if (steps > 0)
        RuinRecreate(schedule, 1).run(steps);
    Improver(schedule).pullEarlier();
    if (problem.preferDayParts)
        Improver(schedule, int(problem.tasks.size()) * 4 + 100).preferDayParts();

    if (problem.planLate) {
        // Work that cannot make its deadline is still worth planning; it is reported late.
        ChunkPlacer placer(schedule);
        for (int task : Constructor::priorityOrder(problem))
            placer.place(task, true);
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
    return solution;
}

} // namespace fermata::planning
