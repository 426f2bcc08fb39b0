#pragma once

#include "time/interval.h"

#include <QList>

namespace fermata {

// A set of instants kept as sorted, disjoint, non-touching intervals: the free/busy
// arithmetic under planning and check-in windows. Adjacent intervals are merged.
class IntervalSet
{
public:
    IntervalSet() = default;
    IntervalSet(std::initializer_list<Interval> intervals);
    explicit IntervalSet(const QList<Interval> &intervals);

    void add(const Interval &interval);
    void remove(const Interval &interval);

    IntervalSet united(const IntervalSet &other) const;
    IntervalSet intersected(const IntervalSet &other) const;
    IntervalSet intersected(const Interval &range) const;
    IntervalSet subtracted(const IntervalSet &other) const;

    qint64 totalMs() const;
    qint64 totalMinutes() const { return totalMs() / 60000; }
    bool isEmpty() const { return m_intervals.isEmpty(); }
    qsizetype size() const { return m_intervals.size(); }
    bool contains(qint64 ms) const;
    bool contains(const Interval &interval) const;
    bool overlaps(const Interval &interval) const;

    const QList<Interval> &intervals() const { return m_intervals; }
    QList<Interval>::const_iterator begin() const { return m_intervals.cbegin(); }
    QList<Interval>::const_iterator end() const { return m_intervals.cend(); }

    bool operator==(const IntervalSet &) const = default;

private:
    // Index of the first interval whose end is after `ms`.
    qsizetype firstEndingAfter(qint64 ms) const;

    QList<Interval> m_intervals;
};

QDebug operator<<(QDebug debug, const IntervalSet &set);

} // namespace fermata
