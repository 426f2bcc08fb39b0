#pragma once

#include "storage/calendarseries.h"
#include "storage/serieszones.h"
#include "time/interval.h"

#include <QHash>

#include <functional>
#include <memory>
#include <optional>
#include <vector>

struct icalrecurrencetype;
struct icaltimetype;

namespace fermata {

// One occurrence of a series, overrides applied.
struct SeriesOccurrence
{
    qint64 startMs = 0;
    qint64 endMs = 0;
    QString uid; // UID/RECURRENCE-ID; empty unless asked for
    const QString *title = nullptr;
    bool busy = true;
    // The original start, which makes the RECURRENCE-ID: occurrenceUid(series uid, all-day,
    // originalDate, originalMs).
    QDate originalDate;
    qint64 originalMs = 0;
};

// Expands stored series (CalendarSeries) over any range, on demand: the occurrences of its
// RRULEs (libical's iterator, or SimpleRecurrence for the common rules, which skips to the
// range instead of walking from DTSTART), DTSTART and RDATEs, less EXDATEs and the occurrences
// overrides replace, THISANDFUTURE changes applied, each converted in the series' zone (DST
// correct). The same expansion serves the reader's instance sinks and the database's queries,
// so both give identical instances. One thread at a time (it shares `zones`).
class SeriesExpander final
{
public:
    explicit SeriesExpander(SeriesZones &zones);
    ~SeriesExpander();
    SeriesExpander(const SeriesExpander &) = delete;
    SeriesExpander &operator=(const SeriesExpander &) = delete;

    using Emit = std::function<void(const SeriesOccurrence &)>;
    // Calls `emit` for each occurrence that overlaps `range` (one that lasts no time: that lies
    // in it), in the order of the original starts; at most maxOccurrencesPerRange. With
    // `withUids` false SeriesOccurrence::uid stays empty. Returns how many.
    qint64 expand(const CalendarSeries &series, const SeriesChanges &changes, const Interval &range,
                  const Emit &emit, bool withUids = true);

    // The start of the first occurrence and the end of the last one (nullopt: the series has
    // no end), for the index that lets a range query expand only series that can reach it.
    static qint64 firstStartMs(const CalendarSeries &series);
    std::optional<qint64> lastEndMs(const CalendarSeries &series);
    // How far beyond [first start, last end] THISANDFUTURE `changes` can move occurrences.
    static qint64 reachMs(const SeriesChanges &changes);

    // BYMONTH with BYMONTHDAY days no listed month has (February 30): libical would search
    // for centuries before giving up.
    static bool neverOccurs(const icalrecurrencetype &rule);
    // Whether SimpleRecurrence or libical's iterator can expand `rule` from `first`.
    static bool canExpand(const icalrecurrencetype &rule, const icaltimetype &first);

    // Limits that keep hostile input from exhausting memory or time.
    static constexpr int maxIterationsPerRule = 200000;
    static constexpr int maxOccurrencesPerRange = 20000;

private:
    // An occurrence before overrides: its original start, on the wall clock and in UTC.
    struct Raw
    {
        qint64 startMs = 0;
        QDate date;
        QTime time;
        std::optional<qint64> endMs;
    };
    // The occurrences whose original start lies in [loMs, hiMs), sorted, EXDATEs removed.
    void collect(const CalendarSeries &series, const SeriesZones::Zone &zone, qint64 loMs, qint64 hiMs);
    // One RRULE's occurrences in [loMs, hiMs) into m_raw; with `lastOnly`, only the last one
    // (m_raw then holds it alone). False when the rule cannot be expanded.
    bool expandRule(const QByteArray &text, const CalendarSeries &series, const SeriesZones::Zone &zone,
                    qint64 loMs, qint64 hiMs, bool lastOnly);
    qint64 endMs(const SeriesZones::Zone &zone, bool allDay, QDate date, QTime time, qint64 startMs,
                 qint64 spanDays, qint64 spanMs) const;

    // A rule's text parsed once per expander: many series share a few rules.
    const icalrecurrencetype *parsed(const QByteArray &text);

    SeriesZones &m_zones;
    std::vector<Raw> m_raw; // reused between series
    struct ParsedRule;
    QHash<QByteArray, std::shared_ptr<const ParsedRule>> m_rules;
};

} // namespace fermata
