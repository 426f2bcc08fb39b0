#include "storage/calendarsourcewriter.h"

#include "storage/database.h"
#include "storage/sqlhelpers.h"

namespace fermata {

CalendarSourceWriter::CalendarSourceWriter(Database &db, QString source)
    : m_db(db), m_source(std::move(source))
{
}

Status CalendarSourceWriter::begin()
{
    const sql::Target target = sql::on(m_db);
    Result<QSqlQuery> read = sql::run(target,
                                      QStringLiteral("SELECT id, uid, title, start_ms, end_ms, all_day, "
                                                     "busy FROM calendar_events WHERE source = ? ORDER BY id"),
                                      {m_source}, QStringLiteral("read the events of \"%1\"").arg(m_source));
    if (!read)
        return read.error();
    QSqlQuery &query = read.value();
    m_existing.clear();
    m_duplicates.clear();
    m_written.clear();
    while (query.next()) {
        const qint64 id = query.value(0).toLongLong();
        const QString uid = query.value(1).toString();
        if (m_existing.contains(uid)) {
            m_duplicates.append(id);
            continue;
        }
        m_existing.insert(uid, Stored{id, query.value(2).toString(), query.value(3).toLongLong(),
                                      query.value(4).toLongLong(), query.value(5).toBool(),
                                      query.value(6).toBool()});
    }
    // A large calendar touches many pages of calendar_events and its three indexes; SQLite's
    // default 2 MB page cache would re-read them from the WAL over and over. Widen it for the
    // import (finish() puts it back).
    {
        QSqlQuery pragma(m_db.connection());
        if (pragma.exec(QStringLiteral("PRAGMA cache_size")) && pragma.next())
            m_previousCacheSize = pragma.value(0).toLongLong();
        (void)pragma.exec(QStringLiteral("PRAGMA cache_size = -65536"));
    }
    const QString save = QStringLiteral("save the events of \"%1\"").arg(m_source);
    m_insert = QSqlQuery(m_db.connection());
    m_update = QSqlQuery(m_db.connection());
    m_delete = QSqlQuery(m_db.connection());
    if (Status ok = sql::prepare(m_insert,
                                 QStringLiteral("INSERT INTO calendar_events (source, uid, title, "
                                                "start_ms, end_ms, all_day, busy, "
                                                "buffer_before_minutes, buffer_after_minutes) "
                                                "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)"),
                                 target, save); !ok)
        return ok;
    // Buffers are the person's own setting on a meeting: an update keeps them.
    if (Status ok = sql::prepare(m_update,
                                 QStringLiteral("UPDATE calendar_events SET title = ?, start_ms = ?, "
                                                "end_ms = ?, all_day = ?, busy = ? WHERE id = ?"),
                                 target, save); !ok)
        return ok;
    return sql::prepare(m_delete, QStringLiteral("DELETE FROM calendar_events WHERE id = ?"), target, save);
}

Status CalendarSourceWriter::upsert(const CalendarEvent &event)
{
    const QString what = QStringLiteral("save the event \"%1\"").arg(event.title);
    qint64 id = m_written.value(event.uid, 0);
    if (id == 0) {
        if (auto it = m_existing.find(event.uid); it != m_existing.end()) {
            const Stored stored = it.value();
            m_existing.erase(it);
            id = stored.id;
            if (stored.title == event.title && stored.startMs == event.start.toMSecsSinceEpoch()
                && stored.endMs == event.end.toMSecsSinceEpoch() && stored.allDay == event.allDay
                && stored.busy == event.busy) {
                m_written.insert(event.uid, id); // unchanged: a refresh writes nothing
                ++m_unchanged;
                return {};
            }
        }
    }
    const sql::Target target = sql::on(m_db);
    if (id != 0) {
        if (Status ok = sql::exec(m_update, {sql::text(event.title), sql::fromDateTime(event.start),
                                             sql::fromDateTime(event.end), event.allDay, event.busy, id},
                                  target, what); !ok)
            return ok;
        m_written.insert(event.uid, id);
        ++m_updated;
        return {};
    }
    if (Status ok = sql::exec(m_insert, {sql::text(m_source), sql::text(event.uid), sql::text(event.title),
                                         sql::fromDateTime(event.start), sql::fromDateTime(event.end),
                                         event.allDay, event.busy, event.bufferBeforeMinutes,
                                         event.bufferAfterMinutes},
                              target, what); !ok)
        return ok;
    m_written.insert(event.uid, m_insert.lastInsertId().toLongLong());
    ++m_inserted;
    return {};
}

Status CalendarSourceWriter::deleteId(qint64 id)
{
    if (Status ok = sql::exec(m_delete, {id}, sql::on(m_db),
                              QStringLiteral("delete an event of \"%1\"").arg(m_source)); !ok)
        return ok;
    ++m_deleted;
    return {};
}

Status CalendarSourceWriter::remove(const QString &uid)
{
    const qint64 id = m_written.take(uid);
    return id != 0 ? deleteId(id) : Status();
}

Status CalendarSourceWriter::finish()
{
    for (auto it = m_existing.cbegin(); it != m_existing.cend(); ++it) {
        if (Status status = deleteId(it.value().id); !status)
            return status;
    }
    for (qint64 id : std::as_const(m_duplicates)) {
        if (Status status = deleteId(id); !status)
            return status;
    }
    m_existing.clear();
    m_duplicates.clear();
    restoreCacheSize();
    return {};
}

CalendarSourceWriter::~CalendarSourceWriter()
{
    restoreCacheSize();
}

void CalendarSourceWriter::restoreCacheSize()
{
    if (m_previousCacheSize == 0)
        return;
    QSqlQuery pragma(m_db.connection());
    (void)pragma.exec(QStringLiteral("PRAGMA cache_size = %1").arg(m_previousCacheSize));
    m_previousCacheSize = 0;
}

} // namespace fermata
