#pragma once

#include <QStringList>

namespace fermata {
class AppPaths;
// `fermata inbox [--json] [--limit N] [--held]`: held and released notifications, newest first.
int runInboxCommand(const QStringList &arguments, const AppPaths &paths);
}
