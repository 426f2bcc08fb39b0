#include "time/weeklyrule.h"

#include <QDebug>

namespace fermata {

namespace {

constexpr qint64 msPerDay = 24 * 3600 * 1000;
// No zone is further than 14 h from UTC; a little margin covers any wall time's instant.
constexpr qint64 offsetSearchMs = 15 * 3600 * 1000;

qint64 wallClockAsUtcMs(QDate date, QTime time)
{
    return QDateTime(date, time, Qt::UTC).toMSecsSinceEpoch();
}

int offsetAt(const QTimeZone &zone, qint64 utcMs)
{
    return zone.offsetFromUtc(QDateTime::fromMSecsSinceEpoch(utcMs, Qt::UTC));
}

} // namespace

bool isKnownTimeZoneId(const QByteArray &id)
{
    return !id.isEmpty() && QTimeZone(id).isValid();
}

QDateTime resolveWallClock(QDate date, QTime time, const QTimeZone &zone)
{
    // Qt 6.4 gives an invalid QDateTime inside a gap and makes no promise about overlaps,
    // so compute the instant from the offsets in force around the wall time ourselves.
    const qint64 wall = wallClockAsUtcMs(date, time);
    const int before = offsetAt(zone, wall - offsetSearchMs);
    const int after = offsetAt(zone, wall + offsetSearchMs);
    if (before == after)
        return QDateTime::fromMSecsSinceEpoch(wall - qint64(before) * 1000, Qt::UTC);

    const qint64 candidateBefore = wall - qint64(before) * 1000;
    const qint64 candidateAfter = wall - qint64(after) * 1000;
    const bool beforeValid = offsetAt(zone, candidateBefore) == before;
    const bool afterValid = offsetAt(zone, candidateAfter) == after;
    if (beforeValid && afterValid) // overlap: the first occurrence wins
        return QDateTime::fromMSecsSinceEpoch(qMin(candidateBefore, candidateAfter), Qt::UTC);
    if (beforeValid)
        return QDateTime::fromMSecsSinceEpoch(candidateBefore, Qt::UTC);
    if (afterValid)
        return QDateTime::fromMSecsSinceEpoch(candidateAfter, Qt::UTC);

    // A gap: the wall time never happens. The first valid instant after it is the transition.
    const qint64 latest = qMax(candidateBefore, candidateAfter);
    const QTimeZone::OffsetData transition = zone.previousTransition(
        QDateTime::fromMSecsSinceEpoch(latest + 1, Qt::UTC));
    if (transition.atUtc.isValid())
        return transition.atUtc.toUTC();
    return QDateTime::fromMSecsSinceEpoch(latest, Qt::UTC);
}

WeeklyRule::WeeklyRule(quint8 dayMask, QTime start, QTime end, QByteArray zoneId)
    : m_dayMask(dayMask & EveryDay), m_start(start), m_end(end), m_zoneId(std::move(zoneId))
{
}

bool WeeklyRule::isValid() const
{
    return m_dayMask != 0 && m_start.isValid() && m_end.isValid()
        && QTimeZone(m_zoneId).isValid();
}

IntervalSet WeeklyRule::expand(const Interval &range) const
{
    IntervalSet result;
    if (!isValid() || range.isEmpty())
        return result;
    const QTimeZone zone(m_zoneId);
    // Local dates that can touch the range, plus one day before for rules past midnight.
    const QDate first = range.start().toTimeZone(zone).date().addDays(-1);
    const QDate last = range.end().toTimeZone(zone).date();
    QList<Interval> occurrences;
    for (QDate day = first; day <= last; day = day.addDays(1)) {
        if (!appliesOn(Qt::DayOfWeek(day.dayOfWeek())))
            continue;
        const QDate endDay = crossesMidnight() ? day.addDays(1) : day;
        const Interval occurrence = Interval::fromDateTimes(resolveWallClock(day, m_start, zone),
                                                            resolveWallClock(endDay, m_end, zone));
        const Interval clipped = occurrence.intersected(range);
        if (!clipped.isEmpty())
            occurrences.append(clipped);
    }
    return IntervalSet(occurrences);
}

QDebug operator<<(QDebug debug, const WeeklyRule &rule)
{
    const QDebugStateSaver saver(debug);
    debug.nospace() << "WeeklyRule(days=0b" << QByteArray::number(rule.dayMask(), 2) << ' '
                    << rule.start().toString(u"HH:mm") << '-' << rule.end().toString(u"HH:mm")
                    << ' ' << rule.zoneId() << ')';
    return debug;
}

} // namespace fermata
