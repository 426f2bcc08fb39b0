#include "caldav/caldavsynclease.h"

#include "storage/database.h"
#include "storage/sqlhelpers.h"
#include "time/clock.h"

#include <QCoreApplication>
#include <QUuid>

namespace {

// Messages people read, filed under the CalDAV context of the core's translations.
struct Text
{
    Q_DECLARE_TR_FUNCTIONS(fermata::CalDav)
};

} // namespace

namespace fermata {

namespace {

QString leaseWhat() { return Text::tr("note which process syncs the CalDAV account"); }

} // namespace

CalDavSyncLease::CalDavSyncLease(Database &db, const Clock &clock, qint64 accountId)
    : m_db(db)
    , m_clock(clock)
    , m_accountId(accountId)
    , m_owner(QUuid::createUuid().toString(QUuid::WithoutBraces))
{ }

CalDavSyncLease::~CalDavSyncLease()
{
    if (m_held)
        (void)release();
}

Result<bool> CalDavSyncLease::tryAcquire()
{
    bool acquired = false;
    const qint64 now = m_clock.now().toMSecsSinceEpoch();
    // IMMEDIATE (inTransaction): the check and the claim are one step for every process.
    const Status status = m_db.inTransaction([&]() -> Status {
        const sql::Target target = sql::on(m_db);
        Result<QSqlQuery> held = sql::run(target,
            QStringLiteral("SELECT owner, until_ms FROM caldav_leases WHERE account_id = ?"), { m_accountId }, leaseWhat());
        if (!held)
            return held.error();
        QSqlQuery &query = held.value();
        if (query.next() && query.value(0).toString() != m_owner && query.value(1).toLongLong() > now)
            return {};
        acquired = true;
        return sql::exec(target,
            QStringLiteral("INSERT INTO caldav_leases (account_id, owner, until_ms) VALUES (?, ?, ?)"
                           " ON CONFLICT (account_id) DO UPDATE SET owner = excluded.owner,"
                           " until_ms = excluded.until_ms"),
            { m_accountId, m_owner, now + leaseMs }, leaseWhat());
    });
    if (!status)
        return status.error();
    m_held = acquired;
    return acquired;
}

Result<bool> CalDavSyncLease::renew()
{
    if (!m_held)
        return false;
    Result<QSqlQuery> updated = sql::run(sql::on(m_db),
        QStringLiteral("UPDATE caldav_leases SET until_ms = ? WHERE account_id = ? AND owner = ?"),
        { m_clock.now().toMSecsSinceEpoch() + leaseMs, m_accountId, m_owner }, leaseWhat());
    if (!updated)
        return updated.error();
    m_held = updated.value().numRowsAffected() > 0;
    return m_held;
}

Status CalDavSyncLease::release()
{
    m_held = false;
    return sql::exec(sql::on(m_db), QStringLiteral("DELETE FROM caldav_leases WHERE account_id = ? AND owner = ?"),
        { m_accountId, m_owner }, leaseWhat());
}

} // namespace fermata
