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
    // Size rule, measured with CBC 2.10 on focusbench-own (planner_bench): with the 2 s budget
    // on a worker thread, a week of 30 tasks is proven in 0.1-0.7 s (40 of 41; the heuristic
    // alone missed the optimum by up to 2%) and two weeks of 40 tasks within 5,000 candidate
    // blocks reach every proven optimum (0.6 s median, 2.5 s at most). Weeks of 50 tasks stay
    // with the heuristic: their plan is due in 50 ms. So: at most 40 tasks and 5,000 blocks.
    static constexpr int maxCandidates = 5000;
    static constexpr int maxTasks = 40;

    static bool qualifies(const Problem &problem);

    // Searches for at most `budgetMs` of processor time; `start` (new blocks of a valid
    // plan) is the incumbent to beat.
    static ExactResult solve(const Problem &problem, const std::vector<Block> &start, int budgetMs);
};

} // namespace fermata::planning
