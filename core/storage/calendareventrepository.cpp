#include "storage/calendarseries.h"
#include "storage/calendarseriesquery.h"
#include "storage/database.h"
#include "storage/repositories.h"
#include "storage/sqlhelpers.h"

#include <QCoreApplication>

namespace {

// Messages people read, filed under the storage context of the core's translations.
struct Text
{
    Q_DECLARE_TR_FUNCTIONS(fermata::Storage)
};

} // namespace

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
    return sql::readAll(sql::on(db), s_select + tail, values, Text::tr("read calendar events"),
                        readEvent);
}

// Reads that must agree run in one snapshot: a SAVEPOINT opens a read transaction when none is
// open (WAL: later commits of other processes stay out of it until it ends), and nests in one.
class ReadSnapshot final
{
public:
    explicit ReadSnapshot(const Database &db) : m_db(db.connection())
    {
        m_open = QSqlQuery(m_db).exec(QStringLiteral("SAVEPOINT fermata_read"));
    }
    ~ReadSnapshot()
    {
        if (m_open)
            (void)QSqlQuery(m_db).exec(QStringLiteral("RELEASE fermata_read"));
    }
    Q_DISABLE_COPY_MOVE(ReadSnapshot)

private:
    QSqlDatabase m_db;
    bool m_open = false;
};

// A re-import of an unchanged file is skipped (calendar_sources.content_hash); a change made
// here must not be, so the next import of the calendar writes it over again.
Status forgetContentHash(const Database &db, const QString &source)
{
    return sql::exec(sql::on(db), QStringLiteral("UPDATE calendar_sources SET content_hash = '' WHERE source = ?"),
                     {sql::text(source)}, Text::tr("save the event"));
}

// The buffers of one occurrence of a series, which has no row of its own.
Status updateOccurrence(const Database &db, const CalendarEvent &event)
{
    const QString gone = Text::tr("The event \"%1\" no longer exists.").arg(event.title);
    const auto key = splitOccurrenceUid(event.uid);
    if (!key || occurrenceId(event.source, event.uid) != event.id)
        return Status::failure(Error::Code::NotFound, gone);
    const sql::Target target = sql::on(db);
    const QString what = Text::tr("save the event \"%1\"").arg(event.title);
    const Result<QVariant> series = sql::scalar(target,
                                                QStringLiteral("SELECT 1 FROM calendar_series WHERE source = ? AND uid = ?"),
                                                {sql::text(event.source), sql::text(key->first)}, what);
    if (!series)
        return series.error();
    if (series->isNull())
        return Status::failure(Error::Code::NotFound, gone);
    if (event.bufferBeforeMinutes == 0 && event.bufferAfterMinutes == 0)
        return sql::exec(target, QStringLiteral("DELETE FROM calendar_occurrence_edits WHERE source = ? AND uid = ?"),
                         {sql::text(event.source), sql::text(event.uid)}, what);
    return sql::exec(target,
                     QStringLiteral("INSERT OR REPLACE INTO calendar_occurrence_edits (source, uid, series_uid, "
                                    "recurrence_ms, buffer_before_minutes, buffer_after_minutes) "
                                    "VALUES (?, ?, ?, ?, ?, ?)"),
                     {sql::text(event.source), sql::text(event.uid), sql::text(key->first), qlonglong(key->second),
                      event.bufferBeforeMinutes, event.bufferAfterMinutes},
                     what);
}

} // namespace

Result<qint64> CalendarEventRepository::add(const CalendarEvent &event)
{
    // Autocommit: durable on return.
    return sql::insert(sql::on(m_db),
                       QStringLiteral("INSERT INTO calendar_events (source, uid, title, start_ms, "
                                      "end_ms, all_day, busy, buffer_before_minutes, "
                                      "buffer_after_minutes) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)"),
                       fields(event), Text::tr("save the event \"%1\"").arg(event.title));
}

Status CalendarEventRepository::update(const CalendarEvent &event)
{
    if (event.id < 0)
        return updateOccurrence(m_db, event);
    return m_db.inTransaction([&]() -> Status {
        if (Status ok = sql::changeRow(sql::on(m_db),
                                       QStringLiteral("UPDATE calendar_events SET source = ?, uid = ?, title = ?, "
                                                      "start_ms = ?, end_ms = ?, all_day = ?, busy = ?, "
                                                      "buffer_before_minutes = ?, buffer_after_minutes = ? "
                                                      "WHERE id = ?"),
                                       fields(event) << event.id,
                                       Text::tr("save the event \"%1\"").arg(event.title),
                                       Text::tr("The event \"%1\" no longer exists.").arg(event.title));
            !ok)
            return ok;
        return forgetContentHash(m_db, event.source);
    });
}

Status CalendarEventRepository::remove(qint64 id)
{
    if (id < 0)
        return Status::failure(Error::Code::Invalid,
                               Text::tr("This is one occurrence of a recurring event from another "
                                        "calendar: change it in that calendar."));
    return m_db.inTransaction([&]() -> Status {
        const Result<QVariant> source = sql::scalar(sql::on(m_db),
                                                    QStringLiteral("SELECT source FROM calendar_events WHERE id = ?"),
                                                    {id}, Text::tr("delete an event"));
        if (!source)
            return source.error();
        if (Status ok = sql::changeRow(sql::on(m_db), QStringLiteral("DELETE FROM calendar_events WHERE id = ?"),
                                       {id}, Text::tr("delete an event"),
                                       Text::tr("The event no longer exists."));
            !ok)
            return ok;
        return forgetContentHash(m_db, source->toString());
    });
}

Result<QList<CalendarEvent>> CalendarEventRepository::overlapping(const Interval &range) const
{
    if (range.isEmpty())
        return QList<CalendarEvent>();
    const ReadSnapshot snapshot(m_db);
    // Half-open on both sides, like Interval::overlaps; a moment (an event with a start and
    // no end, RFC 5545 §3.6.1) is listed when it lies in the range. No event starts earlier
    // than the range start minus the longest event (an indexed MAX), which turns a scan of
    // every earlier event into a short index range.
    auto rows = select(m_db,
                       QStringLiteral("WHERE start_ms >= ? - COALESCE((SELECT MAX(end_ms - start_ms) "
                                      "FROM calendar_events), 0) "
                                      "AND start_ms < ? AND (end_ms > ? OR (end_ms = start_ms AND start_ms >= ?)) "
                                      "ORDER BY start_ms, id"),
                       {qlonglong(range.startMs()), qlonglong(range.endMs()), qlonglong(range.startMs()),
                        qlonglong(range.startMs())});
    if (!rows)
        return rows.error();
    return CalendarSeriesQuery(m_db).events(range, std::move(rows).value());
}

Result<QList<CalendarEvent>> CalendarEventRepository::all() const
{
    const ReadSnapshot snapshot(m_db);
    auto rows = select(m_db, QStringLiteral("ORDER BY start_ms, id"), {});
    if (!rows)
        return rows.error();
    return CalendarSeriesQuery(m_db).allFinite(std::move(rows).value());
}

} // namespace fermata
