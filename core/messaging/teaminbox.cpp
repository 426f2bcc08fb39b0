#include "messaging/teaminbox.h"

#include "team/teamdirectory.h"

namespace fermata::teaminbox {

QString inboxUuid(const Message &message)
{
    return QStringLiteral("team:") + message.uuid.toString(QUuid::WithoutBraces);
}

InboxItem itemFor(const Message &message, const TeamDirectory &directory, const QDateTime &receivedAt)
{
    InboxItem item;
    item.uuid = inboxUuid(message);
    item.notification.source = QLatin1String(source);
    const auto member = directory.find(message.from);
    item.notification.sender = member ? member->name : message.from;
    item.notification.title = message.subject;
    item.notification.body = message.body;
    item.notification.receivedAt = receivedAt;
    // The hub released it for one of my windows; the engine shows it when a window is open
    // (at once, if one is) — whichever process fetched it.
    item.state = ItemState::Held;
    item.decision = Decision{Verdict::Hold, DecisionReason::TeamMessage, {}};
    return item;
}

} // namespace fermata::teaminbox
