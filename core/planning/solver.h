#pragma once

#include "planning/problem.h"

namespace fermata::planning {

// The search itself, on the slot model: keep what the previous plan still allows, construct,
// improve with a bounded number of moves, then (if asked) place late work. Pure and
// deterministic: the same Problem always gives the same Solution.
Solution solve(const Problem &problem);

} // namespace fermata::planning
