// DesktopDnd's factories for every build without a desktop adapter (Windows, macOS, Linux
// without D-Bus): detection always ends at an adapter that says why, in that system's words.
#include "attention/desktopdnd.h"

namespace fermata {

std::unique_ptr<DesktopDnd> DesktopDnd::create(const QString &id)
{
    if (id == u"none")
        return std::make_unique<UnavailableDesktopDnd>(UnavailableDesktopDnd::systemReason());
    return nullptr; // a state saved by a build with adapters is dropped: this one cannot restore it
}

std::unique_ptr<DesktopDnd> DesktopDnd::detect()
{
    return std::make_unique<UnavailableDesktopDnd>(UnavailableDesktopDnd::systemReason());
}

} // namespace fermata
