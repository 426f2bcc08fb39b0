#pragma once

#include "insights/insightsreport.h"

#include <QPalette>
#include <QStringList>

class QChart;

namespace fermata::InsightsCharts {

// A bar of a per-day or per-week chart: one day, or one week when the range is long.
struct Period
{
    QDate start;
    QString label; // over two weeks of days the axis shows only the Mondays' labels
    int deepWorkMinutes = 0;
    int longestUnbrokenMinutes = 0; // the best day of the period
};

// More days than this and the per-day charts show weeks instead.
constexpr int maxDailyBars = 31;
bool isByWeek(const InsightsReport &report);
QList<Period> periods(const InsightsReport &report);
// What the period bars are called on the axis ("Mon 7", "7", "week of 2 Nov").
QString periodAxisTitle(const InsightsReport &report);

// Each builder returns a new chart (the caller owns it) coloured from `palette`.
QChart *deepWork(const InsightsReport &report, const QPalette &palette);
QChart *plannedVersusDone(const InsightsReport &report, const QPalette &palette);
QChart *longestStretch(const InsightsReport &report, const QPalette &palette);
QChart *interruptions(const InsightsReport &report, const QPalette &palette);
QChart *meetingsVersusFocus(const InsightsReport &report, const QPalette &palette);
QChart *estimateAccuracy(const InsightsReport &report, const QPalette &palette);

// Hours, to one decimal, from whole minutes.
qreal hours(int minutes);

} // namespace fermata::InsightsCharts
