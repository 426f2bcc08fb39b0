#pragma once

#include "result.h"

#include <QString>

namespace fermata {

class Clock;
class Database;

// Which process (or thread) syncs an account right now, so the window, `fermata serve` and a
// `fermata caldav sync` never push the same changes at once (caldav_leases). Taken in a
// BEGIN IMMEDIATE transaction; it lapses after leaseMs unless renewed, so a process that died
// mid-sync holds nobody up for long. Released by the destructor.
class CalDavSyncLease final
{
public:
    static constexpr qint64 leaseMs = 2 * 60 * 1000;

    CalDavSyncLease(Database &db, const Clock &clock, qint64 accountId);
    ~CalDavSyncLease();
    Q_DISABLE_COPY_MOVE(CalDavSyncLease)

    // True when this lease now holds the account; false when someone else does.
    Result<bool> tryAcquire();
    // Extends a held lease; false when it lapsed and another took it (stop syncing then).
    Result<bool> renew();
    Status release();
    bool isHeld() const { return m_held; }

private:
    Database &m_db;
    const Clock &m_clock;
    qint64 m_accountId = 0;
    QString m_owner; // random, one per lease object
    bool m_held = false;
};

} // namespace fermata
