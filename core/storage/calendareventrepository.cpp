#include "storage/database.h"
#include "storage/repositories.h"
#include "storage/sqlhelpers.h"

namespace fermata {

namespace {

const QString s_select = QStringLiteral(
    "SELECT id, source, uid, title, start_ms, end_ms, all_day, busy, buffer_before_minutes,"
    " buffer_after_minutes FROM calendar_events ");

// The values of every column but id, in the order of s_select.
QVariantList fields(const CalendarEvent &event)
{
    return {sql::text(event.source), sql::text(event.uid), sql::text(event.title),
            sql::fromDateTime(event.start), sql::fromDateTime(event.end), event.allDay, event.busy,
            event.bufferBeforeMinutes, event.bufferAfterMinutes};
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
    return sql::readAll(sql::on(db), s_select + tail, values, QStringLiteral("read calendar events"),
                        readEvent);
}

} // namespace

Result<qint64> CalendarEventRepository::add(const CalendarEvent &event)
{
    // Autocommit: durable on return.
    return sql::insert(sql::on(m_db),
                       QStringLiteral("INSERT INTO calendar_events (source, uid, title, start_ms, "
                                      "end_ms, all_day, busy, buffer_before_minutes, "
                                      "buffer_after_minutes) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)"),
                       fields(event), QStringLiteral("save the event \"%1\"").arg(event.title));
}

Status CalendarEventRepository::update(const CalendarEvent &event)
{
    return sql::changeRow(sql::on(m_db),
                          QStringLiteral("UPDATE calendar_events SET source = ?, uid = ?, title = ?, "
                                         "start_ms = ?, end_ms = ?, all_day = ?, busy = ?, "
                                         "buffer_before_minutes = ?, buffer_after_minutes = ? "
                                         "WHERE id = ?"),
                          fields(event) << event.id,
                          QStringLiteral("save the event \"%1\"").arg(event.title),
                          QStringLiteral("The event \"%1\" no longer exists.").arg(event.title));
}

Status CalendarEventRepository::remove(qint64 id)
{
    return sql::changeRow(sql::on(m_db), QStringLiteral("DELETE FROM calendar_events WHERE id = ?"),
                          {id}, QStringLiteral("delete an event"),
                          QStringLiteral("The event no longer exists."));
}

Result<QList<CalendarEvent>> CalendarEventRepository::overlapping(const Interval &range) const
{
    if (range.isEmpty())
        return QList<CalendarEvent>();
    // Half-open on both sides, like Interval::overlaps; a moment (an event with a start and
    // no end, RFC 5545 §3.6.1) is listed when it lies in the range. No event starts earlier
    // than the range start minus the longest event (an indexed MAX), which turns a scan of
    // every earlier event into a short index range.
    return select(m_db,
                  QStringLiteral("WHERE start_ms >= ? - COALESCE((SELECT MAX(end_ms - start_ms) "
                                 "FROM calendar_events), 0) "
                                 "AND start_ms < ? AND (end_ms > ? OR (end_ms = start_ms AND start_ms >= ?)) "
                                 "ORDER BY start_ms, id"),
                  {qlonglong(range.startMs()), qlonglong(range.endMs()), qlonglong(range.startMs()),
                   qlonglong(range.startMs())});
}

Result<QList<CalendarEvent>> CalendarEventRepository::all() const
{
    return select(m_db, QStringLiteral("ORDER BY start_ms, id"), {});
}

} // namespace fermata
