#pragma once

namespace fermata {

// Ends the event loop (so shutdown runs there and restores the desktop's DND) when the person
// or the system asks a command to stop: SIGINT/SIGTERM on POSIX (quitonstop_posix.cpp), Ctrl+C,
// Ctrl+Break or closing the console on Windows (quitonstop_win.cpp). Call once the
// QCoreApplication exists.
void quitOnStopRequests();

} // namespace fermata
