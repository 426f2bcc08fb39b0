#pragma once

#include <QDateTime>
#include <QString>
#include <QUuid>

#include <optional>

class QDebug;

namespace fermata {

// A message to a teammate, held until the recipient's next check-in window. The uuid is
// made by the sending client so retries are idempotent.
struct Message
{
    enum class State { Draft, Queued, Delivered, Acknowledged, Withdrawn };

    QUuid uuid;
    QString from;
    QString to;
    QString subject;
    QString body;
    QDateTime createdAt;
    QDateTime releaseAt;
    State state = State::Draft;
    bool urgent = false;        // sent with "Send now (urgent)": breaks through like a critical notification
    QDateTime deliveredAt;      // my sent messages: when their Fermata fetched it (from the hub)
    QDateTime acknowledgedAt;   // my sent messages: when they marked it done or archived it

    bool operator==(const Message &) const = default;
};

QDebug operator<<(QDebug debug, const Message &message);
QString messageStateKey(Message::State state);
std::optional<Message::State> messageStateFromKey(const QString &key);

} // namespace fermata
