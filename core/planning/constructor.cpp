#include "planning/constructor.h"

#include <algorithm>
#include <numeric>

namespace fermata::planning {

int Constructor::usefulGap(const Problem &problem)
{
    int g = INT_MAX;
    for (const SlotTask &t : problem.tasks) {
        if (!t.invalid && t.length > 0)
            g = std::min(g, t.splittable ? std::min(t.minChunk, t.length) : t.length);
    }
    return g == INT_MAX ? 1 : std::max(g, 1);
}

Constructor::Constructor(Schedule &schedule)
    : m_schedule(schedule), m_placer(schedule), m_visited(schedule.problem().tasks.size(), 0)
{
    m_placer.setUsefulGap(usefulGap(schedule.problem()));
}

std::vector<int> Constructor::priorityOrder(const Problem &problem, int variant)
{
    std::vector<int> order(problem.tasks.size());
    std::iota(order.begin(), order.end(), 0);
    // Variants differ only among tasks of equal weight: which of them gets first pick.
    std::stable_sort(order.begin(), order.end(), [&problem, variant](int a, int b) {
        const SlotTask &x = problem.tasks[size_t(a)];
        const SlotTask &y = problem.tasks[size_t(b)];
        if (x.weight != y.weight)
            return x.weight > y.weight;
        if (variant == 1 && x.minChunk != y.minChunk)
            return x.minChunk > y.minChunk; // hard-to-fit chunks take the long gaps first
        if (variant == 2 && x.length != y.length)
            return x.length > y.length;
        if (variant == 3 && x.length != y.length)
            return x.length < y.length;
        if (variant < variantCount && x.deadline != y.deadline)
            return x.deadline < y.deadline;
        if (variant < variantCount)
            return x.release < y.release;
        return false;
    });
    if (variant >= variantCount) {
        // Seeded shuffle of each equal-weight group: a deterministic random restart.
        quint64 state = 0x9E3779B97F4A7C15ull * quint64(variant + 1);
        auto next = [&state] {
            state ^= state << 13;
            state ^= state >> 7;
            state ^= state << 17;
            return state;
        };
        for (size_t i = 0; i < order.size();) {
            size_t j = i;
            while (j < order.size() && problem.tasks[size_t(order[j])].weight == problem.tasks[size_t(order[i])].weight)
                ++j;
            for (size_t k = j - 1; k > i; --k)
                std::swap(order[k], order[i + size_t(next() % (k - i + 1))]);
            i = j;
        }
    }
    return order;
}

int Constructor::keepPrevious()
{
    const Problem &p = m_schedule.problem();
    std::vector<Block> previous = p.previous;
    std::sort(previous.begin(), previous.end(),
              [](const Block &a, const Block &b) { return a.start < b.start; });
    int kept = 0;
    for (const Block &b : previous) {
        if (b.task < 0 || size_t(b.task) >= p.tasks.size())
            continue;
        const SlotTask &t = p.tasks[size_t(b.task)];
        const int len = b.end - b.start;
        if (t.invalid || len <= 0 || len > m_schedule.remaining(b.task))
            continue;
        if (len < m_placer.minLength(b.task) || len > t.maxChunk)
            continue;
        const int lo = m_schedule.earliestStart(b.task);
        if (lo < 0 || b.start < lo || b.end > m_schedule.latestEnd(b.task, p.planLate))
            continue;
        if (!m_schedule.fits(b.task, b.start, b.end))
            continue;
        m_schedule.place(b.task, b.start, b.end, true);
        ++kept;
    }
    return kept;
}

void Constructor::build(int variant)
{
    // The second half of the starts (small problems get 16) finish predecessors early.
    m_placer.setFinishPredecessorsEarly(variant >= 8);
    for (int task : priorityOrder(m_schedule.problem(), variant))
        placeWithDependencies(task, 0);
}

void Constructor::placeWithDependencies(int task, int depth)
{
    if (m_visited[size_t(task)] || depth > 64)
        return; // visited, or a (rejected) cycle: bounded either way
    m_visited[size_t(task)] = 1;
    const SlotTask &t = m_schedule.problem().tasks[size_t(task)];
    if (t.invalid)
        return;
    for (int d : t.deps)
        placeWithDependencies(d, depth + 1);
    m_placer.place(task, false);
}

} // namespace fermata::planning
