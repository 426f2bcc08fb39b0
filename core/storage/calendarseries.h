#pragma once

// Recurring events kept as rules (RRULE, RDATE, EXDATE) and expanded on demand
// (SeriesExpander), and what overrides (RECURRENCE-ID, incl. RANGE=THISANDFUTURE) change in
// them. Occurrences are keyed UID/RECURRENCE-ID-in-UTC, as single events are by their UID.

#include <QByteArray>
#include <QDate>
#include <QList>
#include <QSet>
#include <QString>
#include <QTime>

#include <map>
#include <optional>

class QDebug;

namespace fermata {

// An RDATE: one more occurrence, on the wall clock of its own zone and in UTC.
struct SeriesDate
{
    qint64 startMs = 0;
    QDate date; // wall-clock date of the start (the key of an all-day occurrence)
    QTime time;
    std::optional<qint64> endMs; // an RDATE PERIOD carries its own end
    bool operator==(const SeriesDate &) const = default;
};

// One VEVENT with RRULE or RDATE, as imported. Occurrences start at DTSTART, at each RRULE
// occurrence and at each RDATE, less the EXDATEs; each lasts spanDays nominal days (DST-aware,
// on the wall clock of `zone`) plus spanMs.
struct CalendarSeries
{
    qint64 id = 0;
    QString source;
    QString uid; // the UID
    QString title;
    bool allDay = false;
    bool busy = true;
    // The zone DTSTART is written in: "UTC", a zone id QTimeZone knows (floating times and
    // dates are stored in the zone they were read in), or "vtimezone:<key>" for a calendar's
    // own VTIMEZONE (kept in calendar_zones).
    QByteArray zone;
    QDate startDate; // DTSTART on the wall clock of `zone`
    QTime startTime;
    qint64 startMs = 0; // DTSTART in UTC
    qint64 spanDays = 0;
    qint64 spanMs = 0;
    QList<QByteArray> rules;  // RRULE values libical reads, UNTIL as written
    QList<SeriesDate> dates;  // RDATEs
    QList<qint64> exceptMs;   // EXDATE DATE-TIMEs, in UTC, ascending
    QList<QDate> exceptDates; // EXDATE DATEs, ascending

    bool operator==(const CalendarSeries &) const = default;

    // Everything but id and source as one value (calendar_series.rule), which is all a range
    // query reads of a series; decode() fills it back and is false for bytes it cannot read.
    QByteArray encode() const;
    bool decode(const QByteArray &bytes);
    // Changes when anything an occurrence shows changes: re-imports skip identical series.
    QByteArray contentHash() const;
};

// What a RECURRENCE-ID;RANGE=THISANDFUTURE override changes in its occurrence and every later
// one (RFC 5545 §3.8.4.4): their start moves by shiftMs on the series' wall clock, their
// length and properties become the override's.
struct SeriesRangeChange
{
    qint64 shiftMs = 0;
    qint64 spanDays = 0;
    qint64 spanMs = 0;
    QString title;
    bool busy = true;
    bool operator==(const SeriesRangeChange &) const = default;

    // As calendar_events.range_change keeps it (the title is the row's own).
    QString encode() const;
    static std::optional<SeriesRangeChange> decode(const QString &text, const QString &title);
};

// An override (a VEVENT with RECURRENCE-ID): the occurrence it replaces, and for
// RANGE=THISANDFUTURE what it changes from there on. Its own instance is a CalendarEvent.
struct SeriesOverride
{
    qint64 recurrenceMs = 0; // RECURRENCE-ID in UTC
    std::optional<SeriesRangeChange> range;
    bool operator==(const SeriesOverride &) const = default;
};

// The overrides of one series, as expansion needs them.
struct SeriesChanges
{
    QSet<QString> overridden;                   // occurrence uids an override replaces
    std::map<qint64, SeriesRangeChange> ranges; // THISANDFUTURE changes by RECURRENCE-ID (UTC)
    bool isEmpty() const { return overridden.isEmpty() && ranges.empty(); }
};

// The RECURRENCE-ID part of an occurrence key: "20260302" for a date, "20260302T090000Z" for
// a time (its UTC instant, to the second).
QString recurrenceKey(bool isDate, QDate date, qint64 startMs);
// The same as characters, made once for an occurrence's uid and id.
struct RecurrenceKeyText
{
    RecurrenceKeyText(bool isDate, QDate date, qint64 startMs);
    char text[16];
    int size = 0;
};
// "UID/" + recurrenceKey(...).
QString occurrenceUid(const QString &uid, bool isDate, QDate date, qint64 startMs);
QString occurrenceUid(const QString &uid, const RecurrenceKeyText &key);
// The UID and the RECURRENCE-ID instant (UTC; a date's midnight UTC) of an occurrence uid;
// nullopt when `uid` is no occurrence key.
std::optional<std::pair<QString, qint64>> splitOccurrenceUid(const QString &uid);
// The id of an occurrence made from a series, which has no row of its own: negative, the same
// in every process and across re-imports for one source and occurrence uid.
qint64 occurrenceId(const QString &source, const QString &uid);

// occurrenceId() for the occurrences of one series, without hashing its source and UID again
// for each.
class OccurrenceIds
{
public:
    OccurrenceIds(const QString &source, const QString &seriesUid);
    qint64 id(const QString &occurrenceUid) const; // occurrenceUid starts with seriesUid
    // The id of occurrenceUid(seriesUid, key), without making it.
    qint64 id(const RecurrenceKeyText &key) const;

private:
    quint64 m_prefix;
    qsizetype m_skip;
};

QDebug operator<<(QDebug debug, const CalendarSeries &series);

} // namespace fermata
