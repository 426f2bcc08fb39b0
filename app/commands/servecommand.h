#pragma once

#include <QStringList>

namespace fermata {
class AppPaths;
// `fermata serve`: the attention engine without a window (intake socket, HTTP if enabled,
// D-Bus monitor, DND, timers) until SIGINT/SIGTERM. For scripts, headless machines and tests;
// prints "ready" once it takes notifications.
int runServeCommand(const QStringList &arguments, const AppPaths &paths);
}
