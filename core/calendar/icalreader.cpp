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
    qint64 endPos = 0;
    // An occurrence of a recurring master, made a CalendarEvent when committed: the strings
    // are then allocated on the committing thread, which keeps the heap from fragmenting.
    struct Slot
    {
        qint64 startMs = 0;
        qint64 endMs = 0;
        QDate date; // local date of the start (the key of an all-day occurrence)
    };
    QString uid;  // Master: its UID, which only the first master may use
    QString what; // Master: how the issue of a second master names it
    std::vector<Issue> issues;
    size_t issuesBeforeExpansion = 0; // Master: issues found before its occurrences
    std::vector<CalendarEvent> instances; // an override or a master that does not recur
    bool recurring = false;               // Master: `base` at each of `occurrences`
    CalendarEvent base;
    std::vector<Slot> occurrences;
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
    prepared.endPos = chunk.endPos;
    m_out = &prepared;
    readEvent(chunk);
    m_out = nullptr;
    return prepared;
}

// Applies prepared events in file order: the masters/overrides bookkeeping and the sink.
class EventCommitter
{
public:
    EventCommitter(const IcalReadOptions &options, IcalEventSink &sink, IcalReadReport &report)
        : m_horizon(options.horizon), m_sink(sink), m_report(report)
    {
    }
    // False when the sink refused (a database error): the read stops.
    bool commit(const PreparedEvent &event);

private:
    void report(const PreparedEvent::Issue &issue);
    bool deliver(const CalendarEvent &event);

    Interval m_horizon;
    IcalEventSink &m_sink;
    IcalReadReport &m_report;
    QSet<QString> m_masters;      // UIDs whose master has been read
    QSet<QString> m_overrideKeys; // UID/RECURRENCE-ID of every override read so far
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
        m_overrideKeys.insert(event.instances.front().uid);
        ++m_report.eventsImported;
        return deliver(event.instances.front());
    case PreparedEvent::Kind::Master:
        break;
    }
    if (m_masters.contains(event.uid)) {
        report(PreparedEvent::Issue{
            event.line,
            event.what + QStringLiteral(": a second event with the UID \"%1\"; the first is kept")
                             .arg(event.uid.left(80)),
            {}, true});
        return true;
    }
    m_masters.insert(event.uid);
    ++m_report.eventsImported;
    for (size_t i = before; i < event.issues.size(); ++i)
        report(event.issues[i]);
    if (!event.recurring)
        return deliver(event.instances.front());
    CalendarEvent instance = event.base;
    for (const PreparedEvent::Slot &slot : event.occurrences) {
        const When local{slot.date, QTime(), event.base.allDay, nullptr};
        instance.uid = event.uid + QLatin1Char('/') + recurrenceKey(local, slot.startMs);
        if (m_overrideKeys.contains(instance.uid))
            continue;
        instance.start = QDateTime::fromMSecsSinceEpoch(slot.startMs, Qt::UTC);
        instance.end = QDateTime::fromMSecsSinceEpoch(slot.endMs, Qt::UTC);
        if (!deliver(instance))
            return false;
    }
    return true;
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
    if (start.isDate)
        return m_zones.toUtcMs(m_zones.floating(), start.date.addDays(span.days), QTime(0, 0));
    if (span.days > 0)
        return m_zones.toUtcMs(*start.zone, start.date.addDays(span.days), start.time) + span.exactMs;
    return startMs + span.exactMs;
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
    const QString what = title.isEmpty() ? QStringLiteral("event")
                                         : QStringLiteral("event \"%1\"").arg(title.left(60));
    QString uid = QString::fromUtf8(icalcomponent_get_uid(event)).trimmed();
    if (uid.isEmpty()) {
        // Without a UID, the content identifies the event: a re-import finds it again.
        uid = QStringLiteral("fermata-nouid-")
            + QString::fromLatin1(QCryptographicHash::hash(chunk.text, QCryptographicHash::Sha1)
                                      .toHex()
                                      .left(16));
        addIssue(chunk.line, what + QStringLiteral(": no UID; identified by its content"));
    }

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

    if (icalproperty *rid = icalcomponent_get_first_property(event, ICAL_RECURRENCEID_PROPERTY)) {
        // An override replaces one occurrence of its series, wherever it moved to.
        const auto original = readWhen(rid, icalproperty_get_recurrenceid(rid), chunk.line);
        if (!original) {
            skip(chunk.line, what, QStringLiteral("RECURRENCE-ID cannot be read"));
            return;
        }
        base.uid = uid + QLatin1Char('/') + recurrenceKey(*original, utcMs(*original));
        base.start = QDateTime::fromMSecsSinceEpoch(startMs, Qt::UTC);
        base.end = QDateTime::fromMSecsSinceEpoch(endMs(*start, startMs, span), Qt::UTC);
        m_out->kind = PreparedEvent::Kind::Override;
        m_out->instances.push_back(std::move(base));
        return;
    }

    // A master: whether it is the first with its UID is known only in file order (commit).
    m_out->kind = PreparedEvent::Kind::Master;
    m_out->uid = uid;
    m_out->what = what;
    m_out->issuesBeforeExpansion = m_out->issues.size();

    const bool recurring = icalcomponent_get_first_property(event, ICAL_RRULE_PROPERTY)
        || icalcomponent_get_first_property(event, ICAL_RDATE_PROPERTY);
    if (!recurring) {
        base.uid = uid;
        base.start = QDateTime::fromMSecsSinceEpoch(startMs, Qt::UTC);
        base.end = QDateTime::fromMSecsSinceEpoch(endMs(*start, startMs, span), Qt::UTC);
        m_out->instances.push_back(std::move(base));
        return;
    }
    m_out->recurring = true;
    m_out->base = base;
    const std::vector<Occurrence> occurrences = expand(event, *start, startMs, chunk.line);
    m_out->occurrences.reserve(occurrences.size());
    for (const Occurrence &o : occurrences) {
        const When local{o.date, o.time, start->isDate, start->zone};
        m_out->occurrences.push_back(PreparedEvent::Slot{
            o.startMs, o.endMs ? *o.endMs : endMs(local, o.startMs, span), o.date});
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
    EventCommitter committer(options, sink, report);
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
