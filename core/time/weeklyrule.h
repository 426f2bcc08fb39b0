#pragma once

#include "time/intervalset.h"

#include <QByteArray>
#include <QTime>
#include <QTimeZone>

namespace fermata {

// A wall-clock rule such as "Mon–Fri 09:00–17:00 in Europe/Berlin", expanded to UTC intervals.
// An end at or before the start means the rule runs past midnight into the next day.
// DST: a rule time inside a gap moves to the first valid instant after it; in an overlap the
// first occurrence wins.
class WeeklyRule
{
public:
    WeeklyRule() = default;
    WeeklyRule(quint8 dayMask, QTime start, QTime end, QByteArray zoneId);

    // Bit (day - 1) for Qt::Monday .. Qt::Sunday.
    static constexpr quint8 dayBit(Qt::DayOfWeek day) { return quint8(1u << (int(day) - 1)); }
    static constexpr quint8 Weekdays = 0b0011111;
    static constexpr quint8 EveryDay = 0b1111111;

    quint8 dayMask() const { return m_dayMask; }
    bool appliesOn(Qt::DayOfWeek day) const { return m_dayMask & dayBit(day); }
    QTime start() const { return m_start; }
    QTime end() const { return m_end; }
    QByteArray zoneId() const { return m_zoneId; }
    bool crossesMidnight() const { return m_end <= m_start; }
    bool isValid() const;

    // The rule's occurrences that overlap `range`, clipped to it.
    IntervalSet expand(const Interval &range) const;

    bool operator==(const WeeklyRule &) const = default;

private:
    quint8 m_dayMask = 0;
    QTime m_start;
    QTime m_end;
    QByteArray m_zoneId;
};

// The UTC instant of a wall-clock date and time in `zone`, under the DST policy above.
QDateTime resolveWallClock(QDate date, QTime time, const QTimeZone &zone);

// Whether `id` names a zone this system can use. Wider than QTimeZone::availableTimeZoneIds():
// aliases such as "Etc/UTC" (many servers' system zone) are valid but not listed there.
bool isKnownTimeZoneId(const QByteArray &id);

QDebug operator<<(QDebug debug, const WeeklyRule &rule);

} // namespace fermata
