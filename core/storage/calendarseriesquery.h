#pragma once

#include "model/calendarevent.h"
#include "result.h"
#include "time/interval.h"

#include <QList>
#include <QString>

#include <memory>

namespace fermata {

class Database;

// The occurrences of stored series (calendar_series) in a range, made on demand: only series
// whose first start and last end (calendar_series.first_ms/last_ms, indexed) can reach the range
// are read and expanded (SeriesExpander), with the overrides of their occurrences
// (calendar_events rows with a recurrence_ms: the occurrence they replace, THISANDFUTURE
// changes) and the buffers set on single occurrences (calendar_occurrence_edits). Runs on the
// caller's connection; call it inside one read transaction with the other reads that must
// agree with it (CalendarEventRepository::overlapping does).
class CalendarSeriesQuery final
{
public:
    explicit CalendarSeriesQuery(Database &db) : m_db(db) {}

    // `rows` (ordered by start, then id) and the occurrences overlapping `range` (one that
    // lasts no time: lying in it), in one list ordered by start, then id. Occurrences have uid
    // UID/RECURRENCE-ID and the stable negative id occurrenceId() gives.
    Result<QList<CalendarEvent>> events(const Interval &range, QList<CalendarEvent> rows = {}) const;
    // How many occurrences of `source`'s series overlap `range`, without making them.
    Result<qint64> count(const Interval &range, const QString &source) const;
    // `rows` and every occurrence of the series that end (COUNT, UNTIL, RDATEs only); series
    // without an end have no "all".
    Result<QList<CalendarEvent>> allFinite(QList<CalendarEvent> rows = {}) const;

private:
    struct Loaded;
    enum class Scope { Range, Finite };
    Result<std::unique_ptr<Loaded>> load(const Interval &range, const QString &source, bool withEdits,
                                         Scope scope = Scope::Range) const;
    Result<QList<CalendarEvent>> expand(const Interval &range, Scope scope, QList<CalendarEvent> rows) const;

    Database &m_db;
};

} // namespace fermata
