#pragma once

// Internal to the iCalendar reader: the zones a file's TZIDs name, resolved once per read.

#include "time/offsettable.h"

#include <QByteArray>
#include <QByteArrayView>
#include <QDate>
#include <QHash>
#include <QTime>
#include <QTimeZone>

#include <optional>

#include <memory>
#include <mutex>
#include <vector>

struct _icaltimezone;
struct icalcomponent_impl;

namespace fermata::ical {

// The current tz name for a legacy one ("US/Eastern" -> "America/New_York") from the built-in
// table (icalzonealiases.h); empty when `name` is no alias.
QByteArray currentZoneName(QByteArrayView name);

// A TZID as it names a zone: without surrounding spaces and quotes (" Lab Time " is
// "Lab Time"). Both a VTIMEZONE's TZID and the TZIDs that refer to it are compared so.
QByteArray normalizedTzid(const QByteArray &raw);

// A zone a time in the file is written in.
struct Zone
{
    enum class Kind { Floating, Utc, System, Embedded };
    Kind kind = Kind::Floating;
    QTimeZone system;                 // Kind::System
    OffsetTable offsets;              // Kind::System and Floating, over the horizon
    _icaltimezone *embedded = nullptr; // Kind::Embedded: the file's own VTIMEZONE (libical)
};

// The TZIDs of one file: system zones first (IANA, vendor-prefixed, Windows names), then the
// file's own VTIMEZONE rules, else floating. Owns the libical zones made from VTIMEZONEs.
class ZoneTable final
{
public:
    // Offsets are tabulated over [fromMs, toMs) (the horizon plus a margin).
    ZoneTable(QTimeZone floatingZone, qint64 fromMs, qint64 toMs);
    ~ZoneTable();
    ZoneTable(const ZoneTable &) = delete;
    ZoneTable &operator=(const ZoneTable &) = delete;

    // Takes ownership of a parsed VTIMEZONE component; returns false when it has no TZID.
    bool addVtimezone(icalcomponent_impl *vtimezone);

    // The zone for `tzid`; `known` is false when nothing matched and the time is read floating.
    // lookup() and toUtcMs() may be called from several threads (events are prepared in
    // parallel); the returned zone stays valid as long as the table.
    const Zone &lookup(const QByteArray &tzid, bool *known);
    const Zone &floating() const { return m_floating; }
    const Zone &utc() const { return m_utc; }
    const QTimeZone &floatingZone() const { return m_floatingZone; }

    // The UTC instant (ms) of a wall-clock time in `zone`, under the project's DST policy.
    qint64 toUtcMs(const Zone &zone, QDate date, QTime time) const;

private:
    qint64 m_fromMs;
    qint64 m_toMs;
    QTimeZone m_floatingZone;
    Zone m_floating;
    Zone m_utc;
    QHash<QByteArray, _icaltimezone *> m_embedded;   // TZID -> the file's VTIMEZONE
    QHash<QByteArray, QByteArray> m_embeddedLocation; // TZID -> X-LIC-LOCATION
    QHash<QByteArray, std::shared_ptr<Zone>> m_cache;
    std::shared_ptr<Zone> m_unknown;
    std::mutex m_cacheMutex;            // guards m_cache
    mutable std::mutex m_embeddedMutex; // libical fills a zone's transitions lazily
};

} // namespace fermata::ical
