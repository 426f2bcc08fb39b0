// DesktopDnd's factories for a Linux build without D-Bus (FERMATA_WITH_DBUS=OFF): the desktop
// adapters are not built, so detection always ends at an adapter that says why.
#include "attention/desktopdnd.h"

namespace fermata {

std::unique_ptr<DesktopDnd> DesktopDnd::create(const QString &id)
{
    if (id == u"none")
        return std::make_unique<UnavailableDesktopDnd>(UnavailableDesktopDnd::noDBusReason());
    return nullptr; // a state saved by a D-Bus build is dropped: this build cannot restore it
}

std::unique_ptr<DesktopDnd> DesktopDnd::detect()
{
    return std::make_unique<UnavailableDesktopDnd>(UnavailableDesktopDnd::noDBusReason());
}

} // namespace fermata
