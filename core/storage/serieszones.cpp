#include "storage/serieszones.h"

#include "time/weeklyrule.h"

#include <libical/ical.h>

#include <algorithm>

namespace fermata {


SeriesZones::SeriesZones(qint64 fromMs, qint64 toMs) : m_fromMs(fromMs), m_toMs(toMs) {}

SeriesZones::~SeriesZones() = default;

SeriesZones::Zone::~Zone()
{
    if (embedded)
        icaltimezone_free(embedded, 1);
}

void SeriesZones::addDefinition(const QByteArray &name, const QByteArray &vtimezone)
{
    if (!m_definitions.contains(name))
        m_definitions.insert(name, vtimezone);
}

const SeriesZones::Zone &SeriesZones::zone(const QByteArray &name)
{
    if (auto it = m_zones.constFind(name); it != m_zones.constEnd())
        return **it;
    auto zone = std::make_shared<Zone>();
    if (name.startsWith("vtimezone:")) {
        const QByteArray text = m_definitions.value(name);
        icalcomponent *component = text.isEmpty() ? nullptr : icalparser_parse_string(text.constData());
        if (component && icalcomponent_isa(component) != ICAL_VTIMEZONE_COMPONENT) {
            icalcomponent *inner = icalcomponent_get_first_component(component, ICAL_VTIMEZONE_COMPONENT);
            if (inner)
                icalcomponent_remove_component(component, inner);
            icalcomponent_free(component);
            component = inner;
        }
        if (component) {
            icaltimezone *embedded = icaltimezone_new();
            if (icaltimezone_set_component(embedded, component)) {
                zone->kind = Zone::Kind::Embedded;
                zone->embedded = embedded;
            } else {
                icaltimezone_free(embedded, 1);
                icalcomponent_free(component);
            }
        }
    } else if (name != "UTC" && !name.isEmpty()) {
        QTimeZone system(name);
        if (system.isValid()) {
            zone->kind = Zone::Kind::System;
            zone->offsets = OffsetTable(system, m_fromMs, m_toMs);
            zone->system = std::move(system);
        }
    }
    m_zones.insert(name, zone);
    return *zone;
}

qint64 SeriesZones::toUtcMs(const Zone &zone, QDate date, QTime time) const
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
        return qint64(icaltime_as_timet_with_zone(tt, zone.embedded)) * 1000;
    }
    }
    return wallMs(date, time);
}

} // namespace fermata
