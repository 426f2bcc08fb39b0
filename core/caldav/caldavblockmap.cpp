#include "caldav/caldavblockmap.h"

#include "calendar/caldavxml.h"
#include "storage/database.h"
#include "storage/sqlhelpers.h"

#include <QCoreApplication>
#include <QDebug>

namespace {

// Messages people read, filed under the CalDAV context of the core's translations.
struct Text
{
    Q_DECLARE_TR_FUNCTIONS(fermata::CalDav)
};

} // namespace

namespace fermata {

QDebug operator<<(QDebug debug, const CalDavBlockEvent &event)
{
    QDebugStateSaver saver(debug);
    debug.nospace() << "CalDavBlockEvent(" << event.id << ", " << event.uid << ", block " << event.blockId
                    << ", etag " << event.etag << ", " << event.start << " - " << event.end << ')';
    return debug;
}

namespace {

QString saveWhat() { return Text::tr("save which focus blocks are on the CalDAV server"); }
QString goneText() { return Text::tr("The focus block's CalDAV event is no longer known."); }

QVariant optionalId(qint64 id)
{
    return id != 0 ? QVariant(id) : QVariant(QMetaType(QMetaType::LongLong));
}

} // namespace

Result<QList<CalDavBlockEvent>> CalDavBlockMap::events(qint64 accountId) const
{
    return sql::readAll(sql::on(m_db),
        QStringLiteral("SELECT id, account_id, calendar_href, uid, href, block_id, task_id, etag, written_hash,"
                       " start_ms, end_ms FROM caldav_blocks WHERE account_id = ? ORDER BY id"),
        { accountId }, Text::tr("read which focus blocks are on the CalDAV server"),
        [](const QSqlQuery &query) {
            CalDavBlockEvent e;
            e.id = query.value(0).toLongLong();
            e.accountId = query.value(1).toLongLong();
            e.calendarHref = query.value(2).toString();
            e.uid = query.value(3).toString();
            e.href = query.value(4).toString();
            e.blockId = query.value(5).toLongLong();
            e.taskId = query.value(6).toLongLong();
            e.etag = query.value(7).toString();
            e.writtenHash = query.value(8).toString();
            e.start = sql::toDateTime(query.value(9));
            e.end = sql::toDateTime(query.value(10));
            return e;
        });
}

Result<CalDavBlockEvent> CalDavBlockMap::create(qint64 accountId, const QString &calendarHref,
    const QString &instance, qint64 blockId, qint64 taskId)
{
    CalDavBlockEvent event;
    const Status status = m_db.inTransaction([&]() -> Status {
        const sql::Target target = sql::on(m_db);
        const Result<qint64> id = sql::insert(target,
            QStringLiteral("INSERT INTO caldav_blocks (account_id, calendar_href, uid, href, block_id, task_id)"
                           " VALUES (?, ?, '', '', ?, ?)"),
            { accountId, sql::text(calendarHref), optionalId(blockId), optionalId(taskId) }, saveWhat());
        if (!id)
            return id.error();
        event.id = *id;
        event.accountId = accountId;
        event.calendarHref = calendarHref;
        event.blockId = blockId;
        event.taskId = taskId;
        event.uid = QStringLiteral("fermata-%1-%2").arg(instance).arg(*id);
        event.href = caldavxml::memberHref(calendarHref, event.uid + QStringLiteral(".ics"));
        return sql::exec(target, QStringLiteral("UPDATE caldav_blocks SET uid = ?, href = ? WHERE id = ?"),
            { sql::text(event.uid), sql::text(event.href), event.id }, saveWhat());
    });
    if (!status)
        return status.error();
    return event;
}

Status CalDavBlockMap::assign(qint64 eventId, qint64 blockId, qint64 taskId)
{
    return sql::changeRow(sql::on(m_db), QStringLiteral("UPDATE caldav_blocks SET block_id = ?, task_id = ? WHERE id = ?"),
        { optionalId(blockId), optionalId(taskId), eventId }, saveWhat(), goneText());
}

Status CalDavBlockMap::recordWritten(const CalDavBlockEvent &event)
{
    return sql::changeRow(sql::on(m_db),
        QStringLiteral("UPDATE caldav_blocks SET etag = ?, written_hash = ?, start_ms = ?, end_ms = ? WHERE id = ?"),
        { sql::text(event.etag), sql::text(event.writtenHash), sql::fromDateTime(event.start),
            sql::fromDateTime(event.end), event.id },
        saveWhat(), goneText());
}

Status CalDavBlockMap::forgetWrite(qint64 eventId)
{
    return sql::changeRow(sql::on(m_db), QStringLiteral("UPDATE caldav_blocks SET etag = '', written_hash = '' WHERE id = ?"),
        { eventId }, saveWhat(), goneText());
}

Status CalDavBlockMap::remove(qint64 eventId)
{
    return sql::exec(sql::on(m_db), QStringLiteral("DELETE FROM caldav_blocks WHERE id = ?"), { eventId }, saveWhat());
}

} // namespace fermata
