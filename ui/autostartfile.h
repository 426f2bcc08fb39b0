#pragma once

#include "result.h"

#include <QByteArray>
#include <QString>

namespace fermata::autostartfile {

// Start-at-login entries that are one file the system reads at login (an XDG .desktop file, a
// macOS LaunchAgent plist): written whole and atomically into `directory`, or removed.
Status write(const QString &directory, const QString &path, const QByteArray &contents);
Status remove(const QString &path);

} // namespace fermata::autostartfile
