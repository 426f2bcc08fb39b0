#pragma once

#include "model/calendarevent.h"
#include "result.h"
#include "storage/calendarseries.h"
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
    Interval horizon;          // an IcalEventSink gets the instances that overlap this range
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
    int eventsImported = 0;   // VEVENT components kept (masters and overrides)
    int eventsSkipped = 0;    // VEVENT components that could not be used or that an other copy
                              // of the same event (higher SEQUENCE, later DTSTAMP) outranks
    qint64 instances = 0;     // distinct occurrences in the horizon
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
// replaces the earlier one (a newer copy of an event), remove() drops a key (an override
// moved out of the horizon, an event that a newer copy turned into a series). Return false
// to stop the read with an error.
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

// Receives a calendar as it is stored: single events, recurring events as rules, and the
// overrides of their occurrences, each with its UTC instances and times, whatever their dates.
// Keys are as for IcalEventSink; a later call for a key replaces the earlier one (a newer
// copy). Return false to stop the read with an error.
class IcalRuleSink
{
public:
    virtual ~IcalRuleSink() = default;
    // An event without RRULE or RDATE (uid = UID).
    virtual bool event(const CalendarEvent &event) = 0;
    // A VEVENT with RECURRENCE-ID (uid = UID/RECURRENCE-ID): its own instance, and the
    // occurrence it replaces (with RANGE=THISANDFUTURE, what it changes from there on).
    virtual bool overrideOccurrence(const CalendarEvent &instance, const SeriesOverride &what) = 0;
    // A VEVENT with RRULE or RDATE (CalendarSeries::uid = UID).
    virtual bool series(const CalendarSeries &series) = 0;
    // The definition of a "vtimezone:<key>" zone that series() may name; given before them.
    virtual bool zone(const QByteArray &name, const QByteArray &definition) = 0;
    // Drops what a UID held (a newer copy of a master replaces all of the older one).
    virtual bool remove(const QString &uid) = 0;
};

// Reported while reading: bytes read of bytes total. Return false to cancel.
using IcalProgress = std::function<bool(qint64 done, qint64 total)>;

// Reads iCalendar text with libical: VEVENTs (RRULE, RDATE, EXDATE, RECURRENCE-ID overrides
// incl. RANGE=THISANDFUTURE, VTIMEZONE/TZID incl. Windows and legacy zone names), as RFC 5545
// says: an event without DTEND or DURATION lasts no time (and blocks none) from a DATE-TIME,
// one day from a DATE; of several copies of an event (or of an override) the highest
// SEQUENCE, then the latest DTSTAMP wins (RFC 5546). Recurring events stay rules
// (CalendarSeries), expanded by SeriesExpander: for an IcalEventSink into UTC instances over
// the options' horizon, for an IcalRuleSink (the database) not at all. Streams component by
// component, so memory stays bounded by the largest component and the keys of masters and
// overrides (an IcalEventSink also holds the series until the end). Malformed components are
// skipped and reported, an RRULE libical cannot read is reported and the event kept with
// its other rules, or as a single event; only an unreadable device or a file that is not
// iCalendar fails the read.
class IcalReader final
{
public:
    // `device` must be open and seekable (a QFile or QBuffer): VTIMEZONEs are read first.
    static Result<IcalReadReport> read(QIODevice &device, const IcalReadOptions &options,
                                       IcalRuleSink &sink, const IcalProgress &progress = {});
    // As above, expanded over options.horizon; report.instances is the sink's size.
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
