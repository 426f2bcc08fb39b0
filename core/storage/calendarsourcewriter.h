#pragma once

#include "model/calendarevent.h"
#include "result.h"
#include "storage/calendarseries.h"

#include <QHash>
#include <QList>
#include <QSet>
#include <QSqlQuery>
#include <QString>

#include <memory>
#include <optional>

namespace fermata {

class Database;
class SeriesExpander;
class SeriesZones;

// Replaces what one source (an imported file, a subscription, a CalDAV calendar) holds, in
// place, inside a transaction the caller holds: single events and overrides are rows of
// calendar_events, keyed by uid (UID or UID/RECURRENCE-ID); recurring events are rules in
// calendar_series, keyed by UID. What is known is updated only when it changed (a series when
// its content hash did) and keeps its id and buffers, what is new is inserted, and finish()
// deletes what the source no longer has. Buffers set on an occurrence move with it between a
// row and a series (an override added or dropped, rows from before series were stored).
// Memory: one uid -> id entry per row and series of the source.
class CalendarSourceWriter final
{
public:
    CalendarSourceWriter(Database &db, QString source);
    ~CalendarSourceWriter();
    Q_DISABLE_COPY_MOVE(CalendarSourceWriter)

    // What the last import of `source` stored with its content hash (setContentHash), when
    // `hash` is that hash: an unchanged calendar needs no import.
    static Result<std::optional<QString>> unchangedSince(Database &db, const QString &source,
                                                         const QByteArray &hash);

    Status begin();
    Status upsert(const CalendarEvent &event); // a single event
    Status upsertOverride(const CalendarEvent &instance, const SeriesOverride &what);
    Status upsertSeries(const CalendarSeries &series);
    Status addZone(const QByteArray &name, const QByteArray &definition);
    // Drops what this import wrote for a UID (a row or a series).
    Status remove(const QString &uid);
    Status finish();
    // Records what was imported (`note`, for unchangedSince()) and its content hash.
    Status setContentHash(const QByteArray &hash, const QString &note);

    qint64 size() const { return m_written.size() + m_writtenSeries.size(); }
    qint64 inserted() const { return m_inserted; }
    qint64 updated() const { return m_updated; }
    qint64 unchanged() const { return m_unchanged; }
    qint64 deleted() const { return m_deleted; }

private:
    struct Stored
    {
        qint64 id = 0;
        QString title;
        qint64 startMs = 0;
        qint64 endMs = 0;
        bool allDay = false;
        bool busy = true;
        std::optional<qint64> recurrenceMs;
        QString rangeChange;
        int bufferBefore = 0;
        int bufferAfter = 0;
    };
    struct StoredSeries
    {
        qint64 id = 0;
        QByteArray hash;
    };
    Status write(const CalendarEvent &event, std::optional<qint64> recurrenceMs, const QString &rangeChange);
    Status deleteId(qint64 id);
    Status keepBuffers(const QString &uid, const Stored &row);
    void restoreCacheSize();

    Database &m_db;
    QString m_source;
    QHash<QString, Stored> m_existing;            // uid -> row before this import
    QList<qint64> m_duplicates;                   // extra rows that shared a uid before
    QHash<QString, qint64> m_written;             // uid -> row id written by this import
    QHash<QString, StoredSeries> m_existingSeries; // UID -> series before this import
    QHash<QString, qint64> m_writtenSeries;       // UID -> series id written by this import
    QHash<QString, std::pair<int, int>> m_edits;  // occurrence uid -> buffers set on it
    std::unique_ptr<SeriesZones> m_zones;         // for the series' last ends
    std::unique_ptr<SeriesExpander> m_expander;
    QSqlQuery m_insert;
    QSqlQuery m_update;
    QSqlQuery m_delete;
    QSqlQuery m_insertSeries;
    QSqlQuery m_updateSeries;
    QSqlQuery m_deleteSeries;
    qint64 m_inserted = 0;
    qint64 m_updated = 0;
    qint64 m_unchanged = 0;
    qint64 m_previousCacheSize = 0; // 0: not changed
    qint64 m_deleted = 0;
};

} // namespace fermata
