#pragma once

#include "planning/problem.h"

#include <vector>

namespace fermata::planning {

// What the exact search found within its budget.
struct ExactResult
{
    bool found = false;          // a plan at least as good as the start plan
    std::vector<Block> blocks;   // new blocks, sorted by start
    bool provenOptimal = false;  // no plan has a higher on-time value
    qint64 bound = -1;           // upper bound on the on-time value of new blocks (weight x minutes)
};

// The exact mode: the block model (exactmodel.h) solved by CBC's branch and cut, single
// threaded with fixed settings, starting from a known plan. Only for small problems.
class ExactSolver final
{
public:
    // Size rule, measured with CBC 2.10 on the public instances: d5_n12 (541 to 1,058
    // candidate blocks) is proven in 10 to 500 ms; d7_n50 (2,954 to 4,120 candidates) takes
    // 45 ms or more than 30 s. So: at most 25 tasks and 2,500 candidate blocks.
    static constexpr int maxCandidates = 2500;
    static constexpr int maxTasks = 25;

    static bool qualifies(const Problem &problem);

    // Searches for at most `budgetMs` of processor time; `start` (new blocks of a valid
    // plan) is the incumbent to beat.
    static ExactResult solve(const Problem &problem, const std::vector<Block> &start, int budgetMs);
};

} // namespace fermata::planning
