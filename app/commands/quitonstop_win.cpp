#include "commands/quitonstop.h"

#include <QCoreApplication>
#include <QMetaObject>

#include <windows.h>

namespace fermata {

namespace {

// Windows calls this on a thread of its own: a queued call hands the request to the loop.
BOOL WINAPI onConsoleEvent(DWORD event)
{
    if (event != CTRL_C_EVENT && event != CTRL_BREAK_EVENT && event != CTRL_CLOSE_EVENT)
        return FALSE;
    QMetaObject::invokeMethod(qApp, &QCoreApplication::quit, Qt::QueuedConnection);
    if (event == CTRL_CLOSE_EVENT)
        ::Sleep(2000); // the process ends when this returns: give the loop time to shut down
    return TRUE;
}

} // namespace

void quitOnStopRequests()
{
    ::SetConsoleCtrlHandler(onConsoleEvent, TRUE);
}

} // namespace fermata
