#pragma once

#include <QDateTime>
#include <QStringList>
#include <QTimeZone>

namespace fermata {

class AppPaths;

// "2026-03-02" (the start of that day, or with `dayEnd` the end of it) or "2026-03-02T15:30",
// in `zone` unless the text has an offset or Z. Invalid when unreadable.
QDateTime parseCommandDate(const QString &text, const QTimeZone &zone, bool dayEnd);

// `fermata events [--from DATE] [--to DATE] [--json]`: the calendar instances the planner sees.
int runEventsCommand(const QStringList &arguments, const AppPaths &paths);

} // namespace fermata
