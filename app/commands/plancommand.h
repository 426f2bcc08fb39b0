#pragma once

#include <QStringList>

namespace fermata {

// `fermata plan`: plans a request file (the app's JSON) or a focusbench/1 instance and writes
// the plan. arguments[0] is "plan". Returns the process exit code; errors go to stderr.
int runPlanCommand(const QStringList &arguments);

} // namespace fermata
