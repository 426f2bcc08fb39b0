#pragma once

#include "planning/problem.h"

#include <vector>

namespace fermata::planning {

// The mutable state of a plan being built: who owns each slot, each task's blocks, and the
// focus time used per day. Checks every hard rule that concerns time (free slots, daily cap,
// breaks, merged chunk length); release, deadline and dependencies are the caller's part.
class Schedule final
{
public:
    static constexpr int Free = -1;
    static constexpr int Unavailable = -2;
    static constexpr int FixedFocus = -3; // a pinned or past block

    explicit Schedule(const Problem &problem);

    const Problem &problem() const { return *m_problem; }
    int owner(int slot) const { return m_owner[size_t(slot)]; }
    bool isFree(int slot) const { return m_owner[size_t(slot)] == Free; }
    bool isKept(int slot) const { return m_kept[size_t(slot)] != 0; }

    // True if [start, end) may hold a block of `task` as far as time rules go.
    bool fits(int task, int start, int end) const;
    // Largest end <= limit such that [start, end) is free (start itself must be free).
    int freeEnd(int start, int limit) const;
    // First free slot in [start, limit), or limit.
    int nextFree(int start, int limit) const;

    void place(int task, int start, int end, bool kept = false);
    void removeBlock(int task, int start);
    void removeAll(int task);

    const std::vector<Block> &blocksOf(int task) const { return m_blocks[size_t(task)]; }
    int plannedSlots(int task) const;  // including fixed blocks
    int remaining(int task) const;     // work not yet planned
    bool isComplete(int task) const { return remaining(task) == 0; }
    int finish(int task) const;        // end of the task's last block, -1 if none
    int firstStart(int task) const;    // start of its first new block, INT_MAX if none
    long long blockValue(int task, int start, int end) const;
    long long taskValue(int task) const;
    long long totalValue() const;
    int blockCount() const;

    // Earliest slot a new block of `task` may start: release, predecessors finished.
    // -1 when a predecessor is not complete.
    int earliestStart(int task) const;
    // Slot by which a new block must end: deadline (or horizon), planned dependents' starts.
    int latestEnd(int task, bool allowLate) const;

    std::vector<Block> allBlocks() const; // sorted by start
    const std::vector<int> &dependents(int task) const { return m_dependents[size_t(task)]; }
    bool hasPlannedDependents(int task) const;

private:
    bool breakRuleHolds(int start, int end) const;
    void setOwner(int slot, int owner);

    const Problem *m_problem;
    std::vector<int> m_owner;
    std::vector<quint64> m_freeBits; // bit set: slot is Free (fast gap search)
    std::vector<quint8> m_kept;
    std::vector<std::vector<Block>> m_blocks;
    std::vector<int> m_planned;       // new blocks only
    std::vector<int> m_dayUsed;
    std::vector<std::vector<int>> m_dependents;
};

} // namespace fermata::planning
