#pragma once

#include <QStringList>

namespace fermata {
class AppPaths;
// `fermata export --ics FILE [--from DATE --to DATE] [--keep-updated]`: focus blocks and
// check-in windows as iCalendar.
int runExportCommand(const QStringList &arguments, const AppPaths &paths);
}
