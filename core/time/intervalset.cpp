#include "time/intervalset.h"

#include <QDebug>

#include <algorithm>

namespace fermata {

IntervalSet::IntervalSet(std::initializer_list<Interval> intervals)
{
    for (const Interval &interval : intervals)
        add(interval);
}

IntervalSet::IntervalSet(const QList<Interval> &intervals)
{
    QList<Interval> sorted;
    sorted.reserve(intervals.size());
    for (const Interval &interval : intervals) {
        if (!interval.isEmpty())
            sorted.append(interval);
    }
    std::sort(sorted.begin(), sorted.end());
    for (const Interval &interval : std::as_const(sorted)) {
        if (!m_intervals.isEmpty() && interval.startMs() <= m_intervals.last().endMs()) {
            Interval &last = m_intervals.last();
            last = Interval(last.startMs(), qMax(last.endMs(), interval.endMs()));
        } else {
            m_intervals.append(interval);
        }
    }
}

qsizetype IntervalSet::firstEndingAfter(qint64 ms) const
{
    const auto it = std::upper_bound(m_intervals.cbegin(), m_intervals.cend(), ms,
                                     [](qint64 value, const Interval &i) { return value < i.endMs(); });
    return it - m_intervals.cbegin();
}

void IntervalSet::add(const Interval &interval)
{
    if (interval.isEmpty())
        return;
    // Everything that touches [start, end] merges into one interval.
    qsizetype first = firstEndingAfter(interval.startMs() - 1);
    qint64 start = interval.startMs();
    qint64 end = interval.endMs();
    qsizetype last = first;
    while (last < m_intervals.size() && m_intervals.at(last).startMs() <= end) {
        start = qMin(start, m_intervals.at(last).startMs());
        end = qMax(end, m_intervals.at(last).endMs());
        ++last;
    }
    m_intervals.remove(first, last - first);
    m_intervals.insert(first, Interval(start, end));
}

void IntervalSet::remove(const Interval &interval)
{
    if (interval.isEmpty())
        return;
    qsizetype i = firstEndingAfter(interval.startMs());
    QList<Interval> replacement;
    qsizetype last = i;
    while (last < m_intervals.size() && m_intervals.at(last).startMs() < interval.endMs()) {
        const Interval &current = m_intervals.at(last);
        if (current.startMs() < interval.startMs())
            replacement.append(Interval(current.startMs(), interval.startMs()));
        if (current.endMs() > interval.endMs())
            replacement.append(Interval(interval.endMs(), current.endMs()));
        ++last;
    }
    m_intervals.remove(i, last - i);
    for (qsizetype k = 0; k < replacement.size(); ++k)
        m_intervals.insert(i + k, replacement.at(k));
}

IntervalSet IntervalSet::united(const IntervalSet &other) const
{
    QList<Interval> all = m_intervals;
    all.append(other.m_intervals);
    return IntervalSet(all);
}

IntervalSet IntervalSet::intersected(const IntervalSet &other) const
{
    IntervalSet result;
    qsizetype i = 0;
    qsizetype j = 0;
    while (i < m_intervals.size() && j < other.m_intervals.size()) {
        const Interval &a = m_intervals.at(i);
        const Interval &b = other.m_intervals.at(j);
        const Interval common = a.intersected(b);
        if (!common.isEmpty())
            result.m_intervals.append(common);
        if (a.endMs() < b.endMs())
            ++i;
        else
            ++j;
    }
    return result;
}

IntervalSet IntervalSet::intersected(const Interval &range) const
{
    IntervalSet result;
    for (qsizetype i = firstEndingAfter(range.startMs());
         i < m_intervals.size() && m_intervals.at(i).startMs() < range.endMs(); ++i) {
        const Interval common = m_intervals.at(i).intersected(range);
        if (!common.isEmpty())
            result.m_intervals.append(common);
    }
    return result;
}

IntervalSet IntervalSet::subtracted(const IntervalSet &other) const
{
    IntervalSet result;
    qsizetype j = 0;
    for (const Interval &a : m_intervals) {
        qint64 cursor = a.startMs();
        while (j < other.m_intervals.size() && other.m_intervals.at(j).endMs() <= cursor)
            ++j;
        qsizetype k = j;
        while (k < other.m_intervals.size() && other.m_intervals.at(k).startMs() < a.endMs()) {
            const Interval &b = other.m_intervals.at(k);
            if (b.startMs() > cursor)
                result.m_intervals.append(Interval(cursor, b.startMs()));
            cursor = qMax(cursor, b.endMs());
            ++k;
        }
        if (cursor < a.endMs())
            result.m_intervals.append(Interval(cursor, a.endMs()));
    }
    return result;
}

qint64 IntervalSet::totalMs() const
{
    qint64 total = 0;
    for (const Interval &interval : m_intervals)
        total += interval.durationMs();
    return total;
}

bool IntervalSet::contains(qint64 ms) const
{
    const qsizetype i = firstEndingAfter(ms);
    return i < m_intervals.size() && m_intervals.at(i).contains(ms);
}

bool IntervalSet::contains(const Interval &interval) const
{
    if (interval.isEmpty())
        return false;
    const qsizetype i = firstEndingAfter(interval.startMs());
    return i < m_intervals.size() && m_intervals.at(i).contains(interval);
}

bool IntervalSet::overlaps(const Interval &interval) const
{
    const qsizetype i = firstEndingAfter(interval.startMs());
    return i < m_intervals.size() && m_intervals.at(i).overlaps(interval);
}

QDebug operator<<(QDebug debug, const IntervalSet &set)
{
    const QDebugStateSaver saver(debug);
    debug.nospace() << "IntervalSet(" << set.intervals() << ')';
    return debug;
}

} // namespace fermata
