// AutostartEntry's factory for a build that knows no way to start at login on its system
// (Linux with FERMATA_WITH_LINUX_DESKTOP_FILES=OFF, or another Unix): Preferences hides the box
// and `fermata check` says it is not available.
#include "autostartentry.h"

namespace fermata {

std::unique_ptr<AutostartEntry> AutostartEntry::create(const QString &, const QString &)
{
    return nullptr;
}

} // namespace fermata
