#pragma once

#include "model/decision.h"
#include "model/notification.h"

#include <QDateTime>
#include <QString>

namespace fermata {

// The Inbox source of what comes from teammates through the team hub (their messages, their
// commitments' changes).
inline constexpr auto teamInboxSource = "team";

// Where a notification is in its life: held until a window, released (shown or in the digest),
// then marked done or archived by the person. Muted ones are kept for the record only.
enum class ItemState { Held, Released, Done, Archived, Muted };

QString itemStateKey(ItemState state); // "held", "released", "done", "archived", "muted"
ItemState itemStateFromKey(const QString &key);

// A notification as the Inbox sees it: the item, its state and the decision taken on arrival.
struct InboxItem
{
    Notification notification;
    ItemState state = ItemState::Held;
    Decision decision;
    QString uuid; // made by the sender so a retried send is stored once; may be empty

    bool operator==(const InboxItem &) const = default;
};

// One focus session as it really ran (planned or started by hand).
struct FocusSessionRecord
{
    qint64 id = 0;
    qint64 taskId = 0; // 0: no task
    QDateTime start;
    QDateTime plannedEnd;
    QDateTime end;     // invalid while running
    QString outcome;   // "done", "stopped", "ended" (at its planned end, nobody to ask), "" while running

    bool isRunning() const { return !end.isValid(); }
    bool operator==(const FocusSessionRecord &) const = default;
};

} // namespace fermata
