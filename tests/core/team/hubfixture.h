#pragma once

// A hub for one test process: a throwaway cluster, a database with the schema, and helpers
// to connect as the administrator or as a member with plain QPSQL connections.

#include "pgcluster.h"
#include "team/hubclient.h"
#include "team/hubconfig.h"

#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>
#include <QSqlRecord>
#include <QTest>
#include <QVariantList>

// QVERIFY for a Status or Result that prints the error's message.
#define HUB_VERIFY_OK(expr) \
    do { \
        const auto &hubResult_ = (expr); \
        QVERIFY2(hubResult_.isOk(), hubResult_.isOk() ? "" : qPrintable(hubResult_.error().message)); \
    } while (false)

namespace fermata::test {

class HubFixture
{
public:
    // Starts the cluster and creates the hub database `name` with the schema.
    bool start(const QString &name = QStringLiteral("fermata_hub"), int maxConnections = 100)
    {
        if (!m_cluster.start(maxConnections)) {
            m_error = m_cluster.errorString();
            return false;
        }
        m_adminUrl = m_cluster.createHubDatabase(name, QStringLiteral("hub_admin"));
        if (m_adminUrl.isEmpty()) {
            m_error = m_cluster.errorString();
            return false;
        }
        const Status opened = admin().open(config(QStringLiteral("hub_admin")), m_cluster.adminPassword());
        if (!opened) {
            m_error = opened.error().message;
            return false;
        }
        const Status migrated = admin().initSchema();
        if (!migrated)
            m_error = migrated.error().message;
        return migrated.isOk();
    }
    QString errorString() const { return m_error; }
    PgCluster &cluster() { return m_cluster; }
    QString adminUrl() const { return m_adminUrl; }
    HubClient &admin() { return m_admin; }

    HubConfig config(const QString &user) const
    {
        HubConfig c = HubConfig::fromUrl(m_adminUrl).value();
        c.user = user;
        return c;
    }

    // A plain QPSQL connection as `user`.
    QSqlDatabase connect(const QString &connectionName, const QString &user, const QString &password)
    {
        QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QPSQL"), connectionName);
        const HubConfig c = config(user);
        db.setHostName(c.host);
        db.setPort(c.port);
        db.setDatabaseName(c.database);
        db.setUserName(user);
        db.setPassword(password);
        if (!db.open())
            qWarning() << "cannot connect as" << user << db.lastError().text();
        QSqlQuery(db).exec(QStringLiteral("SET TIME ZONE 'UTC'"));
        return db;
    }

private:
    PgCluster m_cluster;
    HubClient m_admin;
    QString m_adminUrl;
    QString m_error;
};

// Runs `sql` with positional parameters; returns rows affected (or selected), -1 on error.
struct SqlOutcome
{
    bool ok = false;
    int rows = 0;
    QString error;
    QVariantList firstRow;
    QStringList firstColumn; // every row's first value, as text (EXPLAIN output, lists)
};

inline SqlOutcome runSql(const QSqlDatabase &db, const QString &sql, const QVariantList &params = {})
{
    SqlOutcome outcome;
    QSqlQuery query(db);
    // PostgreSQL prepares only DML; statements without parameters run directly.
    if (!params.isEmpty() && !query.prepare(sql)) {
        outcome.error = query.lastError().text();
        return outcome;
    }
    for (const QVariant &p : params)
        query.addBindValue(p);
    if (!(params.isEmpty() ? query.exec(sql) : query.exec())) {
        outcome.error = query.lastError().text();
        return outcome;
    }
    outcome.ok = true;
    if (query.isSelect()) {
        while (query.next()) {
            if (outcome.rows == 0) {
                for (int i = 0; i < query.record().count(); ++i)
                    outcome.firstRow.append(query.value(i));
            }
            outcome.firstColumn.append(query.value(0).toString());
            ++outcome.rows;
        }
    } else {
        outcome.rows = query.numRowsAffected();
    }
    return outcome;
}

} // namespace fermata::test
