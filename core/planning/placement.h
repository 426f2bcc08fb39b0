#pragma once

#include "planning/schedule.h"

#include <optional>

namespace fermata::planning {

// Where the next chunk of a task should go: scans the free gaps of a window and prefers the
// earliest gap that the chunk fills exactly or leaves a still useful rest of.
class ChunkPlacer final
{
public:
    explicit ChunkPlacer(Schedule &schedule);

    // Shortest and longest legal new block for `task` given its remaining work.
    int minLength(int task) const;
    int maxLength(int task) const;
    // Shortest leftover gap that some task could still use (in slots).
    void setUsefulGap(int slots) { m_usefulGap = slots; }
    // Latest fit: chunks go as late in the window as they can (leaves early room for work
    // due sooner). Default: earliest fit.
    void setLatest(bool latest) { m_latest = latest; }
    bool latest() const { return m_latest; }
    // A predecessor's finish is when its dependents may start: with this, it goes in the
    // earliest chunk that leaves it a plannable remainder, even if that leaves an untidy gap.
    // Helps a valuable chain (d5_n12_m4_sp2_s7066: 0.87 -> 1.00 of the optimum); costs tidy
    // packing on big problems, so the constructor uses it in some of its starts only.
    void setFinishPredecessorsEarly(bool early) { m_finishPredecessorsEarly = early; }

    std::optional<Block> findChunk(int task, int lo, int hi) const;
    // Places as much of the task's remaining work as fits in [lo, hi); returns slots placed.
    int placeWithin(int task, int lo, int hi, int chunkLimit = INT_MAX);
    // Places the task inside its own window (release/predecessors .. deadline/dependents).
    int place(int task, bool allowLate);

private:
    // Chunk length for a gap of `gap` slots, 0 if none fits.
    int chunkFor(int task, int start, int gap) const;
    std::optional<Block> findLatestChunk(int task, int lo, int hi) const;

    Schedule &m_schedule;
    int m_usefulGap = 1;
    bool m_latest = false;
    bool m_finishPredecessorsEarly = false;
};

} // namespace fermata::planning
