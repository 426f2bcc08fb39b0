#pragma once

#include "planning/problem.h"

namespace fermata::planning {

// An upper bound on a plan's value (weight x on-time minutes, fixed blocks included) for
// problems of any size the exact mode does not take: every task's remaining work placed slot
// by slot in the free slots between its release and its deadline, one task per slot, and
// nothing else (chunk lengths, breaks, day caps and dependencies relaxed). Relaxing rules
// only raises the best value, so no plan can beat it. That relaxation is a transversal
// matroid (units of work matched to slots), so taking the heaviest units first while the set
// still fits (checked earliest deadline first) finds its optimum exactly.
// -1 when the problem is too large to bound quickly (more than `maxTasks` tasks).
qint64 relaxedValueBound(const Problem &problem, int maxTasks = 100);

// The value of the fixed (pinned or past) blocks alone: weight x their minutes by the deadline.
qint64 fixedBlocksValue(const Problem &problem);

} // namespace fermata::planning
