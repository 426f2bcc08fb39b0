#include "messaging/teaminbox.h"

#include "attention/attentionservice.h"
#include "storage/attentionrepository.h"
#include "team/teamdirectory.h"

#include <QJsonDocument>

namespace fermata::teaminbox {

namespace {
const QString s_prefix = QStringLiteral("team:");
} // namespace

Result<Interruptions> interruptionsAt(const AttentionRepository &repository, const QDateTime &now)
{
    Interruptions result;
    const auto stored = repository.value(AttentionService::rulesKey());
    if (!stored)
        return stored.error();
    if (stored->has_value())
        result.rules = BatchingConfig::fromJson(QJsonDocument::fromJson((*stored)->toUtf8()).object());
    const Result<int> breaks = repository.breakThroughsSince(now.addSecs(-3600));
    if (!breaks)
        return breaks.error();
    result.breakThroughsLastHour = *breaks;
    return result;
}

QString inboxUuid(const Message &message)
{
    return s_prefix + message.uuid.toString(QUuid::WithoutBraces);
}

QUuid messageUuid(const QString &inboxUuid)
{
    return inboxUuid.startsWith(s_prefix) ? QUuid::fromString(QStringView(inboxUuid).mid(s_prefix.size()))
                                          : QUuid();
}

InboxItem itemFor(const Message &message, const TeamDirectory &directory, const QDateTime &receivedAt,
                  Interruptions &interruptions)
{
    InboxItem item;
    item.uuid = inboxUuid(message);
    Notification &n = item.notification;
    n.source = QLatin1String(source);
    const auto member = directory.find(message.from);
    n.sender = member ? member->name : message.from;
    n.title = message.subject;
    n.body = message.body;
    n.receivedAt = receivedAt;
    if (!message.urgent) {
        // The hub released it for one of my windows; the engine shows it when a window is open
        // (at once, if one is) — whichever process fetched it.
        item.state = ItemState::Held;
        item.decision = Decision{Verdict::Hold, DecisionReason::TeamMessage, {}};
        return item;
    }
    // The sender chose to interrupt: a critical notification from the team, whatever the
    // person listed as critical sources; their mute, hold and hourly cap still apply.
    n.urgency = Urgency::Critical;
    BatchingConfig rules = interruptions.rules;
    rules.criticalSources.insert(n.source);
    const BatchingContext context{false, false, interruptions.breakThroughsLastHour};
    applyDecision(item, decide(n, rules, context), receivedAt, interruptions.breakThroughsLastHour);
    return item;
}

} // namespace fermata::teaminbox
