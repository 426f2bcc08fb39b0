#include "planning/improver.h"

#include "planning/constructor.h"

#include <algorithm>

namespace fermata::planning {

Improver::Improver(Schedule &schedule)
    : m_schedule(schedule), m_placer(schedule), m_order(Constructor::priorityOrder(schedule.problem()))
{
    const Problem &p = schedule.problem();
    m_budget = p.improveBudget >= 0 ? p.improveBudget : int(20 * p.tasks.size()) + 200;
}

Improver::Improver(Schedule &schedule, int budget) : Improver(schedule)
{
    m_budget = budget;
}

void Improver::run()
{
    const Problem &p = m_schedule.problem();
    compact();
    repackAll();
    for (int round = 0; round < 8 && m_budget > 0; ++round) {
        bool improved = false;
        for (int task : m_order) {
            if (m_budget <= 0)
                break;
            const SlotTask &t = p.tasks[size_t(task)];
            if (t.invalid || m_schedule.remaining(task) <= 0 || m_schedule.earliestStart(task) < 0)
                continue;
            if (m_schedule.remaining(task) < m_placer.minLength(task))
                continue;
            --m_budget;
            if (insertWithEjection(task))
                improved = true;
        }
        compact();
        improved = repackAll() || improved;
        improved = consolidateAll() || improved;
        if (!improved)
            break;
    }
}

void Improver::Move::touch(const Schedule &schedule, int task)
{
    if (has(task))
        return;
    tasks.push_back(task);
    saved.push_back(schedule.blocksOf(task));
}

bool Improver::Move::has(int task) const
{
    return std::find(tasks.begin(), tasks.end(), task) != tasks.end();
}

void Improver::revert(Move &move)
{
    for (int t : move.tasks)
        m_schedule.removeAll(t);
    for (const auto &list : move.saved) {
        for (const Block &b : list)
            m_schedule.place(b.task, b.start, b.end);
    }
}

bool Improver::isEjectable(int task, int other, int slot, int depth, const Move *move) const
{
    const Problem &p = m_schedule.problem();
    if (other == task || (move && move->has(other)))
        return false;
    const int wt = p.tasks[size_t(task)].weight;
    const int wo = p.tasks[size_t(other)].weight;
    // Equal weights only at the head of a chain (to make room for a longer or harder chunk);
    // further down only strictly cheaper work gives way, so chains end.
    // Blocks kept from the previous plan stay where they are: re-planning moves only what
    // the change touched.
    if (wo > wt || (wo == wt && depth > 0) || m_schedule.isKept(slot))
        return false;
    // A predecessor's blocks hold its dependents (maybe this task) up; leave them alone.
    if (m_schedule.hasPlannedDependents(other))
        return false;
    const auto &deps = p.tasks[size_t(task)].deps;
    return std::find(deps.begin(), deps.end(), other) == deps.end();
}

long long Improver::displacedValue(int task, int start, int end, int depth, const Move *move,
                                   std::vector<Block> *blocks) const
{
    long long loss = 0;
    blocks->clear();
    for (int s = start; s < end; ++s) {
        const int o = m_schedule.owner(s);
        if (o == Schedule::Free)
            continue;
        if (o < 0 || !isEjectable(task, o, s, depth, move))
            return -1;
        if (!blocks->empty() && blocks->back().task == o && blocks->back().end > s)
            continue;
        const auto &list = m_schedule.blocksOf(o);
        const auto it = std::find_if(list.begin(), list.end(), [s](const Block &b) { return b.start <= s && s < b.end; });
        if (it == list.end())
            return -1;
        blocks->push_back(*it);
        loss += m_schedule.blockValue(o, it->start, it->end);
    }
    return loss;
}

std::vector<Improver::Candidate> Improver::candidates(int task, int lo, int hi, int depth, const Move *move) const
{
    constexpr size_t keep = 3;
    const int minLen = m_placer.minLength(task);
    const int maxLen = m_placer.maxLength(task);
    const int rest = m_schedule.remaining(task);
    std::vector<Candidate> best;
    std::vector<Block> displaced;
    auto consider = [&](int s, int c) {
        if (s < lo || s + c > hi || c < minLen)
            return;
        const long long loss = displacedValue(task, s, s + c, depth, move, &displaced);
        if (loss < 0 || displaced.empty())
            return; // free room is the placer's job
        const long long gain = m_schedule.blockValue(task, s, s + c) - loss;
        if (gain < 0 || (gain == 0 && depth > 0))
            return;
        for (const Candidate &b : best) {
            if (b.start == s && b.end == s + c)
                return;
        }
        const Candidate cand{s, s + c, gain};
        const auto pos = std::find_if(best.begin(), best.end(), [gain](const Candidate &b) { return gain > b.gain; });
        best.insert(pos, cand);
        if (best.size() > keep)
            best.pop_back();
    };
    int s = lo;
    while (s < hi) {
        // A run of slots that are available and hold nothing fixed.
        while (s < hi && (m_schedule.owner(s) == Schedule::Unavailable || m_schedule.owner(s) == Schedule::FixedFocus))
            ++s;
        int e = s;
        while (e < hi && m_schedule.owner(e) != Schedule::Unavailable && m_schedule.owner(e) != Schedule::FixedFocus)
            ++e;
        const int run = e - s;
        if (run >= minLen) {
            int c = std::min(maxLen, run);
            if (rest - c > 0 && rest - c < minLen && rest - minLen >= minLen)
                c = rest - minLen;
            // Natural starts and ends: run edges, block edges, gap edges.
            for (int x = s; x < e; ++x) {
                if (x != s && m_schedule.owner(x) == m_schedule.owner(x - 1))
                    continue;
                consider(x, std::min(c, e - x));
                consider(x - c, c); // ending at this edge
            }
            consider(e - c, c);
        }
        s = e;
    }
    return best;
}

bool Improver::eject(int task, const Candidate &where, int depth, Move &move)
{
    std::vector<Block> displaced;
    if (displacedValue(task, where.start, where.end, depth, &move, &displaced) < 0)
        return false;
    move.touch(m_schedule, task);
    for (const Block &b : displaced) {
        move.touch(m_schedule, b.task);
        m_schedule.removeBlock(b.task, b.start);
    }
    if (!m_schedule.fits(task, where.start, where.end))
        return false;
    m_schedule.place(task, where.start, where.end);
    m_placer.place(task, false);
    for (const Block &b : displaced) {
        const int u = b.task;
        m_placer.place(u, false);
        if (depth >= 2 || m_schedule.remaining(u) < m_placer.minLength(u) || m_schedule.earliestStart(u) < 0)
            continue;
        const std::vector<Candidate> next = candidates(u, m_schedule.earliestStart(u), m_schedule.latestEnd(u, false), depth + 1, &move);
        if (!next.empty())
            eject(u, next.front(), depth + 1, move);
    }
    return true;
}

bool Improver::insertWithEjection(int task)
{
    const std::vector<Candidate> list = candidates(task, m_schedule.earliestStart(task), m_schedule.latestEnd(task, false), 0, nullptr);
    for (const Candidate &c : list) {
        Move move;
        move.touch(m_schedule, task);
        long long before = 0;
        std::vector<Block> displaced;
        displacedValue(task, c.start, c.end, 0, nullptr, &displaced);
        for (const Block &b : displaced)
            move.touch(m_schedule, b.task);
        for (int t : move.tasks)
            before += m_schedule.taskValue(t);
        const size_t knownBefore = move.tasks.size();
        // Tasks touched deeper in the chain add their old value when first touched.
        const bool done = eject(task, c, 0, move);
        for (size_t i = knownBefore; i < move.tasks.size(); ++i) {
            for (const Block &b : move.saved[i])
                before += m_schedule.blockValue(b.task, b.start, b.end);
        }
        long long after = 0;
        for (int t : move.tasks)
            after += m_schedule.taskValue(t);
        if (done && after > before)
            return true;
        revert(move);
    }
    return false;
}

bool Improver::consolidateAll()
{
    const Problem &p = m_schedule.problem();
    bool improved = false;
    for (int task : m_order) {
        const auto &blocks = m_schedule.blocksOf(task);
        const SlotTask &t = p.tasks[size_t(task)];
        if (blocks.empty() || m_budget <= 0 || m_schedule.hasPlannedDependents(task))
            continue;
        const int rest = m_schedule.remaining(task);
        const int needed = (t.length + std::max(t.maxChunk, 1) - 1) / std::max(t.maxChunk, 1);
        const bool stranded = rest > 0 && rest < m_placer.minLength(task);
        if (!stranded && int(blocks.size()) <= needed)
            continue;
        bool kept = false;
        for (const Block &b : blocks)
            kept = kept || m_schedule.isKept(b.start);
        if (kept)
            continue;
        --m_budget;
        const std::vector<Block> saved = blocks;
        const long long before = m_schedule.taskValue(task);
        m_schedule.removeAll(task);
        m_placer.place(task, false);
        const long long after = m_schedule.taskValue(task);
        if (after > before || (after == before && m_schedule.blocksOf(task).size() < saved.size())) {
            improved = true;
            continue;
        }
        m_schedule.removeAll(task);
        for (const Block &b : saved)
            m_schedule.place(task, b.start, b.end);
    }
    return improved;
}

void Improver::pullEarlier()
{
    for (const Block &b : m_schedule.allBlocks()) {
        if (m_schedule.isKept(b.start))
            continue;
        const int len = b.end - b.start;
        m_schedule.removeBlock(b.task, b.start);
        const int lo = std::max(m_schedule.earliestStart(b.task), 0);
        int at = b.start;
        for (int s = m_schedule.nextFree(lo, b.start); s < b.start; s = m_schedule.nextFree(s + 1, b.start)) {
            if (m_schedule.freeEnd(s, b.start + len) - s >= len && m_schedule.fits(b.task, s, s + len)) {
                at = s;
                break;
            }
        }
        m_schedule.place(b.task, at, at + len);
    }
}

void Improver::compact()
{
    const Problem &p = m_schedule.problem();
    for (const Block &b : m_schedule.allBlocks()) {
        if (m_schedule.isKept(b.start))
            continue;
        const int lo = std::max(p.tasks[size_t(b.task)].release, 0);
        int s = b.start;
        while (s > lo && m_schedule.isFree(s - 1))
            --s;
        if (s == b.start)
            continue;
        m_schedule.removeBlock(b.task, b.start);
        const int earliest = std::max(s, m_schedule.earliestStart(b.task));
        int at = b.start;
        for (int x = earliest; x < b.start; ++x) {
            if (m_schedule.fits(b.task, x, x + (b.end - b.start))) {
                at = x;
                break;
            }
        }
        m_schedule.place(b.task, at, at + (b.end - b.start));
    }
}

int Improver::preferredSlots(int task, int start, int end) const
{
    const Problem &p = m_schedule.problem();
    const quint8 want = quint8(p.tasks[size_t(task)].preferred);
    int n = 0;
    for (int s = start; s < end; ++s)
        n += p.part[size_t(s)] == want ? 1 : 0;
    return n;
}

int Improver::fragments(int task) const
{
    int n = 0;
    int end = -1;
    for (const Block &b : m_schedule.blocksOf(task)) {
        n += b.start == end ? 0 : 1;
        end = b.end;
    }
    return n;
}

bool Improver::relocateToPreferred(const Block &b)
{
    const int len = b.end - b.start;
    const int before = preferredSlots(b.task, b.start, b.end);
    const long long value = m_schedule.blockValue(b.task, b.start, b.end);
    const int pieces = fragments(b.task);
    m_schedule.removeBlock(b.task, b.start);
    // Within a week either way: bounded work per block, also on a year.
    const int reach = 7 * 24 * 60 / std::max(1, m_schedule.problem().slotMinutes);
    const int earliest = m_schedule.earliestStart(b.task);
    const int lo = earliest < 0 ? -1 : std::max(earliest, b.start - reach);
    const int hi = std::min(m_schedule.latestEnd(b.task, true), b.end + reach);
    int best = b.start;
    int bestScore = before;
    for (int s = m_schedule.nextFree(std::max(lo, 0), hi); lo >= 0 && s + len <= hi; s = m_schedule.nextFree(s + 1, hi)) {
        if (m_schedule.freeEnd(s, s + len) < s + len)
            continue;
        const int score = preferredSlots(b.task, s, s + len);
        if (score > bestScore && m_schedule.blockValue(b.task, s, s + len) >= value
            && m_schedule.fits(b.task, s, s + len)) {
            m_schedule.place(b.task, s, s + len);
            if (fragments(b.task) <= pieces) {
                best = s;
                bestScore = score;
            }
            m_schedule.removeBlock(b.task, s);
        }
    }
    m_schedule.place(b.task, best, best + len);
    return best != b.start;
}

bool Improver::swapForPreference(const Block &b, const std::vector<Block> &all)
{
    // Another block just as long, within a week, whose place suits this task better while
    // this place suits the other at least as well. `all` is sorted by start (maybe stale).
    const Problem &p = m_schedule.problem();
    const int len = b.end - b.start;
    const int reach = 7 * 24 * 60 / std::max(1, p.slotMinutes);
    auto it = std::lower_bound(all.begin(), all.end(), b.start - reach,
                               [](const Block &x, int s) { return x.start < s; });
    for (; it != all.end() && it->start <= b.start + reach; ++it) {
        const Block o = *it;
        if (o.task == b.task || o.end - o.start != len || m_schedule.isKept(o.start))
            continue;
        const auto &others = m_schedule.blocksOf(o.task);
        if (std::find(others.begin(), others.end(), o) == others.end())
            continue;
        const int gainB = preferredSlots(b.task, o.start, o.end) - preferredSlots(b.task, b.start, b.end);
        const int gainO = p.tasks[size_t(o.task)].preferred == DayPart::Any
            ? 0 : preferredSlots(o.task, b.start, b.end) - preferredSlots(o.task, o.start, o.end);
        if (gainB <= 0 || gainO < 0)
            continue;
        const long long value = m_schedule.blockValue(b.task, b.start, b.end) + m_schedule.blockValue(o.task, o.start, o.end);
        if (m_schedule.blockValue(b.task, o.start, o.end) + m_schedule.blockValue(o.task, b.start, b.end) < value)
            continue;
        const int pieces = fragments(b.task) + fragments(o.task);
        m_schedule.removeBlock(b.task, b.start);
        m_schedule.removeBlock(o.task, o.start);
        bool ok = false;
        const int loB = m_schedule.earliestStart(b.task);
        if (loB >= 0 && o.start >= loB && o.end <= m_schedule.latestEnd(b.task, true) && m_schedule.fits(b.task, o.start, o.end)) {
            m_schedule.place(b.task, o.start, o.end);
            const int loO = m_schedule.earliestStart(o.task);
            if (loO >= 0 && b.start >= loO && b.end <= m_schedule.latestEnd(o.task, true) && m_schedule.fits(o.task, b.start, b.end)) {
                m_schedule.place(o.task, b.start, b.end);
                ok = fragments(b.task) + fragments(o.task) <= pieces;
                if (!ok)
                    m_schedule.removeBlock(o.task, b.start);
            }
            if (!ok)
                m_schedule.removeBlock(b.task, o.start);
        }
        if (ok)
            return true;
        m_schedule.place(b.task, b.start, b.end);
        m_schedule.place(o.task, o.start, o.end);
    }
    return false;
}

int Improver::preferDayParts()
{
    const Problem &p = m_schedule.problem();
    int moves = 0;
    for (int round = 0; round < 2; ++round) {
        const std::vector<Block> all = m_schedule.allBlocks();
        for (const Block &b : all) {
            const SlotTask &t = p.tasks[size_t(b.task)];
            if (t.preferred == DayPart::Any || m_schedule.isKept(b.start) || m_budget <= 0)
                continue;
            // The block may have moved already in this round.
            const auto &list = m_schedule.blocksOf(b.task);
            if (std::find(list.begin(), list.end(), b) == list.end())
                continue;
            if (preferredSlots(b.task, b.start, b.end) == b.end - b.start)
                continue;
            --m_budget;
            if (relocateToPreferred(b) || swapForPreference(b, all))
                ++moves;
        }
    }
    return moves;
}

} // namespace fermata::planning
