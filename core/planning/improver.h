#pragma once

#include "planning/placement.h"

#include <vector>

namespace fermata::planning {

// Local search on a constructed plan. Moves: insert a chunk of an unfinished task where it
// displaces only less valuable blocks (which are then placed again elsewhere if they can),
// and shift blocks earlier so free fragments join up. A move is kept only if the plan's
// value grows; attempts are bounded by a count, never by wall time, so the result is
// deterministic.
class Improver final
{
public:
    explicit Improver(Schedule &schedule);
    // With an explicit budget of move attempts (instead of one derived from the size).
    Improver(Schedule &schedule, int budget);
    void run();
    // Moves every block that is not kept from the previous plan as early as it can go.
    void compact();
    // Final polish for "then earlier": moves each block to the earliest legal place, also
    // across gaps. Value never drops (earlier is never later than a deadline).
    void pullEarlier();
    // Third objective, after value and fewer blocks: moves blocks into their task's preferred
    // part of day (or swaps two equally long blocks) when that never lowers a block's value,
    // never adds a block and breaks no rule. Kept blocks stay. Returns the moves made.
    int preferDayParts();

private:
    struct Candidate
    {
        int start = 0;
        int end = 0;
        long long gain = 0; // estimated
    };
    // Undo log of one composite move: each touched task's blocks before the move.
    struct Move
    {
        std::vector<int> tasks;
        std::vector<std::vector<Block>> saved;
        void touch(const Schedule &schedule, int task);
        bool has(int task) const;
    };
    bool insertWithEjection(int task);
    bool eject(int task, const Candidate &where, int depth, Move &move);
    void revert(Move &move);
    // Re-fills every stretch of movable time with the most valuable set of chunks (a small
    // knapsack per stretch). Returns true if anything improved.
    bool repackAll();
    // Re-places a whole task that has a stranded remainder or more blocks than it needs.
    bool consolidateAll();
    bool repack(int start, int end);
    bool isMovable(int slot) const;
    // The most promising places for a chunk of `task`, best first.
    std::vector<Candidate> candidates(int task, int lo, int hi, int depth, const Move *move) const;
    // Value of the blocks [start, end) would displace; -1 if something there cannot move.
    long long displacedValue(int task, int start, int end, int depth, const Move *move,
                             std::vector<Block> *blocks) const;
    bool isEjectable(int task, int other, int slot, int depth, const Move *move) const;
    int preferredSlots(int task, int start, int end) const;
    int fragments(int task) const; // blocks after merging back-to-back ones
    bool relocateToPreferred(const Block &b);
    bool swapForPreference(const Block &b, const std::vector<Block> &all);

    Schedule &m_schedule;
    ChunkPlacer m_placer;
    std::vector<int> m_order;
    int m_budget = 0;
};

} // namespace fermata::planning
