#include "attention/checkinschedule.h"

#include <QCoreApplication>

#include <array>

namespace {

// Messages people read, filed under the attention context of the core's translations.
struct Text
{
    Q_DECLARE_TR_FUNCTIONS(fermata::Attention)
};

} // namespace

namespace fermata {

namespace {
constexpr qint64 s_dayMs = 24LL * 3600 * 1000;
}

QList<CheckInWindow> CheckInSchedule::defaultWindows(const QByteArray &zoneId, quint8 dayMask)
{
    QList<CheckInWindow> windows;
    // The labels are stored with the windows, in the language Fermata was set up in.
    const std::array<std::pair<QTime, QString>, 3> starts = {{
        {QTime(9, 0), Text::tr("Morning check-in")},
        {QTime(13, 0), Text::tr("Midday check-in")},
        {QTime(16, 30), Text::tr("Afternoon check-in")},
    }};
    for (const auto &[start, label] : starts) {
        CheckInWindow window;
        window.rule = WeeklyRule(dayMask == 0 ? WeeklyRule::EveryDay : dayMask, start, start.addSecs(20 * 60), zoneId);
        window.label = label;
        window.scope = CheckInWindow::Scope::Personal;
        windows.append(window);
    }
    return windows;
}

IntervalSet CheckInSchedule::openIn(const Interval &range) const
{
    IntervalSet open;
    for (const CheckInWindow &window : m_windows) {
        if (window.rule.isValid())
            open = open.united(window.rule.expand(range));
    }
    return open;
}

std::optional<Interval> CheckInSchedule::windowAt(qint64 ms) const
{
    // Two days either side covers any window that runs past midnight.
    const IntervalSet open = openIn(Interval(ms - 2 * s_dayMs, ms + 2 * s_dayMs));
    for (const Interval &interval : open) {
        if (interval.contains(ms))
            return interval;
    }
    return std::nullopt;
}

std::optional<qint64> CheckInSchedule::nextOpeningAfter(qint64 afterMs, const IntervalSet &quiet) const
{
    // Start a day early so an interval running at afterMs is seen whole, not clipped.
    const Interval range(afterMs - s_dayMs, afterMs + HorizonMs);
    const IntervalSet deliverable = openIn(range).subtracted(quiet);
    for (const Interval &interval : deliverable) {
        if (interval.startMs() > afterMs && interval.startMs() > range.startMs())
            return interval.startMs();
    }
    return std::nullopt;
}

std::optional<qint64> CheckInSchedule::nextBoundaryAfter(qint64 afterMs) const
{
    const Interval range(afterMs - s_dayMs, afterMs + HorizonMs);
    for (const Interval &interval : openIn(range)) {
        if (interval.startMs() > afterMs && interval.startMs() > range.startMs())
            return interval.startMs();
        if (interval.endMs() > afterMs && interval.endMs() < range.endMs())
            return interval.endMs();
    }
    return std::nullopt;
}

} // namespace fermata
