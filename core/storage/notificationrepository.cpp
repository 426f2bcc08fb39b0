#include "storage/database.h"
#include "storage/repositories.h"

#include "storage/notificationrow.h"
#include "storage/sqlhelpers.h"

#include <QSqlQuery>

namespace fermata {

namespace {

Result<QList<Notification>> select(const Database &db, const QString &tail)
{
    const QString what = QStringLiteral("read notifications");
    QSqlQuery query(db.connection());
    query.setForwardOnly(true);
    if (!query.exec(QStringLiteral("SELECT ") + sql::notificationColumns()
                    + QStringLiteral(" FROM notifications ") + tail))
        return sql::databaseError(db.path(), what, query.lastError());
    QList<Notification> notifications;
    while (query.next()) {
        notifications.append(sql::notificationFromRow(query));
    }
    return notifications;
}

} // namespace

Result<qint64> NotificationRepository::add(const Notification &n)
{
    const QString what = QStringLiteral("hold the notification \"%1\"").arg(n.title);
    QSqlQuery query(m_db.connection());
    if (auto error = sql::prepare(query,
                                  QStringLiteral("INSERT INTO notifications (source, sender, title, "
                                                 "body, urgency, received_ms, released_ms) "
                                                 "VALUES (?, ?, ?, ?, ?, ?, ?)"),
                                  m_db.path(), what))
        return *error;
    query.bindValue(0, sql::text(n.source));
    query.bindValue(1, sql::text(n.sender));
    query.bindValue(2, sql::text(n.title));
    query.bindValue(3, sql::text(n.body));
    query.bindValue(4, urgencyKey(n.urgency));
    query.bindValue(5, sql::fromDateTime(n.receivedAt));
    query.bindValue(6, sql::fromDateTime(n.releasedAt));
    if (auto error = sql::exec(query, m_db.path(), what)) // autocommit: durable on return
        return *error;
    return query.lastInsertId().toLongLong();
}

Status NotificationRepository::markReleased(qint64 id, const QDateTime &releasedAt)
{
    if (!releasedAt.isValid())
        return Status::failure(Error::Code::Invalid,
                               QStringLiteral("A notification needs a valid release time."));
    const QString what = QStringLiteral("mark a notification as released");
    QSqlQuery query(m_db.connection());
    if (auto error = sql::prepare(query,
                                  QStringLiteral("UPDATE notifications SET released_ms = ? "
                                                 "WHERE id = ?"),
                                  m_db.path(), what))
        return *error;
    query.bindValue(0, sql::fromDateTime(releasedAt));
    query.bindValue(1, id);
    if (auto error = sql::exec(query, m_db.path(), what))
        return *error;
    if (query.numRowsAffected() == 0)
        return Status::failure(Error::Code::NotFound,
                               QStringLiteral("The notification no longer exists."));
    return {};
}

Result<QList<Notification>> NotificationRepository::held() const
{
    return select(m_db, QStringLiteral("WHERE released_ms IS NULL ORDER BY received_ms, id"));
}

Result<QList<Notification>> NotificationRepository::all() const
{
    return select(m_db, QStringLiteral("ORDER BY id"));
}

} // namespace fermata
