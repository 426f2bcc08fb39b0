#include "storage/database.h"
#include "storage/repositories.h"
#include "storage/sqlhelpers.h"

#include <QSqlQuery>

namespace fermata {

namespace {

const QString s_select = QStringLiteral(
    "SELECT id, source, uid, title, start_ms, end_ms, all_day, busy, buffer_before_minutes,"
    " buffer_after_minutes FROM calendar_events");

void bindFields(QSqlQuery &query, const CalendarEvent &event)
{
    query.bindValue(0, sql::text(event.source));
    query.bindValue(1, sql::text(event.uid));
    query.bindValue(2, sql::text(event.title));
    query.bindValue(3, sql::fromDateTime(event.start));
    query.bindValue(4, sql::fromDateTime(event.end));
    query.bindValue(5, event.allDay);
    query.bindValue(6, event.busy);
    query.bindValue(7, event.bufferBeforeMinutes);
    query.bindValue(8, event.bufferAfterMinutes);
}

CalendarEvent readEvent(const QSqlQuery &query)
{
    CalendarEvent event;
    event.id = query.value(0).toLongLong();
    event.source = query.value(1).toString();
    event.uid = query.value(2).toString();
    event.title = query.value(3).toString();
    event.start = sql::toDateTime(query.value(4));
    event.end = sql::toDateTime(query.value(5));
    event.allDay = query.value(6).toBool();
    event.busy = query.value(7).toBool();
    event.bufferBeforeMinutes = query.value(8).toInt();
    event.bufferAfterMinutes = query.value(9).toInt();
    return event;
}

Result<QList<CalendarEvent>> select(const Database &db, const QString &tail,
                                    const QVariantList &values)
{
    const QString what = QStringLiteral("read calendar events");
    QSqlQuery query(db.connection());
    query.setForwardOnly(true);
    if (auto error = sql::prepare(query, s_select + QLatin1Char(' ') + tail, db.path(), what))
        return *error;
    for (qsizetype i = 0; i < values.size(); ++i)
        query.bindValue(int(i), values.at(i));
    if (auto error = sql::exec(query, db.path(), what))
        return *error;
    QList<CalendarEvent> events;
    while (query.next())
        events.append(readEvent(query));
    return events;
}

} // namespace

Result<qint64> CalendarEventRepository::add(const CalendarEvent &event)
{
    const QString what = QStringLiteral("save the event \"%1\"").arg(event.title);
    QSqlQuery query(m_db.connection());
    if (auto error = sql::prepare(query,
                                  QStringLiteral("INSERT INTO calendar_events (source, uid, title, "
                                                 "start_ms, end_ms, all_day, busy, "
                                                 "buffer_before_minutes, buffer_after_minutes) "
                                                 "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)"),
                                  m_db.path(), what))
        return *error;
    bindFields(query, event);
    if (auto error = sql::exec(query, m_db.path(), what)) // autocommit: durable on return
        return *error;
    return query.lastInsertId().toLongLong();
}

Status CalendarEventRepository::update(const CalendarEvent &event)
{
    const QString what = QStringLiteral("save the event \"%1\"").arg(event.title);
    QSqlQuery query(m_db.connection());
    if (auto error = sql::prepare(query,
                                  QStringLiteral("UPDATE calendar_events SET source = ?, uid = ?, "
                                                 "title = ?, start_ms = ?, end_ms = ?, all_day = ?, "
                                                 "busy = ?, buffer_before_minutes = ?, "
                                                 "buffer_after_minutes = ? WHERE id = ?"),
                                  m_db.path(), what))
        return *error;
    bindFields(query, event);
    query.bindValue(9, event.id);
    if (auto error = sql::exec(query, m_db.path(), what))
        return *error;
    if (query.numRowsAffected() == 0)
        return Status::failure(Error::Code::NotFound,
                               QStringLiteral("The event \"%1\" no longer exists.").arg(event.title));
    return {};
}

Status CalendarEventRepository::remove(qint64 id)
{
    return sql::deleteById(m_db.connection(), m_db.path(), QLatin1String("calendar_events"), id,
                           QStringLiteral("delete an event"), QStringLiteral("The event no longer exists."));
}

Result<QList<CalendarEvent>> CalendarEventRepository::overlapping(const Interval &range) const
{
    if (range.isEmpty())
        return QList<CalendarEvent>();
    // Half-open on both sides, like Interval::overlaps; empty events never overlap. No event
    // starts earlier than the range start minus the longest event (an indexed MAX), which
    // turns a scan of every earlier event into a short index range.
    return select(m_db,
                  QStringLiteral("WHERE start_ms >= ? - COALESCE((SELECT MAX(end_ms - start_ms) "
                                 "FROM calendar_events), 0) "
                                 "AND start_ms < ? AND end_ms > ? AND end_ms > start_ms "
                                 "ORDER BY start_ms, id"),
                  {qlonglong(range.startMs()), qlonglong(range.endMs()), qlonglong(range.startMs())});
}

Result<QList<CalendarEvent>> CalendarEventRepository::all() const
{
    return select(m_db, QStringLiteral("ORDER BY start_ms, id"), {});
}

} // namespace fermata
