#include "hubfixture.h"
#include "team/hubschema.h"
#include "testsupport.h"

#include <QTest>

using namespace fermata;

// The hub schema: created once, re-running is a no-op, a newer schema is refused untouched.
class TestHubSchema : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void initTestCase()
    {
        test::pinEnvironment();
        QVERIFY2(m_hub.start(), qPrintable(m_hub.errorString()));
    }

    void createsTheLatestVersion()
    {
        const Result<int> version = hubschema::currentVersion(m_hub.admin().connection());
        QVERIFY(version.isOk());
        QCOMPARE(*version, hubschema::latestVersion());
    }

    void rerunningIsANoOp()
    {
        const Status again = m_hub.admin().initSchema();
        QVERIFY2(again.isOk(), again.isOk() ? "" : qPrintable(again.error().message));
        QCOMPARE(*hubschema::currentVersion(m_hub.admin().connection()), hubschema::latestVersion());
    }

    void newerSchemaIsRefusedUntouched()
    {
        QSqlDatabase db = m_hub.admin().connection();
        QVERIFY(test::runSql(db, QStringLiteral("UPDATE fermata.hub SET schema_version = 99")).ok);
        const Status refused = m_hub.admin().initSchema();
        QVERIFY(!refused.isOk());
        QCOMPARE(refused.error().code, Error::Code::NewerSchema);
        QVERIFY2(refused.error().message.contains(QStringLiteral("newer Fermata")),
                 qPrintable(refused.error().message));
        QCOMPARE(*hubschema::currentVersion(db), 99);
        QVERIFY(test::runSql(db, QStringLiteral("UPDATE fermata.hub SET schema_version = %1")
                                     .arg(hubschema::latestVersion())).ok);
    }

    void aFailedStepLeavesNoTrace()
    {
        // A database where the step fails (something already uses the name): the step rolls
        // back as a whole, the version stays 0 and a later init can still succeed.
        QVERIFY(m_hub.cluster().psql(QStringLiteral("postgres"),
                                     QStringLiteral("CREATE DATABASE broken OWNER hub_admin")));
        HubClient client;
        HubConfig config = m_hub.config(QStringLiteral("hub_admin"));
        config.database = QStringLiteral("broken");
        QVERIFY(client.open(config, m_hub.cluster().adminPassword()).isOk());
        QVERIFY(test::runSql(client.connection(), QStringLiteral("CREATE SCHEMA fermata")).ok);
        const Status failed = client.initSchema();
        QVERIFY(!failed.isOk());
        QCOMPARE(failed.error().code, Error::Code::Database);
        QCOMPARE(*hubschema::currentVersion(client.connection()), 0);
        QVERIFY(test::runSql(client.connection(), QStringLiteral("DROP SCHEMA fermata")).ok);
        const Status retried = client.initSchema();
        QVERIFY2(retried.isOk(), retried.isOk() ? "" : qPrintable(retried.error().message));
        QCOMPARE(*hubschema::currentVersion(client.connection()), hubschema::latestVersion());
    }

    void urlsRoundTrip()
    {
        const auto config = HubConfig::fromUrl(QStringLiteral("postgresql://alice@db.example.com:6543/team?sslmode=require"));
        QVERIFY(config.isOk());
        QCOMPARE(config->host, QStringLiteral("db.example.com"));
        QCOMPARE(config->port, 6543);
        QCOMPARE(config->database, QStringLiteral("team"));
        QCOMPARE(config->user, QStringLiteral("alice"));
        QCOMPARE(config->sslMode, QStringLiteral("require"));
        QCOMPARE(HubConfig::fromUrl(config->toUrl()).value(), config.value());
        QVERIFY(!HubConfig::fromUrl(QStringLiteral("http://x/y")).isOk());
        QVERIFY(!HubConfig::fromUrl(QStringLiteral("postgresql://alice@host")).isOk());
        QCOMPARE(HubConfig::fromUrl(QStringLiteral("postgres://u@h/d")).value().sslMode, QStringLiteral("prefer"));
    }

private:
    test::HubFixture m_hub;
};

QTEST_GUILESS_MAIN(TestHubSchema)
#include "tst_hubschema.moc"
