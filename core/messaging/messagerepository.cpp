#include "messaging/messagerepository.h"

#include "storage/database.h"
#include "storage/sqlhelpers.h"

#include <QSqlQuery>

namespace fermata {

namespace {

const QString s_select = QStringLiteral(
    "SELECT uuid, sender, recipient, subject, body, created_ms, release_ms, state FROM messages ");

QString uuidKey(const QUuid &uuid)
{
    return uuid.toString(QUuid::WithoutBraces);
}

Message readMessage(const QSqlQuery &query)
{
    Message m;
    m.uuid = QUuid::fromString(query.value(0).toString());
    m.from = query.value(1).toString();
    m.to = query.value(2).toString();
    m.subject = query.value(3).toString();
    m.body = query.value(4).toString();
    m.createdAt = sql::toDateTime(query.value(5));
    m.releaseAt = sql::toDateTime(query.value(6));
    m.state = messageStateFromKey(query.value(7).toString()).value_or(Message::State::Draft);
    return m;
}

} // namespace

Status MessageRepository::save(const Message &m)
{
    if (m.uuid.isNull())
        return Status::failure(Error::Code::Invalid,
                               QStringLiteral("A message needs an identifier before it is saved."));
    const QString what = QStringLiteral("save the message \"%1\"").arg(m.subject);
    QSqlQuery query(m_db.connection());
    // An upsert, so a retried save of the same uuid leaves exactly one row.
    if (auto error = sql::prepare(
            query,
            QStringLiteral("INSERT INTO messages (uuid, sender, recipient, subject, body, "
                           "created_ms, release_ms, state) VALUES (?, ?, ?, ?, ?, ?, ?, ?) "
                           "ON CONFLICT(uuid) DO UPDATE SET sender = excluded.sender, "
                           "recipient = excluded.recipient, subject = excluded.subject, "
                           "body = excluded.body, created_ms = excluded.created_ms, "
                           "release_ms = excluded.release_ms, state = excluded.state"),
            m_db.path(), what))
        return *error;
    query.bindValue(0, uuidKey(m.uuid));
    query.bindValue(1, sql::text(m.from));
    query.bindValue(2, sql::text(m.to));
    query.bindValue(3, sql::text(m.subject));
    query.bindValue(4, sql::text(m.body));
    query.bindValue(5, sql::fromDateTime(m.createdAt));
    query.bindValue(6, sql::fromDateTime(m.releaseAt));
    query.bindValue(7, messageStateKey(m.state));
    if (auto error = sql::exec(query, m_db.path(), what)) // autocommit: durable on return
        return *error;
    return {};
}

Result<std::optional<Message>> MessageRepository::find(const QUuid &uuid) const
{
    const QString what = QStringLiteral("read a message");
    QSqlQuery query(m_db.connection());
    if (auto error = sql::prepare(query, s_select + QStringLiteral("WHERE uuid = ?"), m_db.path(),
                                  what))
        return *error;
    query.bindValue(0, uuidKey(uuid));
    if (auto error = sql::exec(query, m_db.path(), what))
        return *error;
    if (!query.next())
        return std::optional<Message>();
    return std::optional<Message>(readMessage(query));
}

Result<QList<Message>> MessageRepository::all() const
{
    const QString what = QStringLiteral("read messages");
    QSqlQuery query(m_db.connection());
    query.setForwardOnly(true);
    if (!query.exec(s_select + QStringLiteral("ORDER BY created_ms, uuid")))
        return sql::databaseError(m_db.path(), what, query.lastError());
    QList<Message> messages;
    while (query.next())
        messages.append(readMessage(query));
    return messages;
}

} // namespace fermata
