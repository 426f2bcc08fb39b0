#pragma once

#include <QStringList>

namespace fermata {
class AppPaths;
// `fermata outbox [--json]`: what I sent, held or delivered, with release times.
int runOutboxCommand(const QStringList &arguments, const AppPaths &paths);
}
