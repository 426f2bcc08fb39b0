#include "calendar/icalreader.h"

#include "calendar/icalcomponentscanner.h"
#include "calendar/icalrecurrence.h"
#include "calendar/icalzones.h"

#include <QBuffer>
#include <QCryptographicHash>
#include <QFile>
#include <QFileInfo>
#include <QLocale>
#include <QSet>

#include <libical/ical.h>

#include <algorithm>
#include <deque>
#include <future>
#include <limits>
#include <map>
#include <memory>
#include <mutex>
#include <optional>
#include <thread>
#include <vector>

namespace fermata {

void IcalReadReport::addIssue(qint64 line, QString message)
{
    ++issueCount;
    if (issues.size() < maxIssues)
        issues.append(IcalIssue{line, std::move(message)});
}

QString IcalReadReport::summary() const
{
    const QLocale c = QLocale::c();
    QString text = QStringLiteral("imported %1 %2 (%3 %4)")
                       .arg(c.toString(eventsImported),
                            eventsImported == 1 ? QStringLiteral("event") : QStringLiteral("events"),
                            c.toString(instances),
                            instances == 1 ? QStringLiteral("occurrence")
                                           : QStringLiteral("occurrences"));
    if (eventsSkipped > 0)
        text += QStringLiteral(", skipped %1").arg(eventsSkipped);
    if (cancelled)
        text += QStringLiteral(", cancelled before the end");
    if (!issues.isEmpty()) {
        QStringList shown;
        for (qsizetype i = 0; i < qMin<qsizetype>(3, issues.size()); ++i)
            shown.append(QStringLiteral("line %1: %2").arg(issues[i].line).arg(issues[i].message));
        text += QStringLiteral(" — ") + shown.join(QStringLiteral("; "));
        if (issueCount > shown.size())
            text += QStringLiteral(" (and %1 more)").arg(issueCount - shown.size());
    }
    return text;
}

bool IcalEventCollector::upsert(const CalendarEvent &event)
{
    if (auto it = m_index.constFind(event.uid); it != m_index.constEnd()) {
        m_events[*it] = event;
    } else {
        m_index.insert(event.uid, m_events.size());
        m_events.append(event);
    }
    return true;
}

bool IcalEventCollector::remove(const QString &uid)
{
    auto it = m_index.find(uid);
    if (it == m_index.end())
        return true;
    m_events[*it].uid.clear(); // a tombstone; events() drops it
    m_index.erase(it);
    return true;
}

QList<CalendarEvent> IcalEventCollector::events() const
{
    QList<CalendarEvent> result;
    result.reserve(m_index.size());
    for (const CalendarEvent &event : m_events) {
        if (!event.uid.isEmpty())
            result.append(event);
    }
    std::sort(result.begin(), result.end(), [](const CalendarEvent &a, const CalendarEvent &b) {
        if (a.start != b.start)
            return a.start < b.start;
        return a.uid < b.uid;
    });
    return result;
}

namespace {

using ical::Chunk;
using ical::ComponentScanner;
using ical::startsWithNoCase;
using ical::Zone;
using ical::ZoneTable;

// Limits that keep hostile input from exhausting memory or time.
constexpr int s_maxIterationsPerRule = 200000;
constexpr int s_maxOccurrencesPerSeries = 20000;
constexpr qint64 s_progressStepBytes = 256 * 1024;
// Events are prepared (parsed and expanded) in batches on worker threads; a batch ends at
// this many events or bytes of text, which bounds the memory held by batches in flight.
constexpr size_t s_batchEvents = 64;
constexpr qint64 s_batchBytes = 1024 * 1024;
// Occurrences starting this many days before the horizon are still converted, so events up
// to that long that end inside the horizon are kept.
constexpr int s_maxSkippedSpanDays = 35;

struct ComponentFree
{
    void operator()(icalcomponent *c) const { icalcomponent_free(c); }
};
using ComponentPtr = std::unique_ptr<icalcomponent, ComponentFree>;

void initLibical()
{
    static std::once_flag once;
    std::call_once(once, [] { icalerror_set_errors_are_fatal(0); });
}

// A time as the file writes it: a local date/time in a zone, or a date.
struct When
{
    QDate date;
    QTime time;
    bool isDate = false;
    const Zone *zone = nullptr;
};

// How long each instance lasts: nominal days (DST-aware) plus exact milliseconds.
struct Span
{
    qint64 days = 0;
    qint64 exactMs = 0;
};

// The UTC milliseconds a wall-clock time would have if the zone were UTC: wall-clock
// arithmetic (a shift by whole days keeps the time of day across DST) without QDateTime.
qint64 wallClockMs(QDate date, QTime time)
{
    return (date.toJulianDay() - 2440588) * 86400000 + time.msecsSinceStartOfDay();
}

QDate wallClockDate(qint64 wallMs)
{
    return QDate::fromJulianDay((wallMs >= 0 ? wallMs : wallMs - 86399999) / 86400000 + 2440588);
}

QTime wallClockTime(qint64 wallMs)
{
    return QTime::fromMSecsSinceStartOfDay(int(((wallMs % 86400000) + 86400000) % 86400000));
}

// The end of an instance that starts at `start` (`startMs` in UTC) and lasts `span`.
qint64 spanEndMs(const ZoneTable &zones, const When &start, qint64 startMs, const Span &span)
{
    if (start.isDate)
        return zones.toUtcMs(zones.floating(), start.date.addDays(span.days), QTime(0, 0));
    if (span.days > 0)
        return zones.toUtcMs(*start.zone, start.date.addDays(span.days), start.time) + span.exactMs;
    return startMs + span.exactMs;
}

// A timed event that lasts no time (RFC 5545 §3.6.1: a DATE-TIME DTSTART without DTEND or
// DURATION) is a moment, such as a reminder or a deadline: listed, but it blocks no time.
void freeIfMoment(CalendarEvent &event)
{
    if (!event.allDay && event.end <= event.start)
        event.busy = false;
}

// Which of two copies of an event is newer (RFC 5546 §2.1.5): the higher SEQUENCE, then the
// later DTSTAMP. Mail-folder exports and updated invitations hold several copies.
struct Version
{
    int sequence = 0;
    qint64 stampMs = std::numeric_limits<qint64>::min(); // no DTSTAMP: older than any
    auto operator<=>(const Version &) const = default;
};

// What a RECURRENCE-ID;RANGE=THISANDFUTURE override changes in its occurrence and every
// later one (RFC 5545 §3.8.4.4): their start moves by the same amount, their length and
// properties become the override's.
struct RangeChange
{
    qint64 shiftMs = 0; // how far starts move on the series' wall clock
    Span span;          // the new length
    QString title;
    bool busy = true;
};

struct Occurrence
{
    qint64 startMs = 0;
    QDate date;       // local date of the start, for all-day keys and DATE EXDATEs
    QTime time;
    std::optional<qint64> endMs; // an RDATE period carries its own end
};

// What one VEVENT turns into. Prepared on any thread (parsing, zones, expansion), then
// applied in file order on the reading thread by EventCommitter, which owns the state that
// depends on order: masters and overrides seen so far, issues reported, the sink.
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
    qint64 startPos = 0; // of its BEGIN line: a master is read again when a later copy or a
                         // THISANDFUTURE override changes it
    qint64 endPos = 0;
    Version version;
    // An occurrence of a recurring master, made a CalendarEvent when committed: the strings
    // are then allocated on the committing thread, which keeps the heap from fragmenting.
    struct Slot
    {
        qint64 startMs = 0;
        qint64 endMs = 0;
        QDate date; // local date of the start (the key of an all-day occurrence)
        QTime time; // local time of the start
    };
    QString uid;  // its UID (an override's without its RECURRENCE-ID)
    QString what; // how an issue about a second copy names it
    std::vector<Issue> issues;
    size_t issuesBeforeExpansion = 0; // Master: issues found before its occurrences
    std::vector<CalendarEvent> instances; // an override or a master that does not recur
    bool recurring = false;               // Master: `base` at each of `occurrences`
    CalendarEvent base;
    const Zone *zone = nullptr; // Master: the zone of its DTSTART, the wall clock of `occurrences`
    std::vector<Slot> occurrences;
    qint64 recurrenceMs = 0;          // Override: its RECURRENCE-ID in UTC
    std::optional<RangeChange> range; // Override: RANGE=THISANDFUTURE
};

QString recurrenceKey(const When &when, qint64 startMs);

// Prepares events; one per thread (it collects issues into the event being prepared).
class EventReader
{
public:
    EventReader(const IcalReadOptions &options, ZoneTable &zones)
        : m_options(options), m_zones(zones)
    {
        for (const QString &address : options.userAddresses)
            m_addresses.insert(normalizeAddress(address.toUtf8()));
        m_earliestDate = QDateTime::fromMSecsSinceEpoch(options.horizon.startMs(), Qt::UTC)
                             .date()
                             .addDays(-s_maxSkippedSpanDays);
    }

    PreparedEvent prepare(const Chunk &chunk);

private:
    static QString normalizeAddress(QByteArray address)
    {
        address = address.trimmed();
        if (startsWithNoCase(address, "mailto:"))
            address.remove(0, 7);
        return QString::fromUtf8(address).toLower();
    }

    std::optional<When> readWhen(icalproperty *property, icaltimetype value, qint64 line);
    qint64 utcMs(const When &when) const
    {
        return m_zones.toUtcMs(*when.zone, when.date, when.isDate ? QTime(0, 0) : when.time);
    }
    bool isBusy(icalcomponent *event) const;
    bool readSpan(icalcomponent *event, const When &start, qint64 startMs, Span &span,
                  QString &problem);
    qint64 endMs(const When &start, qint64 startMs, const Span &span) const;
    std::vector<Occurrence> expand(icalcomponent *event, const When &start, qint64 startMs,
                                   qint64 line);
    void expandRule(icalproperty *rrule, const When &start, qint64 line,
                    std::vector<Occurrence> &out);
    void addIssue(qint64 line, QString message)
    {
        m_out->issues.push_back(PreparedEvent::Issue{line, std::move(message), {}, false});
    }
    void skip(qint64 line, const QString &what, const QString &why)
    {
        m_out->issues.push_back(PreparedEvent::Issue{
            line, what.isEmpty() ? why : what + QStringLiteral(": ") + why, {}, true});
    }
    void readEvent(const Chunk &chunk);
    QString readUid(icalcomponent *event, const Chunk &chunk);
    void readOverride(icalproperty *rid, qint64 line, const When &start, qint64 startMs,
                      const Span &span, CalendarEvent base);
    void readMaster(icalcomponent *event, const Chunk &chunk, const When &start, qint64 startMs,
                    const Span &span, CalendarEvent base);

    const IcalReadOptions &m_options;
    ZoneTable &m_zones;
    QSet<QString> m_addresses;
    QDate m_earliestDate; // occurrences starting before this local date cannot reach the horizon
    PreparedEvent *m_out = nullptr; // the event being prepared
};

PreparedEvent EventReader::prepare(const Chunk &chunk)
{
    PreparedEvent prepared;
    prepared.line = chunk.line;
    prepared.startPos = chunk.startPos;
    prepared.endPos = chunk.endPos;
    m_out = &prepared;
    readEvent(chunk);
    m_out = nullptr;
    return prepared;
}

// Applies prepared events in file order: which copy of an event wins, the overrides and the
// sink. It keeps a little per UID (version and file position), not the instances: a master
// that a later copy or a THISANDFUTURE override changes is read again from the file.
class EventCommitter
{
public:
    // Reads the master whose BEGIN line is at (position, line) again.
    using Reread = std::function<std::optional<PreparedEvent>(qint64 pos, qint64 line)>;

    EventCommitter(const IcalReadOptions &options, const ZoneTable &zones, IcalEventSink &sink,
                   IcalReadReport &report, Reread reread)
        : m_horizon(options.horizon)
        , m_zones(zones)
        , m_sink(sink)
        , m_report(report)
        , m_reread(std::move(reread))
    {
    }
    // False when the sink refused (a database error): the read stops.
    bool commit(const PreparedEvent &event);
    // After the last event: applies the THISANDFUTURE changes read after their series, once
    // per series. False when the sink refused.
    bool finish();

private:
    // The copy of a UID (or UID/RECURRENCE-ID) that is kept so far.
    struct Kept
    {
        Version version;
        qint64 line = 0;
        qint64 startPos = 0;
    };
    // A series' THISANDFUTURE changes by the original start of their first occurrence.
    using RangeChanges = std::map<qint64, RangeChange>;

    void report(const PreparedEvent::Issue &issue);
    bool isCopyToKeep(const PreparedEvent &event, const QString &key, const Kept *kept);
    bool commitOverride(const PreparedEvent &event);
    bool commitMaster(const PreparedEvent &event);
    bool updateRanges(const PreparedEvent &event);
    bool deliverMaster(const PreparedEvent &master);
    bool removeLeftovers(const PreparedEvent &replaced, const PreparedEvent &master);
    void place(CalendarEvent &instance, const PreparedEvent &master, const PreparedEvent::Slot &slot,
               const RangeChange *change) const;
    static const RangeChange *rangeChangeAt(const RangeChanges &changes, qint64 startMs);
    bool deliver(const CalendarEvent &event);

    Interval m_horizon;
    const ZoneTable &m_zones;
    IcalEventSink &m_sink;
    IcalReadReport &m_report;
    Reread m_reread;
    QHash<QString, Kept> m_masters;   // UID -> its master
    QHash<QString, Kept> m_overrides; // UID/RECURRENCE-ID -> its override
    QHash<QString, RangeChanges> m_ranges; // UID -> its THISANDFUTURE changes
    QSet<QString> m_changedMasters; // UIDs of masters read before a change of their ranges
    QSet<QByteArray> m_reportedZones;
};

// The key of one occurrence of a recurring master: UID/RECURRENCE-ID.
QString occurrenceKey(const PreparedEvent &master, const PreparedEvent::Slot &slot)
{
    const When local{slot.date, QTime(), master.base.allDay, nullptr};
    return master.uid + QLatin1Char('/') + recurrenceKey(local, slot.startMs);
}

// The keys the sink holds for a master: its UID, or one per occurrence.
QSet<QString> instanceKeys(const PreparedEvent &master)
{
    QSet<QString> keys;
    if (!master.recurring) {
        keys.insert(master.instances.front().uid);
        return keys;
    }
    keys.reserve(qsizetype(master.occurrences.size()));
    for (const PreparedEvent::Slot &slot : master.occurrences)
        keys.insert(occurrenceKey(master, slot));
    return keys;
}

void EventCommitter::report(const PreparedEvent::Issue &issue)
{
    if (!issue.unknownZone.isNull()) {
        if (m_reportedZones.contains(issue.unknownZone))
            return;
        m_reportedZones.insert(issue.unknownZone);
    }
    if (issue.skipped)
        ++m_report.eventsSkipped;
    m_report.addIssue(issue.line, issue.message);
}

// Whether `event` is the copy of its key to keep: the first (`kept` is null) or newer than
// `kept`. A copy left out, either one, is reported and counted as skipped.
bool EventCommitter::isCopyToKeep(const PreparedEvent &event, const QString &key, const Kept *kept)
{
    if (!kept) {
        ++m_report.eventsImported;
        return true;
    }
    QString name = QStringLiteral("the UID \"%1\"").arg(event.uid.left(80));
    if (event.kind == PreparedEvent::Kind::Override)
        name += QStringLiteral(" and RECURRENCE-ID %1").arg(key.mid(event.uid.size() + 1));
    QString message;
    if (event.version == kept->version)
        message = QStringLiteral(": a second event with %1; the first is kept").arg(name);
    else if (event.version < kept->version)
        message = QStringLiteral(": an older copy of %1 (lower SEQUENCE or earlier DTSTAMP); the "
                                 "copy on line %2 is kept").arg(name, QString::number(kept->line));
    else
        message = QStringLiteral(": a newer copy of %1; it replaces the copy on line %2")
                      .arg(name, QString::number(kept->line));
    report(PreparedEvent::Issue{event.line, event.what + message, {}, true});
    return event.version > kept->version;
}

bool EventCommitter::deliver(const CalendarEvent &event)
{
    const bool inHorizon = event.end > event.start
        ? Interval::fromDateTimes(event.start, event.end).overlaps(m_horizon)
        : m_horizon.contains(event.start.toMSecsSinceEpoch());
    if (!inHorizon)
        return m_sink.remove(event.uid);
    return m_sink.upsert(event);
}

bool EventCommitter::commit(const PreparedEvent &event)
{
    const size_t before = event.kind == PreparedEvent::Kind::Master ? event.issuesBeforeExpansion
                                                                     : event.issues.size();
    for (size_t i = 0; i < before; ++i)
        report(event.issues[i]);
    switch (event.kind) {
    case PreparedEvent::Kind::Skipped:
        return true;
    case PreparedEvent::Kind::Override:
        return commitOverride(event);
    case PreparedEvent::Kind::Master:
        return commitMaster(event);
    }
    return true;
}

bool EventCommitter::commitOverride(const PreparedEvent &event)
{
    const CalendarEvent &instance = event.instances.front();
    const auto kept = m_overrides.constFind(instance.uid);
    if (!isCopyToKeep(event, instance.uid, kept == m_overrides.constEnd() ? nullptr : &*kept))
        return true;
    m_overrides.insert(instance.uid, Kept{event.version, event.line, event.startPos});
    // The master's later occurrences move with a THISANDFUTURE override (or back without it):
    // a master already delivered is delivered again at the end, once however many there are.
    if (updateRanges(event) && m_masters.contains(event.uid))
        m_changedMasters.insert(event.uid);
    return deliver(instance);
}

// Records the THISANDFUTURE change of an override (or drops the one an older copy made);
// true when the UID's changes differ now.
bool EventCommitter::updateRanges(const PreparedEvent &event)
{
    if (event.range) {
        m_ranges[event.uid].insert_or_assign(event.recurrenceMs, *event.range);
        return true;
    }
    const auto it = m_ranges.find(event.uid);
    if (it == m_ranges.end() || it->erase(event.recurrenceMs) == 0)
        return false;
    if (it->empty())
        m_ranges.erase(it);
    return true;
}

bool EventCommitter::commitMaster(const PreparedEvent &event)
{
    const auto kept = m_masters.find(event.uid);
    const bool hadCopy = kept != m_masters.end();
    if (!isCopyToKeep(event, event.uid, hadCopy ? &*kept : nullptr))
        return true;
    std::optional<PreparedEvent> replaced;
    if (hadCopy)
        replaced = m_reread(kept->startPos, kept->line);
    m_masters.insert(event.uid, Kept{event.version, event.line, event.startPos});
    m_changedMasters.remove(event.uid); // delivered with the changes read so far
    for (size_t i = event.issuesBeforeExpansion; i < event.issues.size(); ++i)
        report(event.issues[i]);
    if (!deliverMaster(event))
        return false;
    return !replaced || removeLeftovers(*replaced, event);
}

bool EventCommitter::deliverMaster(const PreparedEvent &master)
{
    if (!master.recurring)
        return deliver(master.instances.front());
    const auto ranges = m_ranges.constFind(master.uid);
    const RangeChanges *changes = ranges == m_ranges.constEnd() ? nullptr : &*ranges;
    CalendarEvent instance = master.base; // one for all: assigning keeps allocations down
    for (const PreparedEvent::Slot &slot : master.occurrences) {
        instance.uid = occurrenceKey(master, slot);
        if (m_overrides.contains(instance.uid))
            continue;
        place(instance, master, slot, changes ? rangeChangeAt(*changes, slot.startMs) : nullptr);
        if (!deliver(instance))
            return false;
    }
    return true;
}

bool EventCommitter::finish()
{
    for (const QString &uid : std::as_const(m_changedMasters)) {
        const Kept kept = m_masters.value(uid);
        const std::optional<PreparedEvent> master = m_reread(kept.startPos, kept.line);
        if (master && master->kind == PreparedEvent::Kind::Master && !deliverMaster(*master))
            return false;
    }
    m_changedMasters.clear();
    return true;
}

// A newer copy replaces all of the older one: what only the older one had goes.
bool EventCommitter::removeLeftovers(const PreparedEvent &replaced, const PreparedEvent &master)
{
    if (replaced.kind != PreparedEvent::Kind::Master)
        return true;
    const QSet<QString> current = instanceKeys(master);
    for (const QString &key : instanceKeys(replaced)) {
        if (!current.contains(key) && !m_overrides.contains(key) && !m_sink.remove(key))
            return false;
    }
    return true;
}

// The latest THISANDFUTURE change that starts at or before an occurrence starting at `startMs`.
const RangeChange *EventCommitter::rangeChangeAt(const RangeChanges &changes, qint64 startMs)
{
    const auto after = changes.upper_bound(startMs);
    return after == changes.begin() ? nullptr : &std::prev(after)->second;
}

// Sets the time and, under a THISANDFUTURE `change`, the properties of one occurrence.
void EventCommitter::place(CalendarEvent &instance, const PreparedEvent &master,
                           const PreparedEvent::Slot &slot, const RangeChange *change) const
{
    if (!change) {
        instance.start = QDateTime::fromMSecsSinceEpoch(slot.startMs, Qt::UTC);
        instance.end = QDateTime::fromMSecsSinceEpoch(slot.endMs, Qt::UTC);
        instance.title = master.base.title;
        instance.busy = master.base.busy;
        freeIfMoment(instance);
        return;
    }
    const qint64 wall = wallClockMs(slot.date, slot.time) + change->shiftMs;
    const When moved{wallClockDate(wall), instance.allDay ? QTime(0, 0) : wallClockTime(wall),
                     instance.allDay, master.zone};
    const qint64 startMs = m_zones.toUtcMs(*moved.zone, moved.date, moved.time);
    instance.start = QDateTime::fromMSecsSinceEpoch(startMs, Qt::UTC);
    instance.end = QDateTime::fromMSecsSinceEpoch(spanEndMs(m_zones, moved, startMs, change->span), Qt::UTC);
    instance.title = change->title;
    instance.busy = change->busy;
    freeIfMoment(instance);
}

std::optional<When> EventReader::readWhen(icalproperty *property, icaltimetype value, qint64 line)
{
    if (icaltime_is_null_time(value))
        return std::nullopt;
    When when;
    when.date = QDate(value.year, value.month, value.day);
    if (!when.date.isValid())
        return std::nullopt;
    when.isDate = value.is_date;
    when.time = when.isDate ? QTime(0, 0)
                            : QTime(qBound(0, value.hour, 23), qBound(0, value.minute, 59),
                                    qBound(0, value.second, 59));
    if (when.isDate) {
        when.zone = &m_zones.floating();
    } else if (icaltime_is_utc(value)) {
        when.zone = &m_zones.utc();
    } else if (icalparameter *tz = icalproperty_get_first_parameter(property, ICAL_TZID_PARAMETER)) {
        const QByteArray tzid(icalparameter_get_tzid(tz) ? icalparameter_get_tzid(tz) : "");
        bool known = false;
        when.zone = &m_zones.lookup(tzid, &known);
        if (!known) {
            m_out->issues.push_back(PreparedEvent::Issue{
                line,
                QStringLiteral("unknown time zone \"%1\"; read as %2 time")
                    .arg(QString::fromUtf8(tzid), QString::fromUtf8(m_zones.floatingZone().id())),
                tzid.isNull() ? QByteArray("") : tzid, false});
        }
    } else {
        when.zone = &m_zones.floating();
    }
    return when;
}

// "20260302" or "20260302T090000Z", written by hand: QDateTime::toString is slow in bulk.
QString recurrenceKey(const When &when, qint64 startMs)
{
    char text[17];
    auto put = [&text](int at, int value, int width) {
        for (int i = width - 1; i >= 0; --i, value /= 10)
            text[at + i] = char('0' + value % 10);
    };
    QDate date = when.date;
    if (when.isDate) {
        put(0, qBound(0, date.year(), 9999), 4);
        put(4, date.month(), 2);
        put(6, date.day(), 2);
        return QString::fromLatin1(text, 8);
    }
    const qint64 days = startMs >= 0 ? startMs / 86400000 : (startMs - 86399999) / 86400000;
    const int secs = int((startMs - days * 86400000) / 1000);
    date = QDate::fromJulianDay(days + 2440588);
    put(0, qBound(0, date.year(), 9999), 4);
    put(4, date.month(), 2);
    put(6, date.day(), 2);
    text[8] = 'T';
    put(9, secs / 3600, 2);
    put(11, secs / 60 % 60, 2);
    put(13, secs % 60, 2);
    text[15] = 'Z';
    return QString::fromLatin1(text, 16);
}

bool EventReader::isBusy(icalcomponent *event) const
{
    if (icalcomponent_get_status(event) == ICAL_STATUS_CANCELLED)
        return false;
    if (icalproperty *transp = icalcomponent_get_first_property(event, ICAL_TRANSP_PROPERTY);
        transp && icalproperty_get_transp(transp) == ICAL_TRANSP_TRANSPARENT)
        return false;
    for (icalproperty *p = icalcomponent_get_first_property(event, ICAL_X_PROPERTY); p;
         p = icalcomponent_get_next_property(event, ICAL_X_PROPERTY)) {
        const char *name = icalproperty_get_x_name(p);
        const char *value = icalproperty_get_value_as_string(p);
        // Outlook's free/busy: FREE means the slot stays free (BUSY, TENTATIVE, OOF block it).
        if (name && value && qstricmp(name, "X-MICROSOFT-CDO-BUSYSTATUS") == 0
            && qstricmp(value, "FREE") == 0)
            return false;
    }
    if (m_addresses.isEmpty())
        return true;
    for (icalproperty *p = icalcomponent_get_first_property(event, ICAL_ATTENDEE_PROPERTY); p;
         p = icalcomponent_get_next_property(event, ICAL_ATTENDEE_PROPERTY)) {
        const char *address = icalproperty_get_attendee(p);
        if (!address || !m_addresses.contains(normalizeAddress(QByteArray(address))))
            continue;
        icalparameter *partstat = icalproperty_get_first_parameter(p, ICAL_PARTSTAT_PARAMETER);
        if (partstat && icalparameter_get_partstat(partstat) == ICAL_PARTSTAT_DECLINED)
            return false;
    }
    return true;
}

bool EventReader::readSpan(icalcomponent *event, const When &start, qint64 startMs, Span &span,
                           QString &problem)
{
    span = Span{};
    if (icalproperty *dtend = icalcomponent_get_first_property(event, ICAL_DTEND_PROPERTY)) {
        const auto end = readWhen(dtend, icalproperty_get_dtend(dtend), 0);
        if (!end) {
            problem = QStringLiteral("DTEND cannot be read");
            return false;
        }
        if (start.isDate) {
            span.days = start.date.daysTo(end->date);
            if (span.days < 0) {
                problem = QStringLiteral("DTEND is before DTSTART");
                return false;
            }
            span.days = qMax<qint64>(1, span.days); // DTEND == DTSTART: one day, as calendars show it
            return true;
        }
        span.exactMs = utcMs(*end) - startMs;
        if (span.exactMs < 0) {
            problem = QStringLiteral("DTEND is before DTSTART");
            return false;
        }
        return true;
    }
    if (icalproperty *duration = icalcomponent_get_first_property(event, ICAL_DURATION_PROPERTY)) {
        const icaldurationtype d = icalproperty_get_duration(duration);
        if (d.is_neg) {
            problem = QStringLiteral("DURATION is negative");
            return false;
        }
        span.days = qint64(d.weeks) * 7 + qint64(d.days);
        span.exactMs = (qint64(d.hours) * 3600 + qint64(d.minutes) * 60 + qint64(d.seconds)) * 1000;
        if (span.days > 3660 || span.exactMs > qint64(3660) * 86400000) {
            problem = QStringLiteral("DURATION is longer than ten years");
            return false;
        }
        if (start.isDate) {
            span.days = qMax<qint64>(1, span.days + span.exactMs / 86400000);
            span.exactMs = 0;
        }
        return true;
    }
    if (start.isDate)
        span.days = 1; // RFC 5545: an all-day event without an end lasts the day
    return true;
}

qint64 EventReader::endMs(const When &start, qint64 startMs, const Span &span) const
{
    return spanEndMs(m_zones, start, startMs, span);
}

// BYMONTH with BYMONTHDAY days that no listed month has: libical would search for
// centuries before giving up.
bool neverOccurs(const icalrecurrencetype &rule)
{
    if (rule.by_month[0] == ICAL_RECURRENCE_ARRAY_MAX || rule.by_month_day[0] == ICAL_RECURRENCE_ARRAY_MAX)
        return false;
    static constexpr int longest[] = {31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
    for (int m = 0; m < ICAL_BY_MONTH_SIZE && rule.by_month[m] != ICAL_RECURRENCE_ARRAY_MAX; ++m) {
        const int month = icalrecurrencetype_month_month(rule.by_month[m]);
        if (month < 1 || month > 12)
            continue;
        for (int d = 0; d < ICAL_BY_MONTHDAY_SIZE && rule.by_month_day[d] != ICAL_RECURRENCE_ARRAY_MAX; ++d) {
            if (qAbs(int(rule.by_month_day[d])) <= longest[month - 1])
                return false;
        }
    }
    return true;
}

void EventReader::expandRule(icalproperty *rrule, const When &start, qint64 line,
                             std::vector<Occurrence> &out)
{
    icalrecurrencetype rule = icalproperty_get_rrule(rrule);
    if (rule.freq == ICAL_NO_RECURRENCE) {
        addIssue(line, QStringLiteral("an RRULE cannot be read; only its first date is used"));
        return;
    }
    if (neverOccurs(rule)) {
        addIssue(line, QStringLiteral("an RRULE never occurs (e.g. February 30); "
                                               "only its first date is used"));
        return;
    }
    // UNTIL is compared here, in the right zone: libical would compare it with a floating start.
    const icaltimetype until = rule.until;
    rule.until = icaltime_null_time();
    std::optional<qint64> untilMs;
    QDate untilDate;
    if (!icaltime_is_null_time(until)) {
        untilDate = QDate(until.year, until.month, until.day);
        if (!until.is_date) {
            const When w{untilDate, QTime(qBound(0, until.hour, 23), qBound(0, until.minute, 59),
                                          qBound(0, until.second, 59)),
                         false, icaltime_is_utc(until) ? &m_zones.utc() : start.zone};
            if (w.date.isValid())
                untilMs = utcMs(w);
        }
    }
    icaltimetype first = icaltime_null_time();
    first.year = start.date.year();
    first.month = start.date.month();
    first.day = start.date.day();
    first.hour = start.time.hour();
    first.minute = start.time.minute();
    first.second = start.time.second();
    first.is_date = start.isDate;
    // libical searches for a next occurrence until its UNTIL; an impossible rule
    // (FREQ=YEARLY;BYMONTH=2;BYMONTHDAY=30) would search for centuries. Stop it two days past
    // the horizon in local time; the exact UNTIL is still checked below.
    if (rule.count == 0) {
        QDate stop = QDateTime::fromMSecsSinceEpoch(m_options.horizon.endMs(), Qt::UTC).date().addDays(2);
        if (untilDate.isValid())
            stop = qMin(stop, untilDate.addDays(1));
        icaltimetype limit = icaltime_null_time();
        limit.year = stop.year();
        limit.month = stop.month();
        limit.day = stop.day();
        limit.is_date = start.isDate;
        rule.until = limit;
    }
    // The common rules in plain date arithmetic; the rest through libical (ICU, slow).
    std::optional<ical::SimpleRecurrence> simple;
    if (ical::SimpleRecurrence::enabled())
        simple = ical::SimpleRecurrence::create(rule, first);
    icalrecur_iterator *it = simple ? nullptr : icalrecur_iterator_new(rule, first);
    if (!simple && !it) {
        addIssue(line, QStringLiteral("an RRULE is not valid; only its first date is used"));
        return;
    }
    int produced = 0;
    for (int i = 0; i < s_maxIterationsPerRule; ++i) {
        const icaltimetype t = simple ? simple->next() : icalrecur_iterator_next(it);
        if (icaltime_is_null_time(t))
            break;
        Occurrence o;
        o.date = QDate(t.year, t.month, t.day);
        if (!o.date.isValid())
            break;
        if (untilDate.isValid() && !untilMs && o.date > untilDate)
            break;
        // Far before the horizon nothing is stored: skip the zone conversion.
        if (o.date < m_earliestDate)
            continue;
        o.time = start.isDate ? QTime(0, 0)
                              : QTime(qBound(0, t.hour, 23), qBound(0, t.minute, 59),
                                      qBound(0, t.second, 59));
        o.startMs = m_zones.toUtcMs(*start.zone, o.date, o.time);
        if (untilMs && o.startMs > *untilMs)
            break;
        if (o.startMs >= m_options.horizon.endMs())
            break;
        out.push_back(o);
        if (++produced >= s_maxOccurrencesPerSeries) {
            addIssue(line, QStringLiteral("a rule repeats more than %1 times in the range; "
                                                   "later occurrences are left out")
                                        .arg(s_maxOccurrencesPerSeries));
            break;
        }
    }
    if (it)
        icalrecur_iterator_free(it);
}

std::vector<Occurrence> EventReader::expand(icalcomponent *event, const When &start,
                                            qint64 startMs, qint64 line)
{
    std::vector<Occurrence> occurrences;
    occurrences.push_back(Occurrence{startMs, start.date, start.time, std::nullopt});
    for (icalproperty *p = icalcomponent_get_first_property(event, ICAL_RRULE_PROPERTY); p;
         p = icalcomponent_get_next_property(event, ICAL_RRULE_PROPERTY))
        expandRule(p, start, line, occurrences);
    for (icalproperty *p = icalcomponent_get_first_property(event, ICAL_RDATE_PROPERTY); p;
         p = icalcomponent_get_next_property(event, ICAL_RDATE_PROPERTY)) {
        const icaldatetimeperiodtype rdate = icalproperty_get_rdate(p);
        const bool isPeriod = !icaltime_is_null_time(rdate.period.start);
        const auto when = readWhen(p, isPeriod ? rdate.period.start : rdate.time, line);
        if (!when) {
            addIssue(line, QStringLiteral("an RDATE cannot be read"));
            continue;
        }
        Occurrence o{utcMs(*when), when->date, when->time, std::nullopt};
        if (isPeriod) {
            if (!icaltime_is_null_time(rdate.period.end)) {
                if (const auto end = readWhen(p, rdate.period.end, line))
                    o.endMs = qMax(o.startMs, utcMs(*end));
            } else {
                o.endMs = o.startMs + qint64(icaldurationtype_as_int(rdate.period.duration)) * 1000;
            }
        }
        occurrences.push_back(o);
    }
    std::sort(occurrences.begin(), occurrences.end(),
              [](const Occurrence &a, const Occurrence &b) { return a.startMs < b.startMs; });
    occurrences.erase(std::unique(occurrences.begin(), occurrences.end(),
                                  [](const Occurrence &a, const Occurrence &b) {
                                      return a.startMs == b.startMs;
                                  }),
                      occurrences.end());

    QSet<qint64> excludedMs;
    QSet<QDate> excludedDates;
    for (icalproperty *p = icalcomponent_get_first_property(event, ICAL_EXDATE_PROPERTY); p;
         p = icalcomponent_get_next_property(event, ICAL_EXDATE_PROPERTY)) {
        const auto when = readWhen(p, icalproperty_get_exdate(p), line);
        if (!when)
            continue;
        if (when->isDate)
            excludedDates.insert(when->date);
        else
            excludedMs.insert(utcMs(*when));
    }
    if (!excludedMs.isEmpty() || !excludedDates.isEmpty()) {
        occurrences.erase(std::remove_if(occurrences.begin(), occurrences.end(),
                                         [&](const Occurrence &o) {
                                             return excludedMs.contains(o.startMs)
                                                 || excludedDates.contains(o.date);
                                         }),
                          occurrences.end());
    }
    return occurrences;
}


// libical drops a property whose value it cannot parse and leaves an X-LIC-ERROR naming it.
bool hasParseError(icalcomponent *event, const char *propertyName)
{
    for (icalproperty *p = icalcomponent_get_first_property(event, ICAL_XLICERROR_PROPERTY); p;
         p = icalcomponent_get_next_property(event, ICAL_XLICERROR_PROPERTY)) {
        const char *text = icalproperty_get_xlicerror(p);
        if (text && QByteArray(text).contains(propertyName))
            return true;
    }
    return false;
}

// The file lines of the RRULEs in `chunk` that libical cannot parse ("UNTL=...",
// "RRULE:RRULE:..."): libical has dropped them, the text still has them.
std::vector<qint64> unreadableRuleLines(const Chunk &chunk)
{
    std::vector<qint64> lines;
    const QList<QByteArray> rows = chunk.text.split('\n');
    for (qsizetype i = 0; i < rows.size(); ++i) {
        const QByteArray &row = rows[i];
        if (row.size() < 6 || !startsWithNoCase(row, "RRULE") || (row[5] != ':' && row[5] != ';'))
            continue;
        QByteArray value = row.mid(row.indexOf(':') + 1);
        for (qsizetype j = i + 1; j < rows.size() && (rows[j].startsWith(' ') || rows[j].startsWith('\t')); ++j)
            value += rows[j].mid(1); // unfolded
        if (icalrecurrencetype_from_string(value.constData()).freq == ICAL_NO_RECURRENCE)
            lines.push_back(chunk.line + i);
    }
    return lines;
}

// SEQUENCE and DTSTAMP (always UTC), which decide between copies of one event.
Version readVersion(icalcomponent *event)
{
    Version version;
    if (icalcomponent_get_first_property(event, ICAL_SEQUENCE_PROPERTY))
        version.sequence = icalcomponent_get_sequence(event);
    if (icalproperty *dtstamp = icalcomponent_get_first_property(event, ICAL_DTSTAMP_PROPERTY)) {
        const icaltimetype t = icalproperty_get_dtstamp(dtstamp);
        const QDate date(t.year, t.month, t.day);
        if (!icaltime_is_null_time(t) && date.isValid())
            version.stampMs = wallClockMs(date, QTime(qBound(0, t.hour, 23), qBound(0, t.minute, 59),
                                                      qBound(0, t.second, 59)));
    }
    return version;
}

bool isThisAndFuture(icalproperty *recurrenceId)
{
    icalparameter *range = icalproperty_get_first_parameter(recurrenceId, ICAL_RANGE_PARAMETER);
    return range && icalparameter_get_range(range) == ICAL_RANGE_THISANDFUTURE;
}

// How far a THISANDFUTURE override moves later occurrences: on the wall clock when it writes
// both times in one zone (Friday 10:00 moved to Monday 10:00 stays at 10:00 across a DST
// change), else by the exact time between them.
qint64 rangeShiftMs(const When &original, qint64 originalMs, const When &start, qint64 startMs)
{
    if (original.zone == start.zone && original.isDate == start.isDate)
        return wallClockMs(start.date, start.time) - wallClockMs(original.date, original.time);
    return startMs - originalMs;
}

QString EventReader::readUid(icalcomponent *event, const Chunk &chunk)
{
    QString uid = QString::fromUtf8(icalcomponent_get_uid(event)).trimmed();
    if (uid.isEmpty()) {
        // Without a UID, the content identifies the event: a re-import finds it again.
        uid = QStringLiteral("fermata-nouid-")
            + QString::fromLatin1(QCryptographicHash::hash(chunk.text, QCryptographicHash::Sha1)
                                      .toHex()
                                      .left(16));
        addIssue(chunk.line, m_out->what + QStringLiteral(": no UID; identified by its content"));
    }
    return uid;
}

void EventReader::readEvent(const Chunk &chunk)
{
    if (!chunk.problem.isEmpty()) {
        skip(chunk.line, QString(), chunk.problem);
        return;
    }
    ComponentPtr root(icalparser_parse_string(chunk.text.constData()));
    icalcomponent *event = root.get();
    if (event && icalcomponent_isa(event) != ICAL_VEVENT_COMPONENT)
        event = icalcomponent_get_first_component(event, ICAL_VEVENT_COMPONENT);
    if (!event) {
        skip(chunk.line, QString(), QStringLiteral("the event cannot be read"));
        return;
    }

    const QString title = QString::fromUtf8(icalcomponent_get_summary(event));
    const QString &what = m_out->what = title.isEmpty()
        ? QStringLiteral("event")
        : QStringLiteral("event \"%1\"").arg(title.left(60));
    m_out->uid = readUid(event, chunk);
    m_out->version = readVersion(event);

    icalproperty *dtstart = icalcomponent_get_first_property(event, ICAL_DTSTART_PROPERTY);
    const auto start = dtstart ? readWhen(dtstart, icalproperty_get_dtstart(dtstart), chunk.line)
                               : std::nullopt;
    if (!start) {
        skip(chunk.line, what, dtstart || hasParseError(event, "DTSTART")
                                   ? QStringLiteral("DTSTART cannot be read")
                                   : QStringLiteral("DTSTART missing"));
        return;
    }
    const qint64 startMs = utcMs(*start);
    Span span;
    QString problem;
    if (!readSpan(event, *start, startMs, span, problem)) {
        skip(chunk.line, what, problem);
        return;
    }

    CalendarEvent base;
    base.source = m_options.source;
    base.title = title;
    base.allDay = start->isDate;
    base.busy = isBusy(event);
    if (icalproperty *rid = icalcomponent_get_first_property(event, ICAL_RECURRENCEID_PROPERTY))
        readOverride(rid, chunk.line, *start, startMs, span, std::move(base));
    else
        readMaster(event, chunk, *start, startMs, span, std::move(base));
}

// An override replaces one occurrence of its series, wherever it moved to; with
// RANGE=THISANDFUTURE also the later ones (the committer applies that to the series).
void EventReader::readOverride(icalproperty *rid, qint64 line, const When &start, qint64 startMs,
                               const Span &span, CalendarEvent base)
{
    const auto original = readWhen(rid, icalproperty_get_recurrenceid(rid), line);
    if (!original) {
        skip(line, m_out->what, QStringLiteral("RECURRENCE-ID cannot be read"));
        return;
    }
    const qint64 originalMs = utcMs(*original);
    m_out->recurrenceMs = originalMs;
    if (isThisAndFuture(rid))
        m_out->range = RangeChange{rangeShiftMs(*original, originalMs, start, startMs), span,
                                   base.title, base.busy};
    base.uid = m_out->uid + QLatin1Char('/') + recurrenceKey(*original, originalMs);
    base.start = QDateTime::fromMSecsSinceEpoch(startMs, Qt::UTC);
    base.end = QDateTime::fromMSecsSinceEpoch(endMs(start, startMs, span), Qt::UTC);
    freeIfMoment(base);
    m_out->kind = PreparedEvent::Kind::Override;
    m_out->instances.push_back(std::move(base));
}

// A master: whether it is the copy kept of its UID is known only in file order (commit).
void EventReader::readMaster(icalcomponent *event, const Chunk &chunk, const When &start,
                             qint64 startMs, const Span &span, CalendarEvent base)
{
    m_out->kind = PreparedEvent::Kind::Master;
    m_out->issuesBeforeExpansion = m_out->issues.size();
    // libical has dropped the RRULEs it cannot read: without another rule or an RDATE the
    // event stays, as a single event (its first occurrence), and the report says so.
    const bool recurring = icalcomponent_get_first_property(event, ICAL_RRULE_PROPERTY)
        || icalcomponent_get_first_property(event, ICAL_RDATE_PROPERTY);
    if (hasParseError(event, " RRULE property")) {
        const QString message = m_out->what
            + (recurring ? QStringLiteral(": RRULE not understood, left out")
                         : QStringLiteral(": RRULE not understood, imported as a single event"));
        std::vector<qint64> lines = unreadableRuleLines(chunk);
        if (lines.empty())
            lines.push_back(chunk.line);
        for (const qint64 line : lines)
            addIssue(line, message);
    }
    if (!recurring) {
        base.uid = m_out->uid;
        base.start = QDateTime::fromMSecsSinceEpoch(startMs, Qt::UTC);
        base.end = QDateTime::fromMSecsSinceEpoch(endMs(start, startMs, span), Qt::UTC);
        freeIfMoment(base);
        m_out->instances.push_back(std::move(base));
        return;
    }
    m_out->recurring = true;
    m_out->base = std::move(base);
    m_out->zone = start.zone;
    const std::vector<Occurrence> occurrences = expand(event, start, startMs, chunk.line);
    m_out->occurrences.reserve(occurrences.size());
    for (const Occurrence &o : occurrences) {
        const When local{o.date, o.time, start.isDate, start.zone};
        m_out->occurrences.push_back(PreparedEvent::Slot{
            o.startMs, o.endMs ? *o.endMs : endMs(local, o.startMs, span), o.date, o.time});
    }
}

} // namespace

Result<IcalReadReport> IcalReader::read(QIODevice &device, const IcalReadOptions &options,
                                        IcalEventSink &sink, const IcalProgress &progress)
{
    initLibical();
    IcalReadReport report;
    if (!device.isOpen() || !device.isReadable() || device.isSequential())
        return Result<IcalReadReport>::failure(Error::Code::Io,
                                               QStringLiteral("The calendar cannot be read."));
    const qint64 origin = device.pos();
    const qint64 total = device.size() - origin;
    constexpr qint64 margin = 3LL * 24 * 3600 * 1000;
    ZoneTable zones(options.floatingZone, options.horizon.startMs() - margin,
                    options.horizon.endMs() + margin);

    // Pass 1: the file's own time zones, wherever they stand in it.
    ComponentScanner zoneScan(device);
    for (Chunk chunk; zoneScan.next(chunk);) {
        if (chunk.kind != Chunk::Kind::Timezone || !chunk.problem.isEmpty())
            continue;
        ComponentPtr vtz(icalparser_parse_string(chunk.text.constData()));
        if (vtz && icalcomponent_isa(vtz.get()) == ICAL_VTIMEZONE_COMPONENT)
            zones.addVtimezone(vtz.release());
    }
    if (!zoneScan.sawCalendar())
        return Result<IcalReadReport>::failure(
            Error::Code::Invalid,
            QStringLiteral("This is not an iCalendar file: it has no BEGIN:VCALENDAR."));
    report.calendarName = zoneScan.calendarName();

    // Pass 2: the events, one component at a time.
    if (!device.seek(origin))
        return Result<IcalReadReport>::failure(Error::Code::Io,
                                               QStringLiteral("The calendar cannot be re-read."));
    ComponentScanner scan(device);
    // A master that a later copy or a THISANDFUTURE override changes is read once more from
    // its place in the file (rare), so no instances are held in memory for that.
    std::unique_ptr<ComponentScanner> rescan;
    EventReader rereader(options, zones);
    auto reread = [&](qint64 pos, qint64 line) -> std::optional<PreparedEvent> {
        if (!rescan)
            rescan = std::make_unique<ComponentScanner>(device);
        const qint64 resume = device.pos();
        Chunk chunk;
        const bool found = rescan->readAt(pos, line, chunk);
        if (!device.seek(resume) || !found)
            return std::nullopt;
        return rereader.prepare(chunk);
    };
    EventCommitter committer(options, zones, sink, report, reread);
    qint64 lastProgress = 0;
    // Applies one prepared batch in file order; an error or a cancel ends the read.
    auto commitBatch = [&](const std::vector<PreparedEvent> &batch) -> std::optional<Result<IcalReadReport>> {
        for (const PreparedEvent &event : batch) {
            if (!committer.commit(event))
                return Result<IcalReadReport>::failure(
                    Error::Code::Database,
                    QStringLiteral("The events could not be saved (stopped at line %1).").arg(event.line));
            const qint64 done = event.endPos - origin;
            if (progress && done - lastProgress >= s_progressStepBytes) {
                lastProgress = done;
                if (!progress(done, total)) {
                    report.cancelled = true;
                    report.instances = sink.size();
                    return report;
                }
            }
        }
        return std::nullopt;
    };
    auto prepareBatch = [&options, &zones](std::vector<Chunk> chunks) {
        EventReader reader(options, zones);
        std::vector<PreparedEvent> prepared;
        prepared.reserve(chunks.size());
        for (const Chunk &chunk : chunks)
            prepared.push_back(reader.prepare(chunk));
        return prepared;
    };
    // Batches are prepared on worker threads while this thread scans and commits; a few
    // batches in flight keep both cores busy and memory bounded.
    const size_t maxInFlight = std::clamp(std::thread::hardware_concurrency(), 2u, 8u);
    std::deque<std::future<std::vector<PreparedEvent>>> inFlight;
    std::vector<Chunk> batch;
    qint64 batchBytes = 0;
    for (Chunk chunk; scan.next(chunk);) {
        if (chunk.kind != Chunk::Kind::Event)
            continue;
        chunk.endPos = device.pos();
        batchBytes += chunk.text.size();
        batch.push_back(std::move(chunk));
        if (batch.size() < s_batchEvents && batchBytes < s_batchBytes)
            continue;
        inFlight.push_back(std::async(std::launch::async | std::launch::deferred, prepareBatch,
                                      std::exchange(batch, {})));
        batchBytes = 0;
        while (inFlight.size() >= maxInFlight) {
            const auto prepared = inFlight.front().get();
            inFlight.pop_front();
            if (auto stop = commitBatch(prepared))
                return *stop;
        }
    }
    for (; !inFlight.empty(); inFlight.pop_front()) {
        if (auto stop = commitBatch(inFlight.front().get()))
            return *stop;
    }
    if (auto stop = commitBatch(prepareBatch(std::move(batch)))) // the last one, here
        return *stop;
    if (!committer.finish())
        return Result<IcalReadReport>::failure(Error::Code::Database,
                                               QStringLiteral("The events could not be saved."));
    if (progress && !progress(total, total))
        report.cancelled = true;
    report.instances = sink.size();
    return report;
}

Result<IcalReadReport> IcalReader::readFile(const QString &path, const IcalReadOptions &options,
                                            IcalEventSink &sink, const IcalProgress &progress)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return Result<IcalReadReport>::failure(
            Error::Code::Io, QStringLiteral("Fermata could not open %1 (%2).")
                                 .arg(QFileInfo(path).fileName(), file.errorString()));
    return read(file, options, sink, progress);
}

Result<IcalReadReport> IcalReader::readBytes(const QByteArray &bytes, const IcalReadOptions &options,
                                             IcalEventSink &sink)
{
    QBuffer buffer;
    buffer.setData(bytes);
    buffer.open(QIODevice::ReadOnly);
    return read(buffer, options, sink);
}

} // namespace fermata
