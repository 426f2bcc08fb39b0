#include "pgreplication.h"

#include <QTest>
#include <QThread>

namespace fermata::test {

bool PgReplicatedPair::start(int maxConnections)
{
    if (!m_primary.startPrimary(maxConnections)) {
        m_error = QStringLiteral("primary: ") + m_primary.errorString();
        return false;
    }
    if (!m_standby.startStandby(m_primary, standbyName(), maxConnections)) {
        m_error = QStringLiteral("standby: ") + m_standby.errorString();
        return false;
    }
    // Only now: set before the base backup, the standby would copy it (postgresql.auto.conf)
    // and, once promoted, wait for a standby of its own that never comes.
    const QString name = QLatin1Char('"') + standbyName() + QLatin1Char('"');
    if (!m_primary.psql(QStringLiteral("postgres"),
                        QStringLiteral("ALTER SYSTEM SET synchronous_standby_names = '%1'").arg(name))
        || !m_primary.psql(QStringLiteral("postgres"), QStringLiteral("SELECT pg_reload_conf()"))) {
        m_error = QStringLiteral("primary: ") + m_primary.errorString();
        return false;
    }
    return waitUntilSynchronous();
}

QString PgReplicatedPair::syncState()
{
    return m_primary.query(QStringLiteral("postgres"),
                           QStringLiteral("SELECT state || ' ' || sync_state FROM pg_stat_replication "
                                          "WHERE application_name = '%1'").arg(standbyName()));
}

bool PgReplicatedPair::waitUntilSynchronous(int timeoutMs)
{
    QString state;
    const bool synchronous = QTest::qWaitFor([&] {
        state = syncState();
        if (state == u"streaming sync")
            return true;
        QThread::msleep(100);
        return false;
    }, timeoutMs);
    if (!synchronous)
        m_error = QStringLiteral("the standby does not stream synchronously (pg_stat_replication: \"%1\" %2)")
                      .arg(state, m_primary.errorString());
    return synchronous;
}

QString PgReplicatedPair::servers() const
{
    return QStringLiteral("%1:%2,%3:%4").arg(m_primary.host()).arg(m_primary.port())
        .arg(m_standby.host()).arg(m_standby.port());
}

QString PgReplicatedPair::url(const QString &user, const QString &database) const
{
    return QStringLiteral("postgresql://%1@%2/%3").arg(user, servers(), database);
}

QString PgReplicatedPair::createHubDatabase(const QString &database, const QString &admin)
{
    if (m_primary.createHubDatabase(database, admin).isEmpty()) {
        m_error = m_primary.errorString();
        return {};
    }
    return url(admin, database);
}

bool PgReplicatedPair::killPrimary()
{
    if (!m_primary.kill()) {
        m_error = m_primary.errorString();
        return false;
    }
    return true;
}

bool PgReplicatedPair::promoteStandby(int timeoutMs)
{
    if (!m_standby.promote(timeoutMs)) {
        m_error = m_standby.errorString();
        return false;
    }
    m_promoted = true;
    return true;
}

} // namespace fermata::test
