#pragma once

#include <QStringList>

namespace fermata {
class AppPaths;
// `fermata tasks [list|add|done]`: the task list for scripts.
int runTasksCommand(const QStringList &arguments, const AppPaths &paths);
}
