#pragma once

#include <QStringList>

namespace fermata {
class AppPaths;
// `fermata subscribe URL [--name NAME]`: adds a calendar subscription and fetches it.
int runSubscribeCommand(const QStringList &arguments, const AppPaths &paths);
// `fermata subscriptions [--json]`: each subscription, its last refresh and any error.
int runSubscriptionsCommand(const QStringList &arguments, const AppPaths &paths);
// `fermata refresh`: fetches every subscription now; exit 1 when one failed.
int runRefreshCommand(const QStringList &arguments, const AppPaths &paths);
}
