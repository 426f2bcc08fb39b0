#pragma once

#include <QStringList>

namespace fermata {
class AppPaths;
// `fermata notify --source NAME --title T ...`: hands a notification to the running app over
// its local socket, or stores it directly when the app is not running. Exits 0 only once the
// notification is committed.
int runNotifyCommand(const QStringList &arguments, const AppPaths &paths);
}
