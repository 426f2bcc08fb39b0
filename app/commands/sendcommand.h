#pragma once

#include <QStringList>

namespace fermata {
class AppPaths;
// `fermata send --to MEMBER --subject S --body B [--urgent]`: prints when it will be read.
int runSendCommand(const QStringList &arguments, const AppPaths &paths);
}
