#pragma once

#include <QTimeZone>

#include <optional>
#include <utility>
#include <vector>

namespace fermata {

// A zone's UTC offsets over a span, looked up without QDateTime: expanding recurring events
// converts hundreds of thousands of wall times and QTimeZone costs microseconds per call.
// resolve() follows resolveWallClock()'s DST policy exactly (time/weeklyrule.h).
class OffsetTable
{
public:
    OffsetTable() = default;
    OffsetTable(const QTimeZone &zone, qint64 fromMs, qint64 toMs);
    // The instant of a wall time given as "ms since the epoch as if UTC"; nullopt outside
    // the span (the caller falls back to resolveWallClock()).
    std::optional<qint64> resolve(qint64 wallMs) const;

private:
    int offsetAt(qint64 utcMs) const; // seconds east of UTC
    qint64 m_fromMs = 0;
    qint64 m_toMs = 0;
    int m_initialOffset = 0;
    std::vector<std::pair<qint64, int>> m_transitions; // at (UTC ms), offset after
};

} // namespace fermata
