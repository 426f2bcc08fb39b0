#pragma once

#include "model/calendarevent.h"
#include "result.h"

#include <QHash>
#include <QList>
#include <QSqlQuery>
#include <QString>

namespace fermata {

class Database;

// Replaces the events of one source (an imported file or a subscription) in place, inside a
// transaction the caller holds: rows whose uid (UID or UID/RECURRENCE-ID) is known are
// updated (only when they changed) and keep their id and buffers, new ones are inserted, and finish() deletes the
// rows the source no longer has. Memory: one uid -> id entry per instance of the source.
class CalendarSourceWriter final
{
public:
    CalendarSourceWriter(Database &db, QString source);
    ~CalendarSourceWriter();
    Q_DISABLE_COPY_MOVE(CalendarSourceWriter)
    Status begin();
    Status upsert(const CalendarEvent &event);
    Status remove(const QString &uid);
    Status finish();

    qint64 size() const { return m_written.size(); }
    qint64 inserted() const { return m_inserted; }
    qint64 updated() const { return m_updated; }
    qint64 unchanged() const { return m_unchanged; }
    qint64 deleted() const { return m_deleted; }

private:
    Status deleteId(qint64 id);
    void restoreCacheSize();

    Database &m_db;
    QString m_source;
    struct Stored
    {
        qint64 id = 0;
        QString title;
        qint64 startMs = 0;
        qint64 endMs = 0;
        bool allDay = false;
        bool busy = true;
    };
    QHash<QString, Stored> m_existing; // uid -> row before this import
    QList<qint64> m_duplicates;        // extra rows that shared a uid before
    QHash<QString, qint64> m_written;  // uid -> id written by this import
    QSqlQuery m_insert;
    QSqlQuery m_update;
    QSqlQuery m_delete;
    qint64 m_inserted = 0;
    qint64 m_updated = 0;
    qint64 m_unchanged = 0;
    qint64 m_previousCacheSize = 0; // 0: not changed
    qint64 m_deleted = 0;
};

} // namespace fermata
