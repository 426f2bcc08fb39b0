#pragma once

#include "planning/placement.h"

#include <vector>

namespace fermata::planning {

// Builds a first plan: keeps what is still valid from the previous plan, then places tasks
// by weight (most valuable per minute first), earliest deadline first among equals, each
// task's predecessors before it.
class Constructor final
{
public:
    explicit Constructor(Schedule &schedule);

    int keepPrevious(); // returns the number of previous blocks kept
    void build(int variant = 0);
    // The order tasks are considered in (also used by the improver).
    static std::vector<int> priorityOrder(const Problem &problem, int variant = 0);
    static constexpr int variantCount = 4;
    // Shortest leftover gap some task could still use (for ChunkPlacer::setUsefulGap).
    static int usefulGap(const Problem &problem);

private:
    void placeWithDependencies(int task, int depth);

    Schedule &m_schedule;
    ChunkPlacer m_placer;
    std::vector<quint8> m_visited;
};

} // namespace fermata::planning
