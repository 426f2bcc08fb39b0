#include "planning/schedule.h"

#include <algorithm>
#include <bit>

namespace fermata::planning {

Schedule::Schedule(const Problem &problem)
    : m_problem(&problem),
      m_owner(size_t(problem.slotCount), Unavailable),
      m_freeBits(size_t(problem.slotCount / 64 + 1), 0),
      m_kept(size_t(problem.slotCount), 0),
      m_blocks(problem.tasks.size()),
      m_planned(problem.tasks.size(), 0),
      m_dayUsed(size_t(std::max(problem.dayCount, 1)), 0),
      m_dependents(problem.tasks.size())
{
    for (int s = 0; s < problem.slotCount; ++s) {
        if (problem.free[size_t(s)])
            setOwner(s, Free);
    }
    for (const Block &b : problem.fixed) {
        for (int s = std::max(b.start, 0); s < std::min(b.end, problem.slotCount); ++s) {
            if (m_owner[size_t(s)] == Free && problem.dayCount > 0)
                ++m_dayUsed[size_t(problem.day[size_t(s)])];
            setOwner(s, FixedFocus);
        }
    }
    for (size_t t = 0; t < problem.tasks.size(); ++t) {
        for (int d : problem.tasks[t].deps)
            m_dependents[size_t(d)].push_back(int(t));
    }
}

void Schedule::setOwner(int slot, int owner)
{
    m_owner[size_t(slot)] = owner;
    const quint64 bit = quint64(1) << (slot & 63);
    if (owner == Free)
        m_freeBits[size_t(slot >> 6)] |= bit;
    else
        m_freeBits[size_t(slot >> 6)] &= ~bit;
}

int Schedule::nextFree(int start, int limit) const
{
    if (start >= limit)
        return limit;
    size_t w = size_t(start >> 6);
    quint64 word = m_freeBits[w] & (~quint64(0) << (start & 63));
    while (word == 0) {
        ++w;
        if (int(w << 6) >= limit)
            return limit;
        word = m_freeBits[w];
    }
    return std::min(limit, int(w << 6) + std::countr_zero(word));
}

int Schedule::freeEnd(int start, int limit) const
{
    if (start >= limit)
        return limit;
    size_t w = size_t(start >> 6);
    quint64 word = ~m_freeBits[w] & (~quint64(0) << (start & 63));
    while (word == 0) {
        ++w;
        if (int(w << 6) >= limit)
            return limit;
        word = ~m_freeBits[w];
    }
    return std::min(limit, int(w << 6) + std::countr_zero(word));
}

bool Schedule::fits(int task, int start, int end) const
{
    const Problem &p = *m_problem;
    if (start < 0 || end > p.slotCount || end <= start)
        return false;
    for (int s = start; s < end; ++s) {
        if (m_owner[size_t(s)] != Free)
            return false;
    }
    // Back-to-back blocks of one task count as one block: keep the merged length legal.
    int merged = end - start;
    for (int s = start - 1; s >= 0 && m_owner[size_t(s)] == task; --s)
        ++merged;
    for (int s = end; s < p.slotCount && m_owner[size_t(s)] == task; ++s)
        ++merged;
    if (merged > p.tasks[size_t(task)].maxChunk)
        return false;
    if (!p.dayCap.empty()) {
        // A block may cross midnight in the app; count its slots per day.
        int s = start;
        while (s < end) {
            const int d = p.day[size_t(s)];
            int n = 0;
            while (s < end && p.day[size_t(s)] == d) {
                ++n;
                ++s;
            }
            if (m_dayUsed[size_t(d)] + n > p.dayCap[size_t(d)])
                return false;
        }
    }
    return p.maxRun <= 0 || breakRuleHolds(start, end);
}

bool Schedule::breakRuleHolds(int start, int end) const
{
    // A run of focus slots whose gaps are shorter than a break counts as one stretch.
    const Problem &p = *m_problem;
    auto isFocus = [this](int s) { return m_owner[size_t(s)] >= 0 || m_owner[size_t(s)] == FixedFocus; };
    int left = start;
    for (int s = start - 1, gap = 0; s >= 0 && gap < p.breakSlots; --s) {
        if (isFocus(s)) {
            left = s;
            gap = 0;
        } else {
            ++gap;
        }
        if (start - s > p.maxRun + p.breakSlots)
            break;
    }
    int right = end;
    for (int s = end, gap = 0; s < p.slotCount && gap < p.breakSlots; ++s) {
        if (isFocus(s)) {
            right = s + 1;
            gap = 0;
        } else {
            ++gap;
        }
        if (s - end > p.maxRun + p.breakSlots)
            break;
    }
    return right - left <= p.maxRun;
}

void Schedule::place(int task, int start, int end, bool kept)
{
    for (int s = start; s < end; ++s) {
        setOwner(s, task);
        m_kept[size_t(s)] = kept ? 1 : 0;
        if (!m_dayUsed.empty() && m_problem->dayCount > 0)
            ++m_dayUsed[size_t(m_problem->day[size_t(s)])];
    }
    auto &list = m_blocks[size_t(task)];
    const Block b{task, start, end};
    list.insert(std::upper_bound(list.begin(), list.end(), b,
                                 [](const Block &x, const Block &y) { return x.start < y.start; }),
                b);
    m_planned[size_t(task)] += end - start;
}

void Schedule::removeBlock(int task, int start)
{
    auto &list = m_blocks[size_t(task)];
    auto it = std::find_if(list.begin(), list.end(), [start](const Block &b) { return b.start == start; });
    if (it == list.end())
        return;
    for (int s = it->start; s < it->end; ++s) {
        setOwner(s, Free);
        m_kept[size_t(s)] = 0;
        if (m_problem->dayCount > 0)
            --m_dayUsed[size_t(m_problem->day[size_t(s)])];
    }
    m_planned[size_t(task)] -= it->end - it->start;
    list.erase(it);
}

void Schedule::removeAll(int task)
{
    while (!m_blocks[size_t(task)].empty())
        removeBlock(task, m_blocks[size_t(task)].back().start);
}

int Schedule::plannedSlots(int task) const
{
    return m_planned[size_t(task)] + m_problem->tasks[size_t(task)].doneBefore;
}

int Schedule::remaining(int task) const
{
    const SlotTask &t = m_problem->tasks[size_t(task)];
    return std::max(0, t.length - m_planned[size_t(task)]);
}

int Schedule::finish(int task) const
{
    const auto &list = m_blocks[size_t(task)];
    int f = m_problem->tasks[size_t(task)].fixedEnd;
    for (const Block &b : list)
        f = std::max(f, b.end);
    return f;
}

int Schedule::firstStart(int task) const
{
    const auto &list = m_blocks[size_t(task)];
    return list.empty() ? INT_MAX : list.front().start;
}

long long Schedule::blockValue(int task, int start, int end) const
{
    const SlotTask &t = m_problem->tasks[size_t(task)];
    const int onTime = std::min(end, t.deadline) - start;
    return onTime > 0 ? (long long)onTime * t.weight * m_problem->slotMinutes : 0;
}

long long Schedule::taskValue(int task) const
{
    long long v = 0;
    for (const Block &b : m_blocks[size_t(task)])
        v += blockValue(task, b.start, b.end);
    return v;
}

long long Schedule::totalValue() const
{
    long long v = 0;
    for (size_t t = 0; t < m_blocks.size(); ++t)
        v += taskValue(int(t));
    return v;
}

int Schedule::blockCount() const
{
    int n = 0;
    for (const auto &list : m_blocks)
        n += int(list.size());
    return n;
}

int Schedule::earliestStart(int task) const
{
    const SlotTask &t = m_problem->tasks[size_t(task)];
    int e = std::max(t.release, 0);
    for (int d : t.deps) {
        if (!isComplete(d))
            return -1;
        e = std::max(e, finish(d));
    }
    return e;
}

int Schedule::latestEnd(int task, bool allowLate) const
{
    const SlotTask &t = m_problem->tasks[size_t(task)];
    int e = allowLate ? m_problem->slotCount : std::min(t.deadline, m_problem->slotCount);
    for (int q : m_dependents[size_t(task)])
        e = std::min(e, firstStart(q));
    return e;
}

bool Schedule::hasPlannedDependents(int task) const
{
    for (int q : m_dependents[size_t(task)]) {
        if (!m_blocks[size_t(q)].empty())
            return true;
    }
    return false;
}

std::vector<Block> Schedule::allBlocks() const
{
    std::vector<Block> all;
    for (const auto &list : m_blocks)
        all.insert(all.end(), list.begin(), list.end());
    std::sort(all.begin(), all.end(), [](const Block &a, const Block &b) { return a.start < b.start; });
    return all;
}

} // namespace fermata::planning
