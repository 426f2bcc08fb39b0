#include "messaging/messagerepository.h"

#include "storage/database.h"
#include "storage/messagerow.h"
#include "storage/sqlhelpers.h"

#include <QCoreApplication>

namespace {

// Messages people read, filed under the messaging context of the core's translations.
struct Text
{
    Q_DECLARE_TR_FUNCTIONS(fermata::Messaging)
};

} // namespace

namespace fermata {

namespace {

const QString s_select = QStringLiteral(
    "SELECT uuid, sender, recipient, subject, body, created_ms, release_ms, state, delivered_ms, "
    "acknowledged_ms FROM messages ");

QString uuidKey(const QUuid &uuid)
{
    return uuid.toString(QUuid::WithoutBraces);
}

Message readMessage(const QSqlQuery &query)
{
    Message m = sql::messageFromRow(query);
    m.state = messageStateFromKey(query.value(7).toString()).value_or(Message::State::Draft);
    m.deliveredAt = sql::toDateTime(query.value(8));
    m.acknowledgedAt = sql::toDateTime(query.value(9));
    return m;
}

} // namespace

Status MessageRepository::save(const Message &m)
{
    if (m.uuid.isNull())
        return Status::failure(Error::Code::Invalid,
                               Text::tr("A message needs an identifier before it is saved."));
    // An upsert, so a retried save of the same uuid leaves exactly one row. Autocommit:
    // durable on return.
    return sql::exec(sql::on(m_db),
                     QStringLiteral("INSERT INTO messages (uuid, sender, recipient, subject, body, "
                                    "created_ms, release_ms, state, delivered_ms, acknowledged_ms) "
                                    "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?) "
                                    "ON CONFLICT(uuid) DO UPDATE SET sender = excluded.sender, "
                                    "recipient = excluded.recipient, subject = excluded.subject, "
                                    "body = excluded.body, created_ms = excluded.created_ms, "
                                    "release_ms = excluded.release_ms, state = excluded.state, "
                                    "delivered_ms = excluded.delivered_ms, acknowledged_ms = excluded.acknowledged_ms"),
                     {uuidKey(m.uuid), sql::text(m.from), sql::text(m.to), sql::text(m.subject),
                      sql::text(m.body), sql::fromDateTime(m.createdAt), sql::fromDateTime(m.releaseAt),
                      messageStateKey(m.state), sql::fromDateTime(m.deliveredAt),
                      sql::fromDateTime(m.acknowledgedAt)},
                     Text::tr("save the message \"%1\"").arg(m.subject));
}

Result<std::optional<Message>> MessageRepository::find(const QUuid &uuid) const
{
    return sql::readOne(sql::on(m_db), s_select + QStringLiteral("WHERE uuid = ?"), {uuidKey(uuid)},
                        Text::tr("read a message"), readMessage);
}

Result<QList<Message>> MessageRepository::all() const
{
    return sql::readAll(sql::on(m_db), s_select + QStringLiteral("ORDER BY created_ms, uuid"), {},
                        Text::tr("read messages"), readMessage);
}

} // namespace fermata
