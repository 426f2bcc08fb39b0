#include "calendar/icalreader.h"

#include "calendar/icalcomponentscanner.h"
#include "calendar/icalzones.h"
#include "storage/seriesexpander.h"

#include <QBuffer>
#include <QCoreApplication>
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
#include <memory>
#include <mutex>
#include <optional>
#include <thread>
#include <vector>

namespace {

// Messages people read, filed under the calendar context of the core's translations.
struct Text
{
    Q_DECLARE_TR_FUNCTIONS(fermata::Calendar)
};

} // namespace

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
    const QString events = eventsImported == 1 ? Text::tr("%1 event").arg(c.toString(eventsImported))
                                               : Text::tr("%1 events").arg(c.toString(eventsImported));
    const QString occurrences = instances == 1 ? Text::tr("%1 occurrence").arg(c.toString(instances))
                                               : Text::tr("%1 occurrences").arg(c.toString(instances));
    QString text = Text::tr("imported %1 (%2)").arg(events, occurrences);
    if (eventsSkipped > 0)
        text += Text::tr(", skipped %1").arg(eventsSkipped);
    if (cancelled)
        text += Text::tr(", cancelled before the end");
    if (!issues.isEmpty()) {
        QStringList shown;
        for (qsizetype i = 0; i < qMin<qsizetype>(3, issues.size()); ++i)
            shown.append(Text::tr("line %1: %2").arg(issues[i].line).arg(issues[i].message));
        text += QStringLiteral(" — ") + shown.join(QStringLiteral("; "));
        if (issueCount > shown.size())
            text += Text::tr(" (and %1 more)").arg(issueCount - shown.size());
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

constexpr qint64 s_progressStepBytes = 256 * 1024;
// Events are prepared (parsed, rules read) in batches on worker threads; a batch ends at
// this many events or bytes of text, which bounds the memory held by batches in flight.
constexpr size_t s_batchEvents = 64;
constexpr qint64 s_batchBytes = 1024 * 1024;

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
    return SeriesZones::wallMs(date, time);
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

// Prepares events; one per thread (it collects issues into the event being prepared).
class EventReader
{
public:
    EventReader(const IcalReadOptions &options, ZoneTable &zones)
        : m_options(options), m_zones(zones)
    {
        for (const QString &address : options.userAddresses)
            m_addresses.insert(normalizeAddress(address.toUtf8()));
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
    void readRules(icalcomponent *event, const When &start, qint64 line, CalendarSeries &series);
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
    PreparedEvent *m_out = nullptr; // the event being prepared
};

PreparedEvent EventReader::prepare(const Chunk &chunk)
{
    PreparedEvent prepared;
    prepared.line = chunk.line;
    prepared.endPos = chunk.endPos;
    m_out = &prepared;
    readEvent(chunk);
    m_out = nullptr;
    return prepared;
}

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
    QString name = Text::tr("the UID \"%1\"").arg(event.uid.left(80));
    if (event.kind == PreparedEvent::Kind::Override)
        name += Text::tr(" and RECURRENCE-ID %1").arg(key.mid(event.uid.size() + 1));
    QString message;
    if (event.version == kept->version)
        message = Text::tr(": a second event with %1; the first is kept").arg(name);
    else if (event.version < kept->version)
        message = Text::tr(": an older copy of %1 (lower SEQUENCE or earlier DTSTAMP); the "
                           "copy on line %2 is kept").arg(name, QString::number(kept->line));
    else
        message = Text::tr(": a newer copy of %1; it replaces the copy on line %2")
                      .arg(name, QString::number(kept->line));
    report(PreparedEvent::Issue{event.line, event.what + message, {}, true});
    return event.version > kept->version;
}

bool EventCommitter::commit(PreparedEvent &event)
{
    const size_t before = event.kind == PreparedEvent::Kind::Master ? event.issuesBeforeRules
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
    const CalendarEvent &instance = *event.instance;
    const auto kept = m_overrides.constFind(instance.uid);
    if (!isCopyToKeep(event, instance.uid, kept == m_overrides.constEnd() ? nullptr : &*kept))
        return true;
    m_overrides.insert(instance.uid, Kept{event.version, event.line});
    return m_sink.overrideOccurrence(instance, event.change);
}

bool EventCommitter::commitMaster(PreparedEvent &event)
{
    const auto kept = m_masters.find(event.uid);
    const bool hadCopy = kept != m_masters.end();
    if (!isCopyToKeep(event, event.uid, hadCopy ? &*kept : nullptr))
        return true;
    m_masters.insert(event.uid, Kept{event.version, event.line});
    for (size_t i = event.issuesBeforeRules; i < event.issues.size(); ++i)
        report(event.issues[i]);
    // A newer copy replaces all of the older one (its overrides stay: they are keyed apart).
    if (hadCopy && !m_sink.remove(event.uid))
        return false;
    if (!event.series)
        return m_sink.event(*event.instance);
    if (!nameZone(*event.zone, event.series->zone))
        return false;
    return m_sink.series(*event.series);
}

bool EventCommitter::nameZone(const Zone &zone, QByteArray &name)
{
    switch (zone.kind) {
    case Zone::Kind::Utc:
        name = QByteArrayLiteral("UTC");
        return true;
    case Zone::Kind::System:
        name = zone.system.id();
        return true;
    case Zone::Kind::Floating:
        name = m_zones.floatingZone().id();
        return true;
    case Zone::Kind::Embedded:
        break;
    }
    if (auto it = m_zoneNames.constFind(&zone); it != m_zoneNames.constEnd()) {
        name = *it;
        return true;
    }
    // The calendar's own VTIMEZONE, named by its content: a changed definition is a new zone.
    QByteArray definition;
    if (icalcomponent *component = icaltimezone_get_component(zone.embedded)) {
        char *text = icalcomponent_as_ical_string_r(component);
        definition = QByteArray(text);
        free(text);
    }
    name = QByteArrayLiteral("vtimezone:")
        + QCryptographicHash::hash(definition, QCryptographicHash::Sha1).toHex().left(16);
    m_zoneNames.insert(&zone, name);
    return m_sink.zone(name, definition);
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
                Text::tr("unknown time zone \"%1\"; read as %2 time")
                    .arg(QString::fromUtf8(tzid), QString::fromUtf8(m_zones.floatingZone().id())),
                tzid.isNull() ? QByteArray("") : tzid, false});
        }
    } else {
        when.zone = &m_zones.floating();
    }
    return when;
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
            problem = Text::tr("DTEND cannot be read");
            return false;
        }
        if (start.isDate) {
            span.days = start.date.daysTo(end->date);
            if (span.days < 0) {
                problem = Text::tr("DTEND is before DTSTART");
                return false;
            }
            span.days = qMax<qint64>(1, span.days); // DTEND == DTSTART: one day, as calendars show it
            return true;
        }
        span.exactMs = utcMs(*end) - startMs;
        if (span.exactMs < 0) {
            problem = Text::tr("DTEND is before DTSTART");
            return false;
        }
        return true;
    }
    if (icalproperty *duration = icalcomponent_get_first_property(event, ICAL_DURATION_PROPERTY)) {
        const icaldurationtype d = icalproperty_get_duration(duration);
        if (d.is_neg) {
            problem = Text::tr("DURATION is negative");
            return false;
        }
        span.days = qint64(d.weeks) * 7 + qint64(d.days);
        span.exactMs = (qint64(d.hours) * 3600 + qint64(d.minutes) * 60 + qint64(d.seconds)) * 1000;
        if (span.days > 3660 || span.exactMs > qint64(3660) * 86400000) {
            problem = Text::tr("DURATION is longer than ten years");
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

// The rules of a recurring master as the series keeps them: each RRULE that can be expanded
// (the others reported and left out), the RDATEs and EXDATEs in UTC.
void EventReader::readRules(icalcomponent *event, const When &start, qint64 line, CalendarSeries &series)
{
    icaltimetype first = icaltime_null_time();
    first.year = start.date.year();
    first.month = start.date.month();
    first.day = start.date.day();
    first.hour = start.time.hour();
    first.minute = start.time.minute();
    first.second = start.time.second();
    first.is_date = start.isDate;
    for (icalproperty *p = icalcomponent_get_first_property(event, ICAL_RRULE_PROPERTY); p;
         p = icalcomponent_get_next_property(event, ICAL_RRULE_PROPERTY)) {
        const icalrecurrencetype rule = icalproperty_get_rrule(p);
        if (rule.freq == ICAL_NO_RECURRENCE) {
            addIssue(line, Text::tr("an RRULE cannot be read; only its first date is used"));
            continue;
        }
        if (SeriesExpander::neverOccurs(rule)) {
            addIssue(line, Text::tr("an RRULE never occurs (e.g. February 30); "
                                    "only its first date is used"));
            continue;
        }
        if (!SeriesExpander::canExpand(rule, first)) {
            addIssue(line, Text::tr("an RRULE is not valid; only its first date is used"));
            continue;
        }
        char *text = icalrecurrencetype_as_string_r(const_cast<icalrecurrencetype *>(&rule));
        if (text)
            series.rules.append(QByteArray(text));
        free(text);
    }
    for (icalproperty *p = icalcomponent_get_first_property(event, ICAL_RDATE_PROPERTY); p;
         p = icalcomponent_get_next_property(event, ICAL_RDATE_PROPERTY)) {
        const icaldatetimeperiodtype rdate = icalproperty_get_rdate(p);
        const bool isPeriod = !icaltime_is_null_time(rdate.period.start);
        const auto when = readWhen(p, isPeriod ? rdate.period.start : rdate.time, line);
        if (!when) {
            addIssue(line, Text::tr("an RDATE cannot be read"));
            continue;
        }
        SeriesDate date{utcMs(*when), when->date, when->time, std::nullopt};
        if (isPeriod) {
            if (!icaltime_is_null_time(rdate.period.end)) {
                if (const auto end = readWhen(p, rdate.period.end, line))
                    date.endMs = qMax(date.startMs, utcMs(*end));
            } else {
                date.endMs = date.startMs + qint64(icaldurationtype_as_int(rdate.period.duration)) * 1000;
            }
        }
        series.dates.append(date);
    }
    for (icalproperty *p = icalcomponent_get_first_property(event, ICAL_EXDATE_PROPERTY); p;
         p = icalcomponent_get_next_property(event, ICAL_EXDATE_PROPERTY)) {
        const auto when = readWhen(p, icalproperty_get_exdate(p), line);
        if (!when)
            continue;
        if (when->isDate)
            series.exceptDates.append(when->date);
        else
            series.exceptMs.append(utcMs(*when));
    }
    std::sort(series.exceptMs.begin(), series.exceptMs.end());
    series.exceptMs.erase(std::unique(series.exceptMs.begin(), series.exceptMs.end()), series.exceptMs.end());
    std::sort(series.exceptDates.begin(), series.exceptDates.end());
    series.exceptDates.erase(std::unique(series.exceptDates.begin(), series.exceptDates.end()),
                             series.exceptDates.end());
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
        addIssue(chunk.line, m_out->what + Text::tr(": no UID; identified by its content"));
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
        skip(chunk.line, QString(), Text::tr("the event cannot be read"));
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
                                   ? Text::tr("DTSTART cannot be read")
                                   : Text::tr("DTSTART missing"));
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
// RANGE=THISANDFUTURE also the later ones (expansion applies that to the series).
void EventReader::readOverride(icalproperty *rid, qint64 line, const When &start, qint64 startMs,
                               const Span &span, CalendarEvent base)
{
    const auto original = readWhen(rid, icalproperty_get_recurrenceid(rid), line);
    if (!original) {
        skip(line, m_out->what, Text::tr("RECURRENCE-ID cannot be read"));
        return;
    }
    const qint64 originalMs = utcMs(*original);
    m_out->change.recurrenceMs = originalMs;
    if (isThisAndFuture(rid))
        m_out->change.range = SeriesRangeChange{rangeShiftMs(*original, originalMs, start, startMs), span.days,
                                                span.exactMs, base.title, base.busy};
    base.uid = occurrenceUid(m_out->uid, original->isDate, original->date, originalMs);
    base.start = QDateTime::fromMSecsSinceEpoch(startMs, Qt::UTC);
    base.end = QDateTime::fromMSecsSinceEpoch(endMs(start, startMs, span), Qt::UTC);
    freeIfMoment(base);
    m_out->kind = PreparedEvent::Kind::Override;
    m_out->instance = std::move(base);
}

// A master: whether it is the copy kept of its UID is known only in file order (commit).
void EventReader::readMaster(icalcomponent *event, const Chunk &chunk, const When &start,
                             qint64 startMs, const Span &span, CalendarEvent base)
{
    m_out->kind = PreparedEvent::Kind::Master;
    m_out->issuesBeforeRules = m_out->issues.size();
    // libical has dropped the RRULEs it cannot read: without another rule or an RDATE the
    // event stays, as a single event (its first occurrence), and the report says so.
    const bool recurring = icalcomponent_get_first_property(event, ICAL_RRULE_PROPERTY)
        || icalcomponent_get_first_property(event, ICAL_RDATE_PROPERTY);
    if (hasParseError(event, " RRULE property")) {
        const QString message = m_out->what
            + (recurring ? Text::tr(": RRULE not understood, left out")
                         : Text::tr(": RRULE not understood, imported as a single event"));
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
        m_out->instance = std::move(base);
        return;
    }
    CalendarSeries series;
    series.source = base.source;
    series.uid = m_out->uid;
    series.title = base.title;
    series.allDay = base.allDay;
    series.busy = base.busy;
    series.startDate = start.date;
    series.startTime = start.isDate ? QTime(0, 0) : start.time;
    series.startMs = startMs;
    series.spanDays = span.days;
    series.spanMs = span.exactMs;
    readRules(event, start, chunk.line, series);
    m_out->zone = start.zone;
    m_out->series = std::move(series);
}

// The instance sinks' view of a read: single events and overrides go to the sink as they
// come (within the horizon), series wait for the end, when every override is known, and are
// expanded over the horizon then.
class ExpandingSink final : public IcalRuleSink
{
public:
    ExpandingSink(const IcalReadOptions &options, IcalEventSink &sink)
        : m_horizon(options.horizon)
        , m_sink(sink)
        , m_zones(options.horizon.startMs() - 40LL * 86400000, options.horizon.endMs() + 40LL * 86400000)
    {
    }
    bool event(const CalendarEvent &event) override { return deliver(event); }
    bool overrideOccurrence(const CalendarEvent &instance, const SeriesOverride &what) override
    {
        const auto key = splitOccurrenceUid(instance.uid);
        const QString seriesUid = key ? key->first : instance.uid;
        SeriesChanges &changes = m_changes[seriesUid];
        changes.overridden.insert(instance.uid);
        // A newer copy of an override replaces the older one's change (or drops it).
        if (what.range)
            changes.ranges.insert_or_assign(what.recurrenceMs, *what.range);
        else
            changes.ranges.erase(what.recurrenceMs);
        return deliver(instance);
    }
    bool series(const CalendarSeries &series) override
    {
        if (!m_series.contains(series.uid))
            m_order.append(series.uid);
        m_series.insert(series.uid, series);
        return true;
    }
    bool zone(const QByteArray &name, const QByteArray &definition) override
    {
        m_zones.addDefinition(name, definition);
        return true;
    }
    bool remove(const QString &uid) override
    {
        m_series.remove(uid);
        return m_sink.remove(uid);
    }
    // Expands the series into the sink; false when it refused.
    bool finish()
    {
        SeriesExpander expander(m_zones);
        const SeriesChanges none;
        bool ok = true;
        for (const QString &uid : std::as_const(m_order)) {
            const auto found = m_series.constFind(uid);
            if (found == m_series.constEnd())
                continue;
            const CalendarSeries &series = *found;
            const auto changes = m_changes.constFind(uid);
            CalendarEvent instance;
            instance.source = series.source;
            instance.allDay = series.allDay;
            expander.expand(series, changes == m_changes.constEnd() ? none : *changes, m_horizon,
                            [&](const SeriesOccurrence &o) {
                                if (!ok)
                                    return;
                                instance.uid = o.uid;
                                instance.title = *o.title;
                                instance.busy = o.busy;
                                instance.start = QDateTime::fromMSecsSinceEpoch(o.startMs, Qt::UTC);
                                instance.end = QDateTime::fromMSecsSinceEpoch(o.endMs, Qt::UTC);
                                ok = m_sink.upsert(instance);
                            });
            if (!ok)
                return false;
        }
        return true;
    }

private:
    bool deliver(const CalendarEvent &event)
    {
        const bool inHorizon = event.end > event.start
            ? Interval::fromDateTimes(event.start, event.end).overlaps(m_horizon)
            : m_horizon.contains(event.start.toMSecsSinceEpoch());
        if (!inHorizon)
            return m_sink.remove(event.uid);
        return m_sink.upsert(event);
    }

    Interval m_horizon;
    IcalEventSink &m_sink;
    SeriesZones m_zones;
    QHash<QString, CalendarSeries> m_series; // UID -> the copy kept
    QList<QString> m_order;                  // UIDs in the order first read
    QHash<QString, SeriesChanges> m_changes; // UID -> its overrides
};

} // namespace

Result<IcalReadReport> IcalReader::read(QIODevice &device, const IcalReadOptions &options,
                                        IcalRuleSink &sink, const IcalProgress &progress)
{
    initLibical();
    IcalReadReport report;
    if (!device.isOpen() || !device.isReadable() || device.isSequential())
        return Result<IcalReadReport>::failure(Error::Code::Io,
                                               Text::tr("The calendar cannot be read."));
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
            Text::tr("This is not an iCalendar file: it has no BEGIN:VCALENDAR."));
    report.calendarName = zoneScan.calendarName();

    // Pass 2: the events, one component at a time.
    if (!device.seek(origin))
        return Result<IcalReadReport>::failure(Error::Code::Io,
                                               Text::tr("The calendar cannot be re-read."));
    ComponentScanner scan(device);
    EventCommitter committer(zones, sink, report);
    qint64 lastProgress = 0;
    // Applies one prepared batch in file order; an error or a cancel ends the read.
    auto commitBatch = [&](std::vector<PreparedEvent> batch) -> std::optional<Result<IcalReadReport>> {
        for (PreparedEvent &event : batch) {
            if (!committer.commit(event))
                return Result<IcalReadReport>::failure(
                    Error::Code::Database,
                    Text::tr("The events could not be saved (stopped at line %1).").arg(event.line));
            const qint64 done = event.endPos - origin;
            if (progress && done - lastProgress >= s_progressStepBytes) {
                lastProgress = done;
                if (!progress(done, total)) {
                    report.cancelled = true;
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
            auto prepared = inFlight.front().get();
            inFlight.pop_front();
            if (auto stop = commitBatch(std::move(prepared)))
                return *stop;
        }
    }
    for (; !inFlight.empty(); inFlight.pop_front()) {
        if (auto stop = commitBatch(inFlight.front().get()))
            return *stop;
    }
    if (auto stop = commitBatch(prepareBatch(std::move(batch)))) // the last one, here
        return *stop;
    if (progress && !progress(total, total))
        report.cancelled = true;
    return report;
}

Result<IcalReadReport> IcalReader::read(QIODevice &device, const IcalReadOptions &options,
                                        IcalEventSink &sink, const IcalProgress &progress)
{
    ExpandingSink expanding(options, sink);
    auto report = read(device, options, static_cast<IcalRuleSink &>(expanding), progress);
    if (!report || report->cancelled) {
        if (report)
            report.value().instances = sink.size();
        return report;
    }
    if (!expanding.finish())
        return Result<IcalReadReport>::failure(Error::Code::Database,
                                               Text::tr("The events could not be saved."));
    report.value().instances = sink.size();
    return report;
}

Result<IcalReadReport> IcalReader::readFile(const QString &path, const IcalReadOptions &options,
                                            IcalEventSink &sink, const IcalProgress &progress)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return Result<IcalReadReport>::failure(
            Error::Code::Io, Text::tr("Fermata could not open %1 (%2).")
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
