#pragma once

#include <QDateTime>
#include <QtGlobal>

class QDebug;

namespace fermata {

// A half-open span of time [start, end) in UTC, held as milliseconds since the epoch so
// free/busy arithmetic stays cheap. An interval with end <= start is empty.
class Interval
{
public:
    constexpr Interval() = default;
    constexpr Interval(qint64 startMs, qint64 endMs) : m_startMs(startMs), m_endMs(endMs) {}
    static Interval fromDateTimes(const QDateTime &start, const QDateTime &end);

    constexpr qint64 startMs() const { return m_startMs; }
    constexpr qint64 endMs() const { return m_endMs; }
    QDateTime start() const;
    QDateTime end() const;

    constexpr qint64 durationMs() const { return isEmpty() ? 0 : m_endMs - m_startMs; }
    constexpr qint64 durationMinutes() const { return durationMs() / 60000; }
    constexpr bool isEmpty() const { return m_endMs <= m_startMs; }

    constexpr bool contains(qint64 ms) const { return ms >= m_startMs && ms < m_endMs; }
    constexpr bool contains(const Interval &other) const
    {
        return !other.isEmpty() && other.m_startMs >= m_startMs && other.m_endMs <= m_endMs;
    }
    constexpr bool overlaps(const Interval &other) const
    {
        return !isEmpty() && !other.isEmpty() && m_startMs < other.m_endMs
            && other.m_startMs < m_endMs;
    }
    constexpr Interval intersected(const Interval &other) const
    {
        const Interval r(qMax(m_startMs, other.m_startMs), qMin(m_endMs, other.m_endMs));
        return r.isEmpty() ? Interval() : r;
    }
    // Widened by `before` ms at the start and `after` ms at the end (buffers around meetings).
    constexpr Interval widened(qint64 beforeMs, qint64 afterMs) const
    {
        return Interval(m_startMs - beforeMs, m_endMs + afterMs);
    }

    constexpr bool operator==(const Interval &) const = default;
    constexpr auto operator<=>(const Interval &) const = default;

private:
    qint64 m_startMs = 0;
    qint64 m_endMs = 0;
};

QDebug operator<<(QDebug debug, const Interval &interval);

} // namespace fermata
