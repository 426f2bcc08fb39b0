#pragma once

#include "planning/problem.h"
#include "result.h"

#include <QByteArray>

namespace fermata::interop {

// A focusbench/1 instance (see the planner benchmark's README) as the planner's slot model.
// Only the instance's own rules apply: no breaks, no daily cap, no late work.
struct FocusbenchInstance
{
    planning::Problem problem;
    int horizonStart = 0; // minutes
};

Result<FocusbenchInstance> readFocusbenchInstance(const QByteArray &json);
// A plan file ({"blocks": [{"task", "start", "end"}]}) as blocks of `instance`'s tasks.
// Blocks of unknown tasks are dropped (the task may have been removed since).
Result<std::vector<planning::Block>> readFocusbenchPlan(const QByteArray &json,
                                                        const FocusbenchInstance &instance);
QByteArray writeFocusbenchPlan(const FocusbenchInstance &instance, const std::vector<planning::Block> &blocks);

} // namespace fermata::interop
