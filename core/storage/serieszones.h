#pragma once

#include "time/offsettable.h"

#include <QByteArray>
#include <QDate>
#include <QHash>
#include <QTime>
#include <QTimeZone>

#include <memory>
#include <optional>
#include <vector>

struct _icaltimezone;

namespace fermata {

// Wall-clock times of stored series (CalendarSeries::zone) to UTC instants, under the
// project's DST policy (resolveWallClock: a time in a gap moves to the first valid instant
// after it, in an overlap the first occurrence wins). Expansion converts every occurrence and
// QTimeZone costs microseconds per call, so each zone's offsets are looked up in a table of
// its transitions over a span; outside it QTimeZone answers. A calendar's own VTIMEZONEs
// ("vtimezone:<key>", given by addDefinition) convert through libical, as the reader does.
// One thread at a time.
class SeriesZones final
{
public:
    SeriesZones(qint64 fromMs, qint64 toMs);
    ~SeriesZones();
    SeriesZones(const SeriesZones &) = delete;
    SeriesZones &operator=(const SeriesZones &) = delete;

    // The VTIMEZONE text for a "vtimezone:<key>" zone name.
    void addDefinition(const QByteArray &name, const QByteArray &vtimezone);
    bool hasDefinition(const QByteArray &name) const { return m_definitions.contains(name); }

    class Zone;
    // The zone for a stored name; an unknown one reads as UTC. Valid as long as this object.
    const Zone &zone(const QByteArray &name);
    qint64 toUtcMs(const Zone &zone, QDate date, QTime time) const;

    // "ms since the epoch as if UTC" of a wall-clock time: wall-clock arithmetic without
    // QDateTime (whole days keep the time of day across DST).
    static qint64 wallMs(QDate date, QTime time)
    {
        return (date.toJulianDay() - 2440588) * 86400000 + time.msecsSinceStartOfDay();
    }
    static QDate wallDate(qint64 wallMs)
    {
        return QDate::fromJulianDay((wallMs >= 0 ? wallMs : wallMs - 86399999) / 86400000 + 2440588);
    }
    static QTime wallTime(qint64 wallMs)
    {
        return QTime::fromMSecsSinceStartOfDay(int(((wallMs % 86400000) + 86400000) % 86400000));
    }

private:
    qint64 m_fromMs;
    qint64 m_toMs;
    QHash<QByteArray, QByteArray> m_definitions;
    QHash<QByteArray, std::shared_ptr<Zone>> m_zones;
};

class SeriesZones::Zone
{
public:
    enum class Kind { Utc, System, Embedded };
    Kind kind = Kind::Utc;
    QTimeZone system;
    _icaltimezone *embedded = nullptr;
    ~Zone();

    OffsetTable offsets; // Kind::System, over the span
};

} // namespace fermata
