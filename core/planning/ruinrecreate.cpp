#include "planning/ruinrecreate.h"

#include "planning/constructor.h"
#include "planning/improver.h"

#include <algorithm>

namespace fermata::planning {

RuinRecreate::RuinRecreate(Schedule &schedule, quint64 seed)
    : m_schedule(schedule), m_placer(schedule), m_state(seed * 0x9E3779B97F4A7C15ull + 0x2545F4914F6CDD1Dull)
{
    m_placer.setUsefulGap(Constructor::usefulGap(schedule.problem()));
    m_slotsPerDay = std::max(1, 24 * 60 / std::max(1, schedule.problem().slotMinutes));
}

quint64 RuinRecreate::next()
{
    // xorshift64*: small, fast, and the same on every platform.
    m_state ^= m_state >> 12;
    m_state ^= m_state << 25;
    m_state ^= m_state >> 27;
    return (m_state * 0x2545F4914F6CDD1Dull) >> 11;
}

RuinRecreate::Score RuinRecreate::score(const Schedule &schedule)
{
    return {schedule.totalValue(), schedule.blockCount()};
}

bool RuinRecreate::removable(const Block &b) const
{
    // Kept blocks stay (stability); a predecessor stays while its dependents are planned.
    return !m_schedule.isKept(b.start) && !m_schedule.hasPlannedDependents(b.task);
}

int RuinRecreate::ruinWindow(int start, int end)
{
    std::vector<Block> hit;
    for (const Block &b : m_schedule.allBlocks()) {
        if (b.start < end && start < b.end)
            hit.push_back(b);
    }
    // Latest first: dependents go before their predecessors, which may then go too.
    int removed = 0;
    for (auto it = hit.rbegin(); it != hit.rend(); ++it) {
        if (removable(*it)) {
            m_schedule.removeBlock(it->task, it->start);
            ++removed;
        }
    }
    return removed;
}

int RuinRecreate::ruinTasks(int count)
{
    const std::vector<Block> all = m_schedule.allBlocks();
    if (all.empty())
        return 0;
    int removed = 0;
    for (int i = 0; i < count; ++i) {
        const int task = all[size_t(below(int(all.size())))].task;
        const std::vector<Block> blocks = m_schedule.blocksOf(task);
        for (auto it = blocks.rbegin(); it != blocks.rend(); ++it) {
            if (removable(*it)) {
                m_schedule.removeBlock(task, it->start);
                ++removed;
            }
        }
    }
    return removed;
}

int RuinRecreate::ruinAroundUnplaced()
{
    // Room for work that did not fit: empty a stretch inside its window.
    const Problem &p = m_schedule.problem();
    std::vector<int> open;
    for (size_t t = 0; t < p.tasks.size(); ++t) {
        if (!p.tasks[t].invalid && m_schedule.remaining(int(t)) > 0 && m_schedule.earliestStart(int(t)) >= 0)
            open.push_back(int(t));
    }
    if (open.empty())
        return 0;
    const int task = open[size_t(below(int(open.size())))];
    const int lo = m_schedule.earliestStart(task);
    const int hi = m_schedule.latestEnd(task, false);
    if (hi <= lo)
        return 0;
    const int span = std::min(hi - lo, std::max(m_placer.maxLength(task), 1) * (2 + below(3)));
    const int at = lo + below(hi - lo - span + 1);
    return ruinWindow(at, at + span);
}

void RuinRecreate::placeWithDependencies(int task, std::vector<quint8> &visited, int depth)
{
    if (visited[size_t(task)] || depth > 64)
        return;
    visited[size_t(task)] = 1;
    const Problem &p = m_schedule.problem();
    for (int d : p.tasks[size_t(task)].deps)
        placeWithDependencies(d, visited, depth + 1);
    if (task == m_deferred) {
        // Past its deadline, as soon as it can (untidy gaps too): its dependents follow.
        const bool latest = m_placer.latest();
        m_placer.setLatest(false);
        m_placer.setFinishPredecessorsEarly(true);
        m_placer.placeWithin(task, std::max(m_schedule.earliestStart(task), p.tasks[size_t(task)].deadline),
                             m_schedule.latestEnd(task, true));
        m_placer.setFinishPredecessorsEarly(false);
        m_placer.setLatest(latest);
        return;
    }
    m_placer.place(task, false);
    // With late work allowed, a predecessor that found no room by its deadline may finish
    // late when that unlocks a dependent due later: its late blocks earn nothing, but the
    // dependent's on-time work may be worth more (d5_n20_m10_sp2_s7084: the optimum moves a
    // weight-1 predecessor past its deadline so its weight-4 dependent can be planned, and
    // gives its on-time room to weight-8 work). A coin decides, so both are explored.
    if (p.planLate && m_schedule.remaining(task) > 0 && lateUnlocksDependent(task) && below(2) == 0) {
        const bool latest = m_placer.latest();
        m_placer.setLatest(false); // as early as it can after its deadline: the dependent follows
        m_placer.placeWithin(task, std::max(m_schedule.earliestStart(task), 0), m_schedule.latestEnd(task, true));
        m_placer.setLatest(latest);
    }
}

bool RuinRecreate::lateUnlocksDependent(int task) const
{
    const Problem &p = m_schedule.problem();
    const SlotTask &t = p.tasks[size_t(task)];
    if (t.invalid || m_schedule.earliestStart(task) < 0)
        return false;
    for (int q : m_schedule.dependents(task)) {
        const SlotTask &d = p.tasks[size_t(q)];
        if (!d.invalid && d.deadline > t.deadline && m_schedule.remaining(q) > 0)
            return true;
    }
    return false;
}

void RuinRecreate::recreate()
{
    const Problem &p = m_schedule.problem();
    std::vector<int> order;
    for (size_t t = 0; t < p.tasks.size(); ++t) {
        if (!p.tasks[t].invalid && m_schedule.remaining(int(t)) > 0)
            order.push_back(int(t));
    }
    // Shuffle, then sort by weight (stable): ties keep their random order. Sometimes the
    // earliest deadline goes first among equals instead.
    for (size_t k = order.size(); k > 1; --k)
        std::swap(order[k - 1], order[size_t(below(int(k)))]);
    const bool byDeadline = below(3) == 0;
    std::stable_sort(order.begin(), order.end(), [&p, byDeadline](int a, int b) {
        const SlotTask &x = p.tasks[size_t(a)];
        const SlotTask &y = p.tasks[size_t(b)];
        if (x.weight != y.weight)
            return x.weight > y.weight;
        return byDeadline && x.deadline < y.deadline;
    });
    // Earliest fit, latest fit, or a coin per task: latest fit moves valuable work with
    // slack out of the way of work due sooner.
    const int mode = below(3);
    std::vector<quint8> visited(p.tasks.size(), 0);
    for (int task : order) {
        m_placer.setLatest(mode == 1 || (mode == 2 && below(2) == 0));
        placeWithDependencies(task, visited, 0);
    }
    m_placer.setLatest(false);
}

void RuinRecreate::withDependents(int task, std::vector<quint8> &chain) const
{
    if (chain[size_t(task)])
        return;
    chain[size_t(task)] = 1;
    for (int q : m_schedule.dependents(task))
        withDependents(q, chain);
}

int RuinRecreate::deferPredecessors()
{
    // Ruin and recreate puts a predecessor past its deadline only when it found no room
    // before; it never gives up on-time room that a predecessor holds, because a predecessor
    // stays while its dependents are planned. Yet that room may be worth more to others: in
    // d28_n100_m30_sp10_s7191 a weight-1 predecessor held three hours of a crowded week that
    // weight-4 tasks needed, while its weight-8 dependent was due three weeks later. So each
    // such predecessor is tried late once: it and its dependents let go, and so does work of
    // its own weight or less between its deadline and theirs, to make room for it there.
    const Problem &p = m_schedule.problem();
    if (!p.planLate)
        return 0;
    int kept = 0;
    for (size_t t = 0; t < p.tasks.size(); ++t) {
        const int task = int(t);
        const SlotTask &pred = p.tasks[t];
        if (pred.invalid || !pred.hasDeadline || m_schedule.blocksOf(task).empty())
            continue;
        std::vector<quint8> chain(p.tasks.size(), 0);
        withDependents(task, chain);
        int dueBy = pred.deadline;
        bool movable = true;
        for (size_t c = 0; c < chain.size(); ++c) {
            if (!chain[c])
                continue;
            dueBy = std::max(dueBy, std::min(p.tasks[c].deadline, p.slotCount));
            for (const Block &b : m_schedule.blocksOf(int(c)))
                movable = movable && !m_schedule.isKept(b.start);
        }
        if (dueBy <= pred.deadline || !movable)
            continue;
        const Score before = score(m_schedule);
        Schedule backup = m_schedule;
        for (size_t c = 0; c < chain.size(); ++c) {
            if (chain[c])
                m_schedule.removeAll(int(c));
        }
        for (const Block &b : m_schedule.allBlocks()) {
            if (b.end > pred.deadline && b.start < dueBy && p.tasks[size_t(b.task)].weight <= pred.weight && removable(b))
                m_schedule.removeBlock(b.task, b.start);
        }
        m_deferred = task;
        recreate();
        m_deferred = -1;
        Improver(m_schedule, int(p.tasks.size()) / 2 + 8).run();
        if (score(m_schedule).betterThan(before))
            ++kept;
        else
            m_schedule = std::move(backup);
    }
    return kept;
}

void RuinRecreate::run(int steps)
{
    Schedule best = m_schedule;
    Score bestScore = score(m_schedule);
    Score current = bestScore;
    const int n = int(m_schedule.problem().tasks.size());
    for (int step = 0; step < steps; ++step) {
        Schedule backup = m_schedule;
        int removed = 0;
        switch (below(3)) {
        case 0: {
            const int span = m_slotsPerDay / 2 * (1 + below(3));
            const int at = below(std::max(1, m_schedule.problem().slotCount - span / 2));
            removed = ruinWindow(at, at + span);
            break;
        }
        case 1:
            removed = ruinTasks(2 + below(std::min(4, std::max(1, n / 4))));
            break;
        default:
            removed = ruinAroundUnplaced();
            break;
        }
        if (removed == 0) {
            m_schedule = std::move(backup);
            continue;
        }
        recreate();
        Improver(m_schedule, n / 2 + 8).run();
        const Score now = score(m_schedule);
        if (now.betterThan(bestScore)) {
            best = m_schedule;
            bestScore = now;
            current = now;
        } else if (now.atLeast(current)) {
            current = now;
        } else {
            m_schedule = std::move(backup);
        }
    }
    m_schedule = std::move(best);
}

} // namespace fermata::planning
