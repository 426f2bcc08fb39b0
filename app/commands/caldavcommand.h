#pragma once

#include <QString>
#include <QStringList>

namespace fermata {

class AppPaths;

// `fermata caldav add|list|use|title|sync|remove`: two-way CalDAV accounts.
int runCalDavCommand(const QStringList &arguments, const AppPaths &paths);

// Where the app passwords are kept when there is no keychain: <dataDir>/caldav-secrets.json.
QString calDavSecretsPath(const AppPaths &paths);

} // namespace fermata
