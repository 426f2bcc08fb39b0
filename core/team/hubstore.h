#pragma once

#include "result.h"
#include "team/teamtypes.h"

#include <QDateTime>
#include <QList>
#include <QUuid>

#include <optional>

namespace fermata {

class Database;

// What this client remembers about the hub, in the local SQLite file: which messages still
// have to reach it (and edits, withdrawals and acknowledgements waiting for it), the last
// copy of the team directory (so the composer works offline), and small state (account,
// cursor). Tables: hub_sync, hub_members, hub_windows, hub_state.
class HubStore final
{
public:
    explicit HubStore(Database &db) : m_db(db) {}

    enum class Pending { None, Push, Edit, Withdraw, Acknowledge };
    struct Entry
    {
        QUuid uuid;
        bool outgoing = true;
        bool urgent = false;
        Pending pending = Pending::None;
    };

    Status track(const Entry &entry);             // insert or replace
    Status setPending(const QUuid &uuid, Pending pending);
    Result<std::optional<Entry>> find(const QUuid &uuid) const;
    Result<QList<Entry>> pending() const;         // every entry waiting for the hub
    Result<int> waitingCount() const;             // outgoing messages not yet on the hub
    Result<int> urgentSentSince(const QDateTime &since) const;

    Status replaceDirectory(const QList<HubMember> &members, const QList<HubWindow> &windows);
    Result<QList<HubMember>> members() const;
    Result<QList<HubWindow>> windows() const;

    Result<QString> state(const QString &key) const; // empty when unset
    Status setState(const QString &key, const QString &value);
    Status clearAccount();                           // forgets directory and state

private:
    Database &m_db;
};

} // namespace fermata
