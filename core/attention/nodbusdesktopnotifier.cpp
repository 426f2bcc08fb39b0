// DesktopNotifier::show without D-Bus (Windows, macOS, Linux with FERMATA_WITH_DBUS=OFF): the
// core cannot reach a notification server, so nothing is shown here; what Fermata holds and lets
// through is still in its window and in `fermata inbox`.
#include "attention/desktopnotifier.h"

namespace fermata {

uint DesktopNotifier::show(const QString &, const QString &, int)
{
    return 0;
}

} // namespace fermata
