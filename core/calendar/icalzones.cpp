#include "calendar/icalzones.h"

#include "calendar/icalreader.h"
#include "calendar/icalzonealiases.h"
#include "time/weeklyrule.h"

#include <libical/ical.h>

#include <algorithm>

namespace fermata {

namespace {

// "Etc/GMT-2" is two hours east of Greenwich (POSIX signs are inverted): a fixed offset,
// so it works where the system has no Etc zones. Etc/GMT-14 .. Etc/GMT+12 exist.
QTimeZone etcGmtZone(const QByteArray &tzid)
{
    if (!tzid.startsWith("Etc/GMT") || tzid.size() < 9 || tzid.size() > 10)
        return {};
    const char sign = tzid.at(7);
    const QByteArray digits = tzid.mid(8);
    if ((sign != '+' && sign != '-')
        || !std::all_of(digits.cbegin(), digits.cend(), [](char c) { return c >= '0' && c <= '9'; }))
        return {};
    const int hours = digits.toInt();
    if (hours > (sign == '-' ? 14 : 12))
        return {};
    // Qt's own id for the offset ("UTC+02:00"), which every Qt build knows.
    return QTimeZone(QByteArray("UTC") + (sign == '-' ? '+' : '-')
                     + QByteArray::number(hours).rightJustified(2, '0') + ":00");
}

// A zone Qt knows by `id`: as an Etc/GMT offset (the same on every platform), directly, or
// through a legacy tz name.
QTimeZone knownZone(const QByteArray &id)
{
    if (QTimeZone zone = etcGmtZone(id); zone.isValid())
        return zone;
    if (QTimeZone::isTimeZoneIdAvailable(id))
        return QTimeZone(id);
    if (const QByteArray current = ical::currentZoneName(id);
        !current.isEmpty() && QTimeZone::isTimeZoneIdAvailable(current))
        return QTimeZone(current);
    return {};
}

} // namespace

QTimeZone zoneForTzid(const QByteArray &raw)
{
    const QByteArray tzid = ical::normalizedTzid(raw);
    if (tzid.isEmpty() || tzid.size() > 200)
        return {};
    if (QTimeZone zone = knownZone(tzid); zone.isValid())
        return zone;
    // Vendor prefixes: "/mozilla.org/20050126_1/Europe/Berlin",
    // "/freeassociation.sourceforge.net/Tzfile/Europe/London". Try the last 3, 2, 1 parts.
    const QList<QByteArray> parts = tzid.split('/');
    for (qsizetype n = qMin<qsizetype>(3, parts.size() - 1); n >= 1; --n) {
        const QByteArray candidate = parts.mid(parts.size() - n).join('/');
        if (candidate.isEmpty())
            continue;
        if (QTimeZone zone = knownZone(candidate); zone.isValid())
            return zone;
    }
    // Outlook and Exchange write Windows names ("W. Europe Standard Time").
    const QByteArray iana = QTimeZone::windowsIdToDefaultIanaId(tzid);
    if (!iana.isEmpty() && QTimeZone::isTimeZoneIdAvailable(iana))
        return QTimeZone(iana);
    return {};
}

namespace ical {

QByteArray currentZoneName(QByteArrayView name)
{
    const auto it = std::lower_bound(std::begin(zoneAliases), std::end(zoneAliases), name,
                                     [](const ZoneAlias &alias, QByteArrayView wanted) {
                                         return QByteArrayView(alias.name) < wanted;
                                     });
    if (it == std::end(zoneAliases) || QByteArrayView(it->name) != name)
        return {};
    return QByteArray(it->current);
}

QByteArray normalizedTzid(const QByteArray &raw)
{
    QByteArray tzid = raw.trimmed();
    if (tzid.size() >= 2 && tzid.startsWith('"') && tzid.endsWith('"'))
        tzid = tzid.mid(1, tzid.size() - 2).trimmed();
    return tzid;
}

namespace {
constexpr qint64 s_julianEpoch = 2440588;       // QDate(1970, 1, 1).toJulianDay()

qint64 wallMs(QDate date, QTime time)
{
    return (date.toJulianDay() - s_julianEpoch) * 86400000 + time.msecsSinceStartOfDay();
}
} // namespace

ZoneTable::ZoneTable(QTimeZone floatingZone, qint64 fromMs, qint64 toMs)
    : m_fromMs(fromMs)
    , m_toMs(toMs)
    , m_floatingZone(floatingZone.isValid() ? std::move(floatingZone) : QTimeZone("UTC"))
{
    m_floating.kind = Zone::Kind::Floating;
    m_floating.offsets = OffsetTable(m_floatingZone, fromMs, toMs);
    m_utc.kind = Zone::Kind::Utc;
    m_unknown = std::make_shared<Zone>(m_floating);
}

ZoneTable::~ZoneTable()
{
    for (icaltimezone *zone : std::as_const(m_embedded))
        icaltimezone_free(zone, 1);
}

bool ZoneTable::addVtimezone(icalcomponent *vtimezone)
{
    icalproperty *tzidProperty = icalcomponent_get_first_property(vtimezone, ICAL_TZID_PROPERTY);
    const char *tzid = tzidProperty ? icalproperty_get_tzid(tzidProperty) : nullptr;
    if (!tzid) {
        icalcomponent_free(vtimezone);
        return false;
    }
    const QByteArray key = normalizedTzid(QByteArray(tzid));
    if (key.isEmpty()) {
        icalcomponent_free(vtimezone);
        return false;
    }
    for (icalproperty *p = icalcomponent_get_first_property(vtimezone, ICAL_X_PROPERTY); p;
         p = icalcomponent_get_next_property(vtimezone, ICAL_X_PROPERTY)) {
        const char *name = icalproperty_get_x_name(p);
        const char *value = icalproperty_get_value_as_string(p);
        if (name && value && qstricmp(name, "X-LIC-LOCATION") == 0)
            m_embeddedLocation.insert(key, QByteArray(value));
    }
    if (m_embedded.contains(key)) { // the first definition wins
        icalcomponent_free(vtimezone);
        return true;
    }
    icaltimezone *zone = icaltimezone_new();
    if (!icaltimezone_set_component(zone, vtimezone)) {
        icaltimezone_free(zone, 1);
        icalcomponent_free(vtimezone);
        return false;
    }
    m_embedded.insert(key, zone);
    return true;
}

const Zone &ZoneTable::lookup(const QByteArray &rawTzid, bool *known)
{
    // " Europe/Berlin" and "Lab Time " name the same zones as without the spaces.
    const QByteArray tzid = normalizedTzid(rawTzid);
    const std::lock_guard lock(m_cacheMutex);
    if (auto it = m_cache.constFind(tzid); it != m_cache.constEnd()) {
        *known = it.value() != m_unknown;
        return *it.value();
    }
    auto zone = std::make_shared<Zone>();
    QTimeZone system = zoneForTzid(tzid);
    if (!system.isValid() && m_embeddedLocation.contains(tzid))
        system = zoneForTzid(m_embeddedLocation.value(tzid));
    if (system.isValid()) {
        zone->kind = Zone::Kind::System;
        zone->system = system;
        zone->offsets = OffsetTable(system, m_fromMs, m_toMs);
    } else if (icaltimezone *embedded = m_embedded.value(tzid)) {
        zone->kind = Zone::Kind::Embedded;
        zone->embedded = embedded;
    } else {
        zone = m_unknown;
    }
    m_cache.insert(tzid, zone);
    *known = zone != m_unknown;
    return *zone;
}

qint64 ZoneTable::toUtcMs(const Zone &zone, QDate date, QTime time) const
{
    switch (zone.kind) {
    case Zone::Kind::Utc:
        return wallMs(date, time);
    case Zone::Kind::System:
        if (const auto ms = zone.offsets.resolve(wallMs(date, time)))
            return *ms;
        return resolveWallClock(date, time, zone.system).toMSecsSinceEpoch();
    case Zone::Kind::Embedded: {
        icaltimetype tt = icaltime_null_time();
        tt.year = date.year();
        tt.month = date.month();
        tt.day = date.day();
        tt.hour = time.hour();
        tt.minute = time.minute();
        tt.second = time.second();
        const std::lock_guard lock(m_embeddedMutex);
        return qint64(icaltime_as_timet_with_zone(tt, zone.embedded)) * 1000;
    }
    case Zone::Kind::Floating:
        if (const auto ms = m_floating.offsets.resolve(wallMs(date, time)))
            return *ms;
        break;
    }
    return resolveWallClock(date, time, m_floatingZone).toMSecsSinceEpoch();
}

} // namespace ical
} // namespace fermata
