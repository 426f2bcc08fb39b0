#pragma once

#include "model/notification.h"

#include <QList>
#include <QString>

namespace fermata {

// One line of a digest: notifications with the same source, sender and title collapsed, with a
// count (the Inbox's rule, attention/inboxgrouping.h).
struct DigestEntry
{
    QString title;
    int count = 0;
    QDateTime latestAt;
    bool operator==(const DigestEntry &) const = default;
};

struct DigestSender
{
    QString sender; // empty when the source names no sender
    int count = 0;
    QList<DigestEntry> entries;
    bool operator==(const DigestSender &) const = default;
};

struct DigestSource
{
    QString source;
    int count = 0;
    QList<DigestSender> senders;
    bool operator==(const DigestSource &) const = default;
};

// What was held, as one summary: grouped by source, then sender; duplicates (same title from
// the same source and sender) collapsed with a count. As in the Inbox, the busiest first.
struct Digest
{
    int notificationCount = 0;
    int messageCount = 0;
    QList<DigestSource> sources;

    bool isEmpty() const { return notificationCount == 0 && messageCount == 0; }
    // "12 notifications from 4 sources, 3 messages"
    QString summary() const;
    // A few lines for the desktop notification body: "Mail (5): Alice — 3× Build failed".
    QString body(int maxLines = 6) const;
    bool operator==(const Digest &) const = default;
};

// Builds the digest of `notifications` (any order); `messageCount` comes from messaging.
Digest buildDigest(const QList<Notification> &notifications, int messageCount = 0);

} // namespace fermata
