#include "views/insights/insightscharts.h"
#include "models/whentext.h"

#include "widgets/palettecolors.h"

#include <QBarCategoryAxis>
#include <QBarSeries>
#include <QBarSet>
#include <QCategoryAxis>
#include <QChart>
#include <QCoreApplication>
#include <QGraphicsLayout>
#include <QHorizontalBarSeries>
#include <QHorizontalStackedBarSeries>
#include <QLegend>
#include <QLocale>
#include <QValueAxis>

#include <cmath>

namespace fermata::InsightsCharts {

namespace {

QString tr(const char *text)
{
    return QCoreApplication::translate("fermata::InsightsCharts", text);
}

// Chart colours, all from the palette so light and dark both read.
struct Colors
{
    explicit Colors(const QPalette &palette)
        : base(palette.color(QPalette::Base))
        , text(palette.color(QPalette::Text))
        , muted(PaletteColors::mutedText(palette))
        , grid(PaletteColors::mix(base, text, 0.10))
        , axis(PaletteColors::neutralOutline(palette))
        , focus(PaletteColors::accent(palette))
        , focusSoft(PaletteColors::mix(base, focus, 0.55))
        , neutral(PaletteColors::mix(base, text, 0.35))
        , warning(PaletteColors::mix(base, QColor(0xd9, 0x48, 0x2b), 0.80))
        , amber(PaletteColors::mix(base, QColor(0xe0, 0x9a, 0x1f), 0.85))
    {
    }
    QColor base, text, muted, grid, axis, focus, focusSoft, neutral, warning, amber;
};

QChart *newChart(const Colors &colors)
{
    auto *chart = new QChart;
    chart->setAnimationOptions(QChart::NoAnimation);
    chart->setBackgroundBrush(colors.base);
    chart->setBackgroundPen(Qt::NoPen);
    chart->setBackgroundRoundness(0);
    chart->setMargins(QMargins(0, 0, 0, 0));
    chart->layout()->setContentsMargins(0, 0, 0, 0);
    chart->legend()->setLabelColor(colors.text);
    chart->legend()->setAlignment(Qt::AlignBottom);
    return chart;
}

void styleAxis(QAbstractAxis *axis, const Colors &colors)
{
    axis->setLabelsColor(colors.muted);
    axis->setTitleBrush(colors.muted);
    axis->setLinePenColor(colors.axis);
    axis->setGridLineColor(colors.grid);
    axis->setShadesVisible(false);
    QFont font = axis->titleFont();
    font.setBold(false);
    axis->setTitleFont(font);
}

QBarSet *newSet(const QString &name, const QColor &color)
{
    auto *set = new QBarSet(name);
    set->setColor(color);
    set->setBorderColor(color);
    set->setLabelColor(color);
    return set;
}

// 1, 2 or 5 times a power of ten: the tick step for about five ticks up to `top`.
qreal niceStep(qreal top)
{
    const qreal rough = top / 5;
    const qreal power = std::pow(10.0, std::floor(std::log10(rough)));
    const qreal fraction = rough / power;
    return (fraction <= 1 ? 1 : fraction <= 2 ? 2 : fraction <= 5 ? 5 : 10) * power;
}

// A value axis from 0 with round ticks (whole hours where they fit, never 0.8 or 1.6).
QValueAxis *valueAxis(qreal largest, const QString &title, const Colors &colors, bool whole = false)
{
    const qreal top = qMax<qreal>(largest, whole ? 4 : 1);
    const qreal step = whole ? qMax<qreal>(1, niceStep(top)) : niceStep(top);
    auto *axis = new QValueAxis;
    axis->setRange(0, std::ceil(top / step - 1e-9) * step);
    axis->setTickType(QValueAxis::TicksDynamic);
    axis->setTickAnchor(0);
    axis->setTickInterval(step);
    axis->setLabelFormat(step < 1 ? QStringLiteral("%.1f") : QStringLiteral("%.0f"));
    axis->setTitleText(title);
    styleAxis(axis, colors);
    return axis;
}

QBarCategoryAxis *categoryAxis(const QStringList &categories, const QString &title, const Colors &colors)
{
    auto *axis = new QBarCategoryAxis;
    axis->append(categories);
    axis->setTitleText(title);
    styleAxis(axis, colors);
    axis->setGridLineVisible(false);
    return axis;
}

// Categories on the x axis, values up.
void attachVertical(QChart *chart, QAbstractBarSeries *series, QBarCategoryAxis *x, QValueAxis *y)
{
    chart->addSeries(series);
    chart->addAxis(x, Qt::AlignBottom);
    chart->addAxis(y, Qt::AlignLeft);
    series->attachAxis(x);
    series->attachAxis(y);
}

// Categories down the left, values across (long names such as sources and tags stay readable).
void attachHorizontal(QChart *chart, QAbstractBarSeries *series, QBarCategoryAxis *y, QValueAxis *x)
{
    chart->addSeries(series);
    chart->addAxis(y, Qt::AlignLeft);
    chart->addAxis(x, Qt::AlignBottom);
    series->attachAxis(y);
    series->attachAxis(x);
}

// Bars per period along the bottom. Up to two weeks of days every bar is named; longer, a
// category axis would elide 28 names to "…", so a value axis names the Mondays only and draws
// a faint line before each week.
void attachPeriods(QChart *chart, QBarSeries *series, const InsightsReport &report, QValueAxis *y,
                   const Colors &colors)
{
    const QList<Period> all = periods(report);
    if (isByWeek(report) || all.size() <= 14) {
        QStringList categories;
        for (const Period &period : all)
            categories.append(period.label);
        attachVertical(chart, series, categoryAxis(categories, periodAxisTitle(report), colors), y);
        return;
    }
    auto *x = new QCategoryAxis;
    x->setRange(-0.5, qreal(all.size()) - 0.5);
    x->setLabelsPosition(QCategoryAxis::AxisLabelsPositionOnValue);
    for (qsizetype i = 0; i < all.size(); ++i) {
        if (all[i].start.dayOfWeek() == Qt::Monday)
            x->append(all[i].label, qreal(i) - 0.5);
    }
    x->setTitleText(periodAxisTitle(report));
    styleAxis(x, colors);
    x->setGridLineColor(colors.grid);
    chart->addSeries(series);
    chart->addAxis(x, Qt::AlignBottom);
    chart->addAxis(y, Qt::AlignLeft);
    series->attachAxis(x);
    series->attachAxis(y);
}

qreal largestOf(const QList<QBarSet *> &sets)
{
    qreal largest = 0;
    for (const QBarSet *set : sets)
        for (int i = 0; i < set->count(); ++i)
            largest = qMax(largest, set->at(i));
    return largest;
}

qreal largestStacked(const QList<QBarSet *> &sets)
{
    qreal largest = 0;
    const int count = sets.isEmpty() ? 0 : int(sets.first()->count());
    for (int i = 0; i < count; ++i) {
        qreal sum = 0;
        for (const QBarSet *set : sets)
            sum += set->at(i);
        largest = qMax(largest, sum);
    }
    return largest;
}

} // namespace

qreal hours(int minutes)
{
    return std::round(minutes / 6.0) / 10.0;
}

bool isByWeek(const InsightsReport &report)
{
    return report.days.size() > maxDailyBars;
}

QList<Period> periods(const InsightsReport &report)
{
    const QLocale locale;
    QList<Period> out;
    if (!isByWeek(report)) {
        const bool shortRange = report.days.size() <= 7;
        const bool sparse = report.days.size() > 14;
        for (const DayInsight &day : report.days) {
            Period period;
            period.start = day.day;
            if (shortRange)
                period.label = WhenText::day(day.day, WhenText::DayStyle::WeekdayDay, locale);
            else if (!sparse)
                period.label = QString::number(day.day.day());
            else // the axis names only Mondays (see attachPeriods)
                period.label = WhenText::day(day.day, WhenText::DayStyle::DayMonth, locale);
            period.deepWorkMinutes = day.deepWorkMinutes;
            period.longestUnbrokenMinutes = day.longestUnbrokenMinutes;
            out.append(period);
        }
        return out;
    }
    for (const DayInsight &day : report.days) {
        const QDate monday = day.day.addDays(1 - day.day.dayOfWeek());
        if (out.isEmpty() || out.last().start != monday) {
            Period period;
            period.start = monday;
            period.label = WhenText::day(monday, WhenText::DayStyle::DayMonth, locale);
            out.append(period);
        }
        out.last().deepWorkMinutes += day.deepWorkMinutes;
        out.last().longestUnbrokenMinutes = qMax(out.last().longestUnbrokenMinutes, day.longestUnbrokenMinutes);
    }
    return out;
}

QString periodAxisTitle(const InsightsReport &report)
{
    if (isByWeek(report))
        return tr("week starting");
    if (report.days.size() <= 7)
        return QString();
    const QLocale locale;
    return tr("%1 – %2").arg(WhenText::day(report.first, WhenText::DayStyle::DayMonth, locale),
                             WhenText::day(report.last, WhenText::DayStyle::DayMonth, locale));
}

// One bar of hours per day (or week), from `minutesOf` each period.
QChart *hoursPerPeriod(const InsightsReport &report, const QPalette &palette, const QString &name,
                       int (*minutesOf)(const Period &))
{
    const Colors colors(palette);
    QChart *chart = newChart(colors);
    QBarSet *set = newSet(name, colors.focus);
    for (const Period &period : periods(report))
        set->append(hours(minutesOf(period)));
    auto *series = new QBarSeries;
    series->append(set);
    series->setBarWidth(0.7);
    attachPeriods(chart, series, report, valueAxis(largestOf({set}), tr("hours"), colors), colors);
    chart->legend()->hide();
    return chart;
}

QChart *deepWork(const InsightsReport &report, const QPalette &palette)
{
    return hoursPerPeriod(report, palette, tr("Deep work"),
                          [](const Period &period) { return period.deepWorkMinutes; });
}

QChart *plannedVersusDone(const InsightsReport &report, const QPalette &palette)
{
    const Colors colors(palette);
    QChart *chart = newChart(colors);
    int planned = 0, worked = 0, moved = 0, dropped = 0;
    for (const DayInsight &day : report.days) {
        planned += day.blocksPlanned;
        worked += day.blocksWorked;
        moved += day.blocksMoved;
        dropped += day.blocksDropped;
    }
    // One set per outcome, so each keeps its colour and the legend names it.
    const QList<QPair<QString, QColor>> kinds{{tr("Planned"), colors.neutral},
                                              {tr("Worked"), colors.focus},
                                              {tr("Moved"), colors.amber},
                                              {tr("Dropped"), colors.warning}};
    const QList<int> values{planned, worked, moved, dropped};
    auto *series = new QHorizontalBarSeries;
    QList<QBarSet *> sets;
    for (qsizetype i = kinds.size() - 1; i >= 0; --i) { // top to bottom: Planned first
        QBarSet *set = newSet(kinds[i].first, kinds[i].second);
        set->append(values[i]);
        series->append(set);
        sets.append(set);
    }
    series->setBarWidth(0.9);
    series->setLabelsVisible(true);
    series->setLabelsPosition(QAbstractBarSeries::LabelsOutsideEnd);
    attachHorizontal(chart, series, categoryAxis({tr("Focus blocks")}, QString(), colors),
                     valueAxis(largestOf(sets) * 1.15, tr("blocks"), colors, true));
    chart->axes(Qt::Vertical).first()->setLabelsVisible(false);
    chart->axes(Qt::Vertical).first()->setLineVisible(false);
    chart->legend()->setReverseMarkers(true);
    return chart;
}

QChart *longestStretch(const InsightsReport &report, const QPalette &palette)
{
    return hoursPerPeriod(report, palette,
                          isByWeek(report) ? tr("Longest stretch in the week") : tr("Longest stretch"),
                          [](const Period &period) { return period.longestUnbrokenMinutes; });
}

QChart *interruptions(const InsightsReport &report, const QPalette &palette)
{
    const Colors colors(palette);
    QChart *chart = newChart(colors);
    QStringList categories;
    // Released is part of held: the bar shows what is still held, then what was released.
    QBarSet *stillHeld = newSet(tr("Still held"), colors.focus);
    QBarSet *released = newSet(tr("Released in a digest"), colors.focusSoft);
    QBarSet *letThrough = newSet(tr("Let through"), colors.amber);
    for (qsizetype i = report.sources.size() - 1; i >= 0; --i) { // first source on top
        const SourceInterruptions &source = report.sources[i];
        categories.append(source.source.isEmpty() ? tr("(unnamed)") : source.source);
        stillHeld->append(qMax(0, source.held - source.releasedInDigest));
        released->append(source.releasedInDigest);
        letThrough->append(source.letThrough);
    }
    auto *series = new QHorizontalStackedBarSeries;
    series->append({stillHeld, released, letThrough});
    series->setBarWidth(0.6);
    attachHorizontal(chart, series, categoryAxis(categories, QString(), colors),
                     valueAxis(largestStacked({stillHeld, released, letThrough}), tr("notifications"), colors, true));
    return chart;
}

QChart *meetingsVersusFocus(const InsightsReport &report, const QPalette &palette)
{
    const Colors colors(palette);
    QChart *chart = newChart(colors);
    const QLocale locale;
    QStringList categories;
    QBarSet *focus = newSet(tr("Focus"), colors.focus);
    QBarSet *meetings = newSet(tr("Meetings"), colors.neutral);
    for (const WeekInsight &week : report.weeks) {
        categories.append(WhenText::day(week.monday, WhenText::DayStyle::DayMonth, locale));
        focus->append(hours(week.focusMinutes));
        meetings->append(hours(week.meetingMinutes));
    }
    auto *series = new QBarSeries;
    series->append({focus, meetings});
    series->setBarWidth(0.75);
    attachVertical(chart, series, categoryAxis(categories, tr("week starting"), colors),
                   valueAxis(largestOf({focus, meetings}), tr("hours"), colors));
    return chart;
}

QChart *estimateAccuracy(const InsightsReport &report, const QPalette &palette)
{
    const Colors colors(palette);
    QChart *chart = newChart(colors);
    QStringList categories;
    QBarSet *estimated = newSet(tr("Estimated"), colors.neutral);
    QBarSet *actual = newSet(tr("Actual"), colors.focus);
    for (qsizetype i = report.accuracy.size() - 1; i >= 0; --i) { // first tag on top
        const TagAccuracy &tag = report.accuracy[i];
        categories.append(tag.tag.isEmpty() ? tr("(no tag)") : tag.tag);
        estimated->append(hours(tag.estimatedMinutes));
        actual->append(hours(tag.actualMinutes));
    }
    auto *series = new QHorizontalBarSeries;
    series->append({actual, estimated});
    series->setBarWidth(0.75);
    attachHorizontal(chart, series, categoryAxis(categories, QString(), colors),
                     valueAxis(largestOf({estimated, actual}), tr("hours"), colors));
    chart->legend()->setReverseMarkers(true);
    return chart;
}

} // namespace fermata::InsightsCharts
