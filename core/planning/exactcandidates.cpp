#include "planning/exactcandidates.h"


#include <algorithm>
#include <climits>

namespace fermata::planning {

int minBlockLength(const SlotTask &t) { return t.splittable ? std::min(t.minChunk, t.length) : t.length; }
int maxBlockLength(const SlotTask &t) { return t.splittable ? std::min(t.maxChunk, t.length) : t.length; }

namespace {

std::vector<quint8> predecessors(const Problem &p)
{
    std::vector<quint8> isPredecessor(p.tasks.size(), 0);
    for (const SlotTask &t : p.tasks) {
        for (int d : t.deps)
            isPredecessor[size_t(d)] = 1;
    }
    return isPredecessor;
}

// Calls add(start, end) for every candidate block of task i that starts at or after `lo`;
// returns false as soon as add does.
template<typename Add>
bool forEachBlock(const Problem &p, const std::vector<quint8> &usable, size_t i, int lo, bool isPredecessor, Add add)
{
    const SlotTask &t = p.tasks[i];
    int longest = maxBlockLength(t);
    if (p.maxRun > 0)
        longest = std::min(longest, p.maxRun); // no block outlasts a run without a break
    // As in the heuristic, blocks end by the deadline unless late work is allowed; then
    // a block may cross it, and a predecessor may even lie past it, to let its dependents
    // start (late work before the deadline earns nothing, so nothing else goes there).
    const int lastStart = p.planLate && isPredecessor ? p.slotCount : std::min(t.deadline, p.slotCount);
    const int lastEnd = p.planLate ? p.slotCount : std::min(t.deadline, p.slotCount);
    for (int start = std::max(lo, 0); start < lastStart; ++start) {
        int end = start;
        while (end < lastEnd && end - start < longest && usable[size_t(end)])
            ++end;
        for (int e = start + minBlockLength(t); e <= end; ++e) {
            if (!add(start, e))
                return false;
        }
    }
    return true;
}

// Earliest slot each task may start in: its release, and the earliest slot by which each
// predecessor can be complete. A predecessor with work left is complete once its blocks hold
// all that work; the earliest such slot, over its own candidate blocks alone (overlaps
// excluded, touching allowed: a relaxation, so no plan completes it sooner), comes from a
// knapsack over its blocks sorted by end. A dependent's block that starts before then is in
// no plan, so dropping it loses nothing; kept, it let the LP start a dependent "a little"
// long before its predecessor could be done (d5_n12_m4_sp2_s7066: relaxation 294 -> 261
// weighted slots, optimum 246). slotCount + 1: never (the dependent gets no block).
std::vector<int> earliestStarts(const Problem &p, const std::vector<quint8> &usable,
                                const std::vector<quint8> &isPredecessor)
{
    const size_t n = p.tasks.size();
    constexpr int unknown = -2;
    constexpr int visiting = -3;
    const int never = p.slotCount + 1;
    std::vector<int> earliest(n, unknown);
    std::vector<int> complete(n, unknown);
    auto startOf = [&](auto &self, size_t i) -> int {
        if (earliest[i] == visiting)
            return never; // a cycle (validate() marks its tasks invalid)
        if (earliest[i] != unknown)
            return earliest[i];
        earliest[i] = visiting;
        const SlotTask &t = p.tasks[i];
        int lo = std::max(t.release, 0);
        for (int d : t.deps) {
            const SlotTask &pred = p.tasks[size_t(d)];
            lo = std::max(lo, pred.fixedEnd);
            if (pred.length <= 0)
                continue;
            if (complete[size_t(d)] == unknown) {
                int done = never;
                if (!pred.invalid) {
                    std::vector<std::pair<int, int>> blocks; // (end, start)
                    forEachBlock(p, usable, size_t(d), self(self, size_t(d)), isPredecessor[size_t(d)] != 0,
                                 [&blocks](int start, int end) {
                                     blocks.push_back({end, start});
                                     return true;
                                 });
                    std::sort(blocks.begin(), blocks.end());
                    std::vector<int> byEnd(size_t(pred.length) + 1, never); // earliest end holding k slots
                    byEnd[0] = -1;
                    for (const auto &[end, start] : blocks) {
                        for (int k = pred.length - (end - start); k >= 0; --k) {
                            if (byEnd[size_t(k)] <= start)
                                byEnd[size_t(k + end - start)] = std::min(byEnd[size_t(k + end - start)], end);
                        }
                    }
                    done = byEnd[size_t(pred.length)];
                }
                complete[size_t(d)] = done;
            }
            lo = std::max(lo, complete[size_t(d)]);
        }
        earliest[i] = lo;
        return lo;
    };
    for (size_t i = 0; i < n; ++i)
        startOf(startOf, i);
    return earliest;
}

} // namespace

std::vector<Block> candidateBlocks(const Problem &p, const std::vector<quint8> &usable)
{
    const std::vector<quint8> isPredecessor = predecessors(p);
    const std::vector<int> earliest = earliestStarts(p, usable, isPredecessor);
    std::vector<Block> blocks;
    for (size_t i = 0; i < p.tasks.size(); ++i) {
        if (p.tasks[i].invalid || p.tasks[i].length <= 0)
            continue;
        forEachBlock(p, usable, i, earliest[i], isPredecessor[i] != 0, [&blocks, i](int start, int end) {
            blocks.push_back({int(i), start, end});
            return true;
        });
    }
    return blocks;
}

int countCandidateBlocks(const Problem &p, const std::vector<quint8> &usable, int limit)
{
    const std::vector<quint8> isPredecessor = predecessors(p);
    int count = 0;
    for (size_t i = 0; i < p.tasks.size(); ++i) {
        const SlotTask &t = p.tasks[i];
        if (t.invalid || t.length <= 0)
            continue;
        int lo = std::max(t.release, 0);
        for (int d : t.deps)
            lo = std::max(lo, p.tasks[size_t(d)].fixedEnd);
        if (!forEachBlock(p, usable, i, lo, isPredecessor[i] != 0, [&count, limit](int, int) { return ++count <= limit; }))
            break;
    }
    return count;
}

std::vector<int> workByStart(const std::vector<Block> &blocks, int length, int slotCount)
{
    length = std::max(length, 0);
    std::vector<int> byEnd(size_t(length) + 1, INT_MAX); // earliest end holding k slots
    byEnd[0] = INT_MIN;
    std::vector<int> most(size_t(slotCount) + 1, 0);
    int best = 0;
    size_t next = 0;
    for (int t = 0; t <= slotCount; ++t) {
        for (; next < blocks.size() && blocks[next].start <= t; ++next) {
            const int start = blocks[next].start;
            const int len = blocks[next].end - start;
            for (int k = length - len; k >= 0; --k) {
                if (byEnd[size_t(k)] <= start) {
                    byEnd[size_t(k + len)] = std::min(byEnd[size_t(k + len)], start + len);
                    best = std::max(best, k + len);
                }
            }
        }
        most[size_t(t)] = best;
    }
    return most;
}

} // namespace fermata::planning
