#pragma once

#include "apppaths.h"

namespace fermata {

// Runs the desktop app for one profile: single instance, core services, main window, tray.
// Returns the process exit code.
int runGuiApp(int &argc, char **argv, const AppPaths &paths);

} // namespace fermata
