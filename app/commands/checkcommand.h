#pragma once

#include <QStringList>

namespace fermata {
class AppPaths;
// `fermata check`: opens the database as the app would and reports its state.
int runCheckCommand(const QStringList &arguments, const AppPaths &paths);
}
