#pragma once

#include <QStringList>

namespace fermata {

class AppPaths;
struct InsightsReport;

// `fermata insights [--from DATE --to DATE] [--json]`: deep work, meetings, focus blocks,
// interruptions and estimate accuracy over a range of days (default: this week so far).
int runInsightsCommand(const QStringList &arguments, const AppPaths &paths);

// The report as the command's JSON prints it (every figure), for the command and its tests.
QByteArray insightsJson(const InsightsReport &report);

} // namespace fermata
