#pragma once

#include "pgcluster.h"

#include <QString>

namespace fermata::test {

// A primary and a synchronous standby on 127.0.0.1 with PostgreSQL's own streaming
// replication, for failover tests: the standby is a base backup of the primary, streams from
// it, and the primary acknowledges a commit only once the standby has flushed it
// (synchronous_standby_names names it, synchronous_commit=on). killPrimary() and
// promoteStandby() are the crash and what a failover manager does next.
class PgReplicatedPair final
{
public:
    static QString standbyName() { return QStringLiteral("fermata_standby"); }

    // Starts both and returns once the standby streams synchronously; false with errorString().
    bool start(int maxConnections = 100);
    QString errorString() const { return m_error; }

    PgCluster &primary() { return m_primary; }  // the first primary (dead after killPrimary())
    PgCluster &standby() { return m_standby; }  // the primary after promoteStandby()
    // Whichever accepts writes now.
    PgCluster &current() { return m_promoted ? m_standby : m_primary; }

    // The standby's state on the primary: "sync" once commits wait for it.
    QString syncState();
    bool waitUntilSynchronous(int timeoutMs = 60000);

    // "127.0.0.1:P1,127.0.0.1:P2": both servers, the primary first.
    QString servers() const;
    // postgresql://user@127.0.0.1:P1,127.0.0.1:P2/database (libpq then keeps the one that
    // accepts writes: read-write is the default when there are several servers).
    QString url(const QString &user, const QString &database) const;
    // The hub database and its administrator, made on the primary (both replicate); returns
    // url(admin, database), the admin's password is primary().adminPassword().
    QString createHubDatabase(const QString &database, const QString &admin);

    bool killPrimary();
    bool promoteStandby(int timeoutMs = 60000);

private:
    PgCluster m_primary;
    PgCluster m_standby;
    QString m_error;
    bool m_promoted = false;
};

} // namespace fermata::test
