#pragma once

// What the reader's two stages hand each other (internal to the iCalendar import).

#include "calendar/icalzones.h"
#include "model/calendarevent.h"
#include "storage/calendarseries.h"

#include <QByteArray>
#include <QString>

#include <compare>
#include <limits>
#include <optional>
#include <vector>

namespace fermata::ical {

// Which of two copies of an event is newer (RFC 5546 §2.1.5): the higher SEQUENCE, then the
// later DTSTAMP. Mail-folder exports and updated invitations hold several copies.
struct Version
{
    int sequence = 0;
    qint64 stampMs = std::numeric_limits<qint64>::min(); // no DTSTAMP: older than any
    auto operator<=>(const Version &) const = default;
};

// What one VEVENT turns into. Prepared on any thread (parsing, zones, rules), then applied in
// file order on the reading thread by EventCommitter, which owns the state that depends on
// order: masters and overrides seen so far, issues reported, the sink.
struct PreparedEvent
{
    struct Issue
    {
        qint64 line = 0;
        QString message;
        QByteArray unknownZone; // an unknown TZID: reported once per file
        bool skipped = false;   // the event was skipped for this
    };
    enum class Kind { Skipped, Override, Master };
    Kind kind = Kind::Skipped;
    qint64 line = 0;
    qint64 endPos = 0; // where it ends in the device, for progress
    Version version;
    QString uid;  // its UID (an override's without its RECURRENCE-ID)
    QString what; // how an issue about a second copy names it
    std::vector<Issue> issues;
    size_t issuesBeforeRules = 0; // Master: issues found before its rules were read
    std::optional<CalendarEvent> instance; // an override, or a master that does not recur
    std::optional<CalendarSeries> series;  // a master that recurs (its zone named by the committer)
    const Zone *zone = nullptr;             // Master: the zone of its DTSTART
    SeriesOverride change;                  // Override: its RECURRENCE-ID, THISANDFUTURE
};

} // namespace fermata::ical
