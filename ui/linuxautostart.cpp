// AutostartEntry's factory on Linux with FERMATA_WITH_LINUX_DESKTOP_FILES: the XDG autostart entry.
#include "xdgautostartentry.h"

namespace fermata {

std::unique_ptr<AutostartEntry> AutostartEntry::create(const QString &program, const QString &dataDir)
{
    return std::make_unique<XdgAutostartEntry>(program, dataDir);
}

} // namespace fermata
