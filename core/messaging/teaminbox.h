#pragma once

#include "attention/batchingrules.h"
#include "model/inboxitem.h"
#include "model/message.h"
#include "result.h"

#include <QDateTime>

namespace fermata {

class AttentionRepository;
class TeamDirectory;

// How a teammate's message enters the Inbox: held for the recipient's check-in window under a
// uuid made from the message's, so however often it is fetched (by the window, `fermata serve`
// or `hub sync`), it is stored once. An urgent one is decided by the attention engine's own
// rules as a critical notification from the team source: it breaks through unless the person
// muted or holds that source, or the hourly break-through cap is reached.
namespace teaminbox {

constexpr auto source = teamInboxSource; // InboxItem source of teammates' messages

// What an urgent message is decided against: the person's rules and how many break-throughs
// the last hour already had (the cap counts every kind, whichever process stored them).
struct Interruptions
{
    BatchingConfig rules;
    int breakThroughsLastHour = 0;
};
Result<Interruptions> interruptionsAt(const AttentionRepository &repository, const QDateTime &now);

QString inboxUuid(const Message &message);
// The received message's uuid behind an Inbox item's uuid ("team:<uuid>"); null for others.
QUuid messageUuid(const QString &inboxUuid);
// `interruptions` decides urgent messages; it also counts the break-through it grants.
InboxItem itemFor(const Message &message, const TeamDirectory &directory, const QDateTime &receivedAt,
                  Interruptions &interruptions);

} // namespace teaminbox
} // namespace fermata
