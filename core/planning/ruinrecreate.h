#pragma once

#include "planning/placement.h"

#include <vector>

namespace fermata::planning {

// Large neighbourhood search on a finished plan: empties part of it (a stretch of time, a
// few tasks, or the room around a task that did not fit) and fills it again greedily in a
// shuffled order, then polishes with a short local search. A step is kept when the plan is
// better — more value, then fewer blocks — or as good (a sideways step, to leave plateaus).
// Random numbers come from a fixed seed and steps are counted, never timed: deterministic.
class RuinRecreate final
{
public:
    RuinRecreate(Schedule &schedule, quint64 seed);
    // Runs `steps` ruin-and-recreate steps; the schedule ends as the best plan seen.
    void run(int steps);
    // With late work allowed: tries each planned predecessor whose dependent is due later
    // after its own deadline instead, so that its on-time room goes to other work. Keeps
    // only a better plan. Returns how many such moves were kept.
    int deferPredecessors();

    // (value, -blocks): the plan's rank, higher is better.
    struct Score
    {
        long long value = 0;
        int blocks = 0;
        bool betterThan(const Score &o) const { return value != o.value ? value > o.value : blocks < o.blocks; }
        bool atLeast(const Score &o) const { return !o.betterThan(*this); }
    };
    static Score score(const Schedule &schedule);

private:
    quint64 next();
    int below(int n) { return n > 0 ? int(next() % quint64(n)) : 0; }
    bool removable(const Block &b) const;
    // Removes the removable blocks overlapping [start, end); returns how many.
    int ruinWindow(int start, int end);
    int ruinTasks(int count);
    int ruinAroundUnplaced();
    void recreate();
    void placeWithDependencies(int task, std::vector<quint8> &visited, int depth);
    // Late work allowed: an unfinished predecessor whose dependent is due later and not done.
    bool lateUnlocksDependent(int task) const;
    // Marks `task` and everything that depends on it, directly or not.
    void withDependents(int task, std::vector<quint8> &chain) const;

    Schedule &m_schedule;
    ChunkPlacer m_placer;
    quint64 m_state;
    int m_slotsPerDay = 96;
    int m_deferred = -1; // a predecessor recreate() places past its deadline
};

} // namespace fermata::planning
