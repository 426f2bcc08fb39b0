#pragma once

// Applies prepared events to a sink in file order (internal to the iCalendar import).

#include "calendar/icalpreparedevent.h"
#include "calendar/icalreader.h"
#include "calendar/icalzones.h"

#include <QByteArray>
#include <QHash>
#include <QSet>
#include <QString>

namespace fermata::ical {

// Applies prepared events in file order: which copy of an event wins, and the sink. It keeps
// a little per UID (version and line), not the events.
class EventCommitter
{
public:
    EventCommitter(const ZoneTable &zones, IcalRuleSink &sink, IcalReadReport &report)
        : m_zones(zones), m_sink(sink), m_report(report)
    {
    }
    // False when the sink refused (a database error): the read stops.
    bool commit(PreparedEvent &event);

private:
    // The copy of a UID (or UID/RECURRENCE-ID) that is kept so far.
    struct Kept
    {
        Version version;
        qint64 line = 0;
    };

    void report(const PreparedEvent::Issue &issue);
    bool isCopyToKeep(const PreparedEvent &event, const QString &key, const Kept *kept);
    bool commitOverride(const PreparedEvent &event);
    bool commitMaster(PreparedEvent &event);
    // The name series store for `zone`; false when the sink refused its definition.
    bool nameZone(const Zone &zone, QByteArray &name);

    const ZoneTable &m_zones;
    IcalRuleSink &m_sink;
    IcalReadReport &m_report;
    QHash<QString, Kept> m_masters;   // UID -> its master
    QHash<QString, Kept> m_overrides; // UID/RECURRENCE-ID -> its override
    QHash<const Zone *, QByteArray> m_zoneNames; // embedded zones given to the sink so far
    QSet<QByteArray> m_reportedZones;
};

} // namespace fermata::ical
