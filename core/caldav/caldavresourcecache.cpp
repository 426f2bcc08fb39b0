#include "caldav/caldavresourcecache.h"

#include "storage/database.h"
#include "storage/sqlhelpers.h"

#include <QCoreApplication>

namespace {

// Messages people read, filed under the CalDAV context of the core's translations.
struct Text
{
    Q_DECLARE_TR_FUNCTIONS(fermata::CalDav)
};

} // namespace

namespace fermata {

namespace {

QString saveWhat() { return Text::tr("save the copy of a CalDAV calendar"); }
QString readWhat() { return Text::tr("read the copy of a CalDAV calendar"); }

} // namespace

Result<QHash<QString, CalDavResourceCache::Version>> CalDavResourceCache::versions(qint64 calendarId) const
{
    Result<QSqlQuery> query = sql::run(sql::on(m_db),
        QStringLiteral("SELECT href, etag, is_own FROM caldav_resources WHERE calendar_id = ?"), { calendarId },
        readWhat());
    if (!query)
        return query.error();
    QHash<QString, Version> result;
    QSqlQuery &rows = query.value();
    while (rows.next())
        result.insert(rows.value(0).toString(), Version { rows.value(1).toString(), rows.value(2).toBool() });
    return result;
}

Result<QList<CachedCalDavResource>> CalDavResourceCache::resources(qint64 calendarId) const
{
    return sql::readAll(sql::on(m_db),
        QStringLiteral("SELECT href, etag, data, is_own FROM caldav_resources WHERE calendar_id = ? ORDER BY href"),
        { calendarId }, readWhat(), [](const QSqlQuery &query) {
            return CachedCalDavResource { query.value(0).toString(), query.value(1).toString(),
                query.value(2).toByteArray(), query.value(3).toBool() };
        });
}

Status CalDavResourceCache::put(qint64 calendarId, const CachedCalDavResource &resource)
{
    return sql::exec(sql::on(m_db),
        QStringLiteral("INSERT INTO caldav_resources (calendar_id, href, etag, data, is_own) VALUES (?, ?, ?, ?, ?)"
                       " ON CONFLICT (calendar_id, href) DO UPDATE SET etag = excluded.etag,"
                       " data = excluded.data, is_own = excluded.is_own"),
        { calendarId, sql::text(resource.href), sql::text(resource.etag),
            resource.data.isNull() ? QVariant(QByteArray("")) : QVariant(resource.data), resource.isOwn },
        saveWhat());
}

Status CalDavResourceCache::remove(qint64 calendarId, const QString &href)
{
    return sql::exec(sql::on(m_db), QStringLiteral("DELETE FROM caldav_resources WHERE calendar_id = ? AND href = ?"),
        { calendarId, sql::text(href) }, saveWhat());
}

Status CalDavResourceCache::clear(qint64 calendarId)
{
    return sql::exec(sql::on(m_db), QStringLiteral("DELETE FROM caldav_resources WHERE calendar_id = ?"),
        { calendarId }, saveWhat());
}

} // namespace fermata
