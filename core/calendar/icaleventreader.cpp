#include "calendar/icaleventreader.h"

#include "storage/seriesexpander.h"

#include <QCoreApplication>
#include <QCryptographicHash>

#include <algorithm>

namespace {

// Messages people read, filed under the calendar context of the core's translations.
struct Text
{
    Q_DECLARE_TR_FUNCTIONS(fermata::Calendar)
};

} // namespace

namespace fermata::ical {

namespace {

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

} // namespace

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

} // namespace fermata::ical
