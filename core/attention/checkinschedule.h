#pragma once

#include "model/checkinwindow.h"
#include "time/intervalset.h"

#include <QList>

#include <optional>

namespace fermata {

// When the person reads what came in: the union of every check-in window (personal and team
// windows alike), expanded from wall-clock rules to UTC. "Quiet" time (focus blocks) is
// subtracted when asking when something may be delivered.
class CheckInSchedule
{
public:
    CheckInSchedule() = default;
    explicit CheckInSchedule(QList<CheckInWindow> windows) : m_windows(std::move(windows)) {}

    // First run: three short windows a day, 09:00, 13:00 and 16:30, 20 minutes each.
    // On `dayMask` (WeeklyRule bits): the working days, so a day off gets no check-ins.
    static QList<CheckInWindow> defaultWindows(const QByteArray &zoneId, quint8 dayMask = WeeklyRule::EveryDay);

    const QList<CheckInWindow> &windows() const { return m_windows; }
    void setWindows(QList<CheckInWindow> windows) { m_windows = std::move(windows); }
    bool isEmpty() const { return m_windows.isEmpty(); }

    // The open time inside `range` (windows merged, clipped to the range).
    IntervalSet openIn(const Interval &range) const;
    // The whole merged window that contains `ms`, if one is open then.
    std::optional<Interval> windowAt(qint64 ms) const;
    bool isOpenAt(qint64 ms) const { return windowAt(ms).has_value(); }

    // The first start of deliverable time strictly after `afterMs` (the next "opening").
    std::optional<qint64> nextOpeningAfter(qint64 afterMs, const IntervalSet &quiet) const;
    // The next instant strictly after `afterMs` at which a window starts or ends.
    std::optional<qint64> nextBoundaryAfter(qint64 afterMs) const;

    // How far ahead the searches look: any weekly rule recurs within it.
    static constexpr qint64 HorizonMs = 15LL * 24 * 3600 * 1000;

private:
    QList<CheckInWindow> m_windows;
};

} // namespace fermata
