#include "planning/placement.h"

#include <algorithm>

namespace fermata::planning {

ChunkPlacer::ChunkPlacer(Schedule &schedule) : m_schedule(schedule) {}

int ChunkPlacer::minLength(int task) const
{
    const SlotTask &t = m_schedule.problem().tasks[size_t(task)];
    const int rest = m_schedule.remaining(task);
    if (!t.splittable)
        return rest;
    return std::min(t.minChunk, t.length);
}

int ChunkPlacer::maxLength(int task) const
{
    const SlotTask &t = m_schedule.problem().tasks[size_t(task)];
    const int rest = m_schedule.remaining(task);
    return t.splittable ? std::min(t.maxChunk, rest) : rest;
}

int ChunkPlacer::chunkFor(int task, int start, int gap) const
{
    const int lo = minLength(task);
    const int rest = m_schedule.remaining(task);
    int c = std::min(maxLength(task), gap);
    if (c < lo || c <= 0)
        return 0;
    // Leave a remainder that can still become a legal block of its own.
    if (rest - c > 0 && rest - c < lo && rest - lo >= lo)
        c = std::min(c, rest - lo);
    for (; c >= lo; --c) {
        if (m_schedule.fits(task, start, start + c))
            return c;
    }
    return 0;
}

std::optional<Block> ChunkPlacer::findLatestChunk(int task, int lo, int hi) const
{
    const int rest = m_schedule.remaining(task);
    const int need = minLength(task);
    std::vector<std::pair<int, int>> gaps;
    for (int s = m_schedule.nextFree(lo, hi); s < hi; s = m_schedule.nextFree(s, hi)) {
        const int e = m_schedule.freeEnd(s, hi);
        if (e - s >= need)
            gaps.push_back({s, e});
        s = e;
    }
    for (auto g = gaps.rbegin(); g != gaps.rend(); ++g) {
        int c = std::min(maxLength(task), g->second - g->first);
        if (rest - c > 0 && rest - c < need && rest - need >= need)
            c = std::min(c, rest - need);
        // Anchored at the gap's end, then a little earlier (a break may be due after it).
        for (int shift = 0; shift <= m_schedule.problem().breakSlots; ++shift) {
            const int e = g->second - shift;
            for (int len = c; len >= need && e - len >= g->first; --len) {
                if (m_schedule.fits(task, e - len, e))
                    return Block{task, e - len, e};
            }
            if (m_schedule.problem().maxRun <= 0)
                break;
        }
    }
    return std::nullopt;
}

std::optional<Block> ChunkPlacer::findChunk(int task, int lo, int hi) const
{
    const int rest = m_schedule.remaining(task);
    if (rest <= 0 || lo >= hi)
        return std::nullopt;
    if (m_latest)
        return findLatestChunk(task, lo, hi);
    const int need = minLength(task);
    const bool finishEarly = m_finishPredecessorsEarly && !m_schedule.dependents(task).empty();
    // Classes, best first: fills its gap (or leaves a usable rest) and leaves the task a
    // plannable remainder; then either of the two; then anything that fits.
    std::optional<Block> found[3];
    for (int s = m_schedule.nextFree(lo, hi); s < hi; s = m_schedule.nextFree(s, hi)) {
        const int e = m_schedule.freeEnd(s, hi);
        if (e - s >= need) {
            int c = chunkFor(task, s, e - s);
            // Right after other focus work a break may be due: start a little later.
            for (int k = 1; c == 0 && k <= m_schedule.problem().breakSlots && m_schedule.problem().maxRun > 0; ++k) {
                if (e - s - k >= need && chunkFor(task, s + k, e - s - k) > 0) {
                    s += k;
                    c = chunkFor(task, s, e - s);
                }
            }
            if (c > 0) {
                const int waste = e - s - c;
                // The gap's true end may lie past hi; a rest there is not wasted.
                const bool openEnd = e == hi && hi < m_schedule.problem().slotCount && m_schedule.isFree(hi);
                const bool tidyGap = waste == 0 || waste >= m_usefulGap || openEnd;
                const bool tidyTask = rest - c == 0 || rest - c >= need;
                const int cls = tidyGap && tidyTask ? 0 : tidyTask ? 1 : 2;
                if (cls == 0 || (finishEarly && cls == 1))
                    return Block{task, s, s + c};
                if (!found[cls])
                    found[cls] = Block{task, s, s + c};
            }
        }
        s = e;
    }
    return found[1] ? found[1] : found[2];
}

int ChunkPlacer::placeWithin(int task, int lo, int hi, int chunkLimit)
{
    int placed = 0;
    for (int n = 0; n < chunkLimit && m_schedule.remaining(task) > 0; ++n) {
        const std::optional<Block> b = findChunk(task, lo, hi);
        if (!b)
            break;
        m_schedule.place(task, b->start, b->end);
        placed += b->end - b->start;
    }
    return placed;
}

int ChunkPlacer::place(int task, bool allowLate)
{
    const SlotTask &t = m_schedule.problem().tasks[size_t(task)];
    if (t.invalid || m_schedule.remaining(task) <= 0)
        return 0;
    const int lo = m_schedule.earliestStart(task);
    if (lo < 0)
        return 0;
    const int hi = m_schedule.latestEnd(task, allowLate);
    return placeWithin(task, lo, hi);
}

} // namespace fermata::planning
