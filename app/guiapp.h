#pragma once

#include "apppaths.h"

namespace fermata {

// Runs the desktop app for one profile: single instance, core services, main window, tray.
// `startInTray` (--tray, used at login) keeps the window hidden where a tray is shown.
// Returns the process exit code.
int runGuiApp(int &argc, char **argv, const AppPaths &paths, bool startInTray = false);

} // namespace fermata
