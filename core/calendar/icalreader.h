#pragma once

#include "model/calendarevent.h"
#include "result.h"
#include "time/interval.h"

#include <QList>
#include <QString>
#include <QStringList>
#include <QTimeZone>

#include <functional>

class QIODevice;

namespace fermata {

// How to read one iCalendar source.
struct IcalReadOptions
{
    QString source;            // CalendarEvent::source of every instance
    Interval horizon;          // instances are expanded only where they overlap this range
    QTimeZone floatingZone = QTimeZone("UTC"); // zone of floating times and all-day dates
    QStringList userAddresses; // the person's addresses; their PARTSTAT=DECLINED means free
};

// Something in the file that was skipped or read with a guess, with the line it starts on.
struct IcalIssue
{
    qint64 line = 0;
    QString message;
    bool operator==(const IcalIssue &) const = default;
};

// What a read did: counts for "imported 120 events, skipped 3 — line 45: DTSTART missing".
struct IcalReadReport
{
    int eventsImported = 0;   // VEVENT components turned into instances (masters and overrides)
    int eventsSkipped = 0;    // VEVENT components that could not be used or that an other copy
                              // of the same event (higher SEQUENCE, later DTSTAMP) outranks
    qint64 instances = 0;     // distinct expanded occurrences in the range
    QList<IcalIssue> issues;  // the first maxIssues problems, skipped or guessed
    int issueCount = 0;       // all problems, also those past maxIssues
    bool cancelled = false;
    QString calendarName;     // X-WR-CALNAME, when the file names itself

    static constexpr int maxIssues = 50;
    void addIssue(qint64 line, QString message);
    QString summary() const;
};

// Receives expanded instances. Instances are keyed by CalendarEvent::uid (UID, or
// UID + "/" + RECURRENCE-ID in UTC for recurring events); a later upsert of the same key
// replaces the earlier one (an override read after its master, a newer copy of an event),
// remove() drops a key (an override moved out of the horizon, an instance that a newer copy
// of its event no longer has). Return false to stop the read with an error.
class IcalEventSink
{
public:
    virtual ~IcalEventSink() = default;
    virtual bool upsert(const CalendarEvent &event) = 0;
    virtual bool remove(const QString &uid) = 0;
    // How many distinct instances the sink holds from this read.
    virtual qint64 size() const = 0;
};

// Collects instances in memory, for tests, `fermata events` previews and small files.
class IcalEventCollector final : public IcalEventSink
{
public:
    bool upsert(const CalendarEvent &event) override;
    bool remove(const QString &uid) override;
    qint64 size() const override { return m_index.size(); }
    // The instances ordered by start, then uid.
    QList<CalendarEvent> events() const;

private:
    QList<CalendarEvent> m_events;
    QHash<QString, qsizetype> m_index;
};

// Reported while reading: bytes read of bytes total. Return false to cancel.
using IcalProgress = std::function<bool(qint64 done, qint64 total)>;

// Reads iCalendar text with libical and expands VEVENTs (RRULE, RDATE, EXDATE,
// RECURRENCE-ID overrides incl. RANGE=THISANDFUTURE, VTIMEZONE/TZID incl. Windows and legacy
// zone names) into UTC instances, as RFC 5545 says: an event without DTEND or DURATION lasts
// no time (and blocks none) from a DATE-TIME, one day from a DATE; of several copies of an
// event (or of an override) the highest SEQUENCE, then the latest DTSTAMP wins (RFC 5546).
// Streams component by component, so memory stays bounded by the largest component and
// the keys of masters and overrides, not by the file: a series that a later copy or a
// THISANDFUTURE override changes is read again from the device. Malformed components are
// skipped and reported, an RRULE libical cannot read is reported and the event kept with
// its other rules, or as a single event; only an unreadable device or a file that is not
// iCalendar fails the read.
class IcalReader final
{
public:
    // `device` must be open and seekable (a QFile or QBuffer): VTIMEZONEs are read first.
    static Result<IcalReadReport> read(QIODevice &device, const IcalReadOptions &options,
                                       IcalEventSink &sink, const IcalProgress &progress = {});
    static Result<IcalReadReport> readFile(const QString &path, const IcalReadOptions &options,
                                           IcalEventSink &sink, const IcalProgress &progress = {});
    static Result<IcalReadReport> readBytes(const QByteArray &bytes, const IcalReadOptions &options,
                                            IcalEventSink &sink);
};

// The IANA zone for an iCalendar TZID: IANA ids, legacy tz names ("US/Eastern", built in),
// Etc/GMT offsets ("Etc/GMT-2" is UTC+2), ids with a vendor prefix
// ("/mozilla.org/20050126_1/Europe/Berlin") and Windows names ("W. Europe Standard Time"),
// with surrounding spaces and quotes ignored. Invalid when none of these match.
QTimeZone zoneForTzid(const QByteArray &tzid);

} // namespace fermata
