// The improver's re-packing move: a stretch of time between fixed things is emptied and
// filled again with the chunks that earn most, chosen by a knapsack over the best candidates.
#include "planning/improver.h"

#include <algorithm>

namespace fermata::planning {

namespace {
constexpr int maxCandidates = 24;
}

bool Improver::isMovable(int slot) const
{
    const int o = m_schedule.owner(slot);
    if (o == Schedule::Free)
        return true;
    if (o < 0 || m_schedule.isKept(slot))
        return false;
    return !m_schedule.hasPlannedDependents(o);
}

bool Improver::repackAll()
{
    const Problem &p = m_schedule.problem();
    bool improved = false;
    int s = 0;
    while (s < p.slotCount && m_budget > 0) {
        while (s < p.slotCount && !isMovable(s))
            ++s;
        int e = s;
        while (e < p.slotCount && isMovable(e))
            ++e;
        if (e > s) {
            --m_budget;
            improved = repack(s, e) || improved;
        }
        s = e;
    }
    return improved;
}

bool Improver::repack(int a, int b)
{
    const Problem &p = m_schedule.problem();
    const int length = b - a;
    struct Current
    {
        int task;
        int slots;
    };
    std::vector<Block> present;
    for (int s = a; s < b; ++s) {
        const int o = m_schedule.owner(s);
        if (o >= 0 && (present.empty() || present.back().task != o || present.back().end <= s)) {
            for (const Block &blk : m_schedule.blocksOf(o)) {
                if (blk.start <= s && s < blk.end)
                    present.push_back(blk);
            }
        }
    }
    long long currentValue = 0;
    for (const Block &blk : present)
        currentValue += m_schedule.blockValue(blk.task, blk.start, blk.end);

    // Candidates: tasks whose window covers the stretch, most valuable first.
    struct Cand
    {
        int task;
        int avail;  // slots it may take here
        int minLen;
        int maxLen;
        bool exact; // unsplittable: all or nothing
    };
    std::vector<Cand> cands;
    auto inStretch = [&](int task) {
        int n = 0;
        for (const Block &blk : present)
            n += blk.task == task ? blk.end - blk.start : 0;
        return n;
    };
    auto consider = [&](int task) {
        for (const Cand &c : cands) {
            if (c.task == task)
                return;
        }
        const SlotTask &t = p.tasks[size_t(task)];
        if (t.invalid)
            return;
        const int here = inStretch(task);
        const int avail = m_schedule.remaining(task) + here;
        if (avail <= 0)
            return;
        const int lo = m_schedule.earliestStart(task);
        if (lo < 0 || lo > a || m_schedule.latestEnd(task, false) < b)
            return;
        // Its own blocks right outside the stretch would merge with a chunk at the edge.
        if ((a > 0 && m_schedule.owner(a - 1) == task) || (b < p.slotCount && m_schedule.owner(b) == task))
            return;
        if (!t.splittable && here != avail)
            return;
        const int minLen = t.splittable ? std::min(t.minChunk, t.length) : t.length;
        const int maxLen = std::min(t.splittable ? t.maxChunk : t.length, std::min(avail, length));
        if (maxLen < minLen || minLen <= 0)
            return;
        cands.push_back({task, avail, minLen, maxLen, !t.splittable});
    };
    for (const Block &blk : present)
        consider(blk.task);
    for (size_t i = 0; i < m_order.size() && int(cands.size()) < maxCandidates; ++i) {
        if (m_schedule.remaining(m_order[i]) > 0)
            consider(m_order[i]);
    }
    if (cands.empty())
        return false;

    // Knapsack: best[k][cap] over the first k candidates, each used at most once.
    const size_t n = cands.size();
    const size_t width = size_t(length) + 1;
    std::vector<long long> best((n + 1) * width, 0);
    std::vector<int> take((n + 1) * width, 0);
    for (size_t k = 1; k <= n; ++k) {
        const Cand &c = cands[k - 1];
        const long long perSlot = (long long)p.tasks[size_t(c.task)].weight * p.slotMinutes;
        for (int cap = 0; cap <= length; ++cap) {
            long long v = best[(k - 1) * width + size_t(cap)];
            int chosen = 0;
            for (int len = c.exact ? c.maxLen : c.minLen; len <= std::min(c.maxLen, cap); ++len) {
                const long long w = best[(k - 1) * width + size_t(cap - len)] + perSlot * len;
                if (w > v) {
                    v = w;
                    chosen = len;
                }
            }
            best[k * width + size_t(cap)] = v;
            take[k * width + size_t(cap)] = chosen;
        }
    }
    if (best[n * width + size_t(length)] <= currentValue)
        return false;

    std::vector<Block> chosen;
    for (size_t k = n, cap = size_t(length); k > 0; --k) {
        const int len = take[k * width + cap];
        if (len > 0) {
            chosen.push_back({cands[k - 1].task, 0, len});
            cap -= size_t(len);
        }
    }
    // Earliest deadline first inside the stretch.
    std::sort(chosen.begin(), chosen.end(), [&p](const Block &x, const Block &y) {
        const SlotTask &tx = p.tasks[size_t(x.task)];
        const SlotTask &ty = p.tasks[size_t(y.task)];
        return tx.deadline != ty.deadline ? tx.deadline < ty.deadline : x.task < y.task;
    });
    for (const Block &blk : present)
        m_schedule.removeBlock(blk.task, blk.start);
    int at = a;
    std::vector<Block> placed;
    bool ok = true;
    for (const Block &c : chosen) {
        const int len = c.end;
        if (!m_schedule.fits(c.task, at, at + len)) {
            ok = false;
            break;
        }
        m_schedule.place(c.task, at, at + len);
        placed.push_back({c.task, at, at + len});
        at += len;
    }
    if (ok)
        return true;
    for (const Block &blk : placed)
        m_schedule.removeBlock(blk.task, blk.start);
    for (const Block &blk : present)
        m_schedule.place(blk.task, blk.start, blk.end);
    return false;
}

} // namespace fermata::planning
