#pragma once

#include "model/inboxitem.h"
#include "model/message.h"

#include <QDateTime>

namespace fermata {

class TeamDirectory;

// How a teammate's message enters the Inbox: held for the recipient's check-in window under a
// uuid made from the message's, so however often it is fetched (by the window, `fermata serve`
// or `hub sync`), it is stored once.
namespace teaminbox {

constexpr auto source = "team"; // InboxItem source of teammates' messages

QString inboxUuid(const Message &message);
InboxItem itemFor(const Message &message, const TeamDirectory &directory, const QDateTime &receivedAt);

} // namespace teaminbox
} // namespace fermata
