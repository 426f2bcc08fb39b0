#pragma once

#include "model/notification.h"

#include <QString>

namespace fermata {

// The one rule by which the Inbox and the digest group notifications: a group is one source
// and sender; inside it, notifications with the same title are one row with a count. Groups
// with the most items come first, then by source and sender.
struct InboxGroupKey
{
    QString source;
    QString sender; // empty when the source names no sender

    static InboxGroupKey of(const Notification &n) { return {n.source, n.sender}; }
    bool operator==(const InboxGroupKey &) const = default;
};

size_t qHash(const InboxGroupKey &key, size_t seed = 0) noexcept;

namespace inboxgrouping {

// Inside a group, what makes notifications one collapsed row.
inline const QString &rowKey(const Notification &n)
{
    return n.title;
}

// True when a group of `countA` items keyed `a` is listed before one of `countB` keyed `b`.
bool listedBefore(const InboxGroupKey &a, int countA, const InboxGroupKey &b, int countB);

} // namespace inboxgrouping

} // namespace fermata
