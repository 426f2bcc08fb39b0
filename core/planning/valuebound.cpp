#include "planning/valuebound.h"

#include <algorithm>
#include <functional>
#include <queue>

namespace fermata::planning {

namespace {

struct Demand
{
    int release = 0;
    int deadline = 0;
    int units = 0;
};

// Whether every demand fits into the open slots, each unit in a slot of its own inside its
// window: earliest deadline first, which fits a set whenever any order does.
bool fits(const std::vector<Demand> &byRelease, const std::vector<int> &openSlots)
{
    using Pending = std::pair<int, int>; // (deadline, index)
    std::priority_queue<Pending, std::vector<Pending>, std::greater<>> ready;
    std::vector<int> left(byRelease.size());
    for (size_t i = 0; i < byRelease.size(); ++i)
        left[i] = byRelease[i].units;
    size_t next = 0;
    for (int slot : openSlots) {
        while (next < byRelease.size() && byRelease[next].release <= slot) {
            if (left[next] > 0)
                ready.emplace(byRelease[next].deadline, int(next));
            ++next;
        }
        while (!ready.empty() && left[size_t(ready.top().second)] == 0)
            ready.pop();
        if (ready.empty())
            continue;
        if (ready.top().first <= slot)
            return false; // its deadline passed with work left
        --left[size_t(ready.top().second)];
    }
    return std::all_of(left.begin(), left.end(), [](int l) { return l == 0; });
}

} // namespace

qint64 fixedBlocksValue(const Problem &problem)
{
    qint64 value = 0;
    for (const Block &b : problem.fixed) {
        if (b.task >= 0 && size_t(b.task) < problem.tasks.size()) {
            const SlotTask &t = problem.tasks[size_t(b.task)];
            value += qint64(std::max(0, std::min(b.end, t.deadline) - b.start)) * t.weight * problem.slotMinutes;
        }
    }
    return value;
}

qint64 relaxedValueBound(const Problem &problem, int maxTasks)
{
    if (problem.tasks.size() > size_t(maxTasks))
        return -1;
    std::vector<quint8> open(size_t(problem.slotCount), 0);
    for (int s = 0; s < problem.slotCount; ++s)
        open[size_t(s)] = size_t(s) < problem.free.size() && problem.free[size_t(s)];
    qint64 value = fixedBlocksValue(problem);
    for (const Block &b : problem.fixed) {
        for (int s = std::max(b.start, 0); s < std::min(b.end, problem.slotCount); ++s)
            open[size_t(s)] = 0;
    }
    std::vector<int> openSlots;
    for (int s = 0; s < problem.slotCount; ++s) {
        if (open[size_t(s)])
            openSlots.push_back(s);
    }

    std::vector<int> order;
    for (size_t t = 0; t < problem.tasks.size(); ++t) {
        const SlotTask &task = problem.tasks[t];
        if (!task.invalid && task.length > 0 && task.weight > 0 && task.deadline > task.release)
            order.push_back(int(t));
    }
    std::stable_sort(order.begin(), order.end(), [&problem](int a, int b) {
        return problem.tasks[size_t(a)].weight > problem.tasks[size_t(b)].weight;
    });
    std::vector<Demand> accepted; // sorted by release
    for (int t : order) {
        const SlotTask &task = problem.tasks[size_t(t)];
        const int windowSlots = int(std::upper_bound(openSlots.begin(), openSlots.end(), task.deadline - 1)
                                    - std::lower_bound(openSlots.begin(), openSlots.end(), task.release));
        const Demand demand{task.release, task.deadline, 0};
        const auto at = std::upper_bound(accepted.begin(), accepted.end(), demand,
                                         [](const Demand &x, const Demand &y) { return x.release < y.release; });
        const auto position = at - accepted.begin();
        accepted.insert(at, demand);
        // The most units of this task that still fit with everything heavier (monotone).
        int lo = 0;
        int hi = std::min(task.length, windowSlots);
        while (lo < hi) {
            const int mid = (lo + hi + 1) / 2;
            accepted[size_t(position)].units = mid;
            if (fits(accepted, openSlots))
                lo = mid;
            else
                hi = mid - 1;
        }
        accepted[size_t(position)].units = lo;
        value += qint64(lo) * task.weight * problem.slotMinutes;
    }
    return value;
}

} // namespace fermata::planning
