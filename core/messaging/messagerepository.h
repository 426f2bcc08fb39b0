#pragma once

#include "model/message.h"
#include "result.h"

#include <QList>
#include <QUuid>

#include <optional>

namespace fermata {

class Database;

// Messages to and from teammates, as stored locally (the outbox and what was received).
class MessageRepository final
{
public:
    explicit MessageRepository(Database &db) : m_db(db) {}
    // Inserts, or replaces the message with the same uuid (retries are idempotent).
    Status save(const Message &message);
    Result<std::optional<Message>> find(const QUuid &uuid) const;
    Result<QList<Message>> all() const; // ordered by createdAt

private:
    Database &m_db;
};

} // namespace fermata
