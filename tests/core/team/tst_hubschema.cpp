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

    // Step 5: the send path keeps one plan per server process instead of planning each of
    // its first five sends again (see sql/hub_v5.sql and tests/bench/hub).
    void theSendPathUsesGenericPlans()
    {
        const auto found = test::runSql(m_hub.admin().connection(),
                                        QStringLiteral("SELECT array_to_string(p.proconfig, ',') FROM pg_proc p "
                                                       "WHERE p.oid = 'fermata.send_message(uuid, text, text, boolean, text)'::regprocedure"));
        QVERIFY2(found.ok, qPrintable(found.error));
        QVERIFY2(found.firstRow.value(0).toString().contains(QStringLiteral("plan_cache_mode=force_generic_plan")),
                 qPrintable(found.firstRow.value(0).toString()));
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

    void multiHostUrlsRoundTrip()
    {
        // A primary and a standby: libpq gets both, and read-write unless the URL says otherwise.
        const auto pair = HubConfig::fromUrl(QStringLiteral("postgresql://alice@db1.example.com:5432,db2.example.com:5433/team"));
        QVERIFY(pair.isOk());
        QCOMPARE(pair->host, QStringLiteral("db1.example.com"));
        QCOMPARE(pair->port, 5432);
        QCOMPARE(pair->standbys, (QList<HubConfig::Server>{{QStringLiteral("db2.example.com"), 5433}}));
        QCOMPARE(pair->libpqHosts(), QStringLiteral("db1.example.com,db2.example.com"));
        QCOMPARE(pair->libpqPorts(), QStringLiteral("5432,5433"));
        QCOMPARE(pair->effectiveTargetSessionAttrs(), QStringLiteral("read-write"));
        QCOMPARE(pair->serversText(), QStringLiteral("db1.example.com:5432, db2.example.com:5433"));
        QCOMPARE(pair->accountKey(), QStringLiteral("alice@db1.example.com:5432/team"));
        QCOMPARE(pair->toUrl(), QStringLiteral("postgresql://alice@db1.example.com:5432,db2.example.com:5433/team"));
        QCOMPARE(HubConfig::fromUrl(pair->toUrl()).value(), pair.value());
        // One server: libpq's own default (any).
        QCOMPARE(HubConfig::fromUrl(QStringLiteral("postgresql://a@h/d")).value().effectiveTargetSessionAttrs(), QString());

        // IPv6 in brackets, a server without a port (5432), an explicit attribute, sslmode.
        const QString text = QStringLiteral("postgresql://b%40corp@[::1]:6000,[fe80::2],10.0.0.3:7000/my%20hub"
                                            "?sslmode=verify-full&target_session_attrs=primary");
        const auto three = HubConfig::fromUrl(text);
        QVERIFY2(three.isOk(), three.isOk() ? "" : qPrintable(three.error().message));
        QCOMPARE(three->user, QStringLiteral("b@corp"));
        QCOMPARE(three->host, QStringLiteral("::1"));
        QCOMPARE(three->port, 6000);
        QCOMPARE(three->standbys, (QList<HubConfig::Server>{{QStringLiteral("fe80::2"), 5432}, {QStringLiteral("10.0.0.3"), 7000}}));
        QCOMPARE(three->database, QStringLiteral("my hub"));
        QCOMPARE(three->sslMode, QStringLiteral("verify-full"));
        QCOMPARE(three->effectiveTargetSessionAttrs(), QStringLiteral("primary"));
        QCOMPARE(three->libpqHosts(), QStringLiteral("::1,fe80::2,10.0.0.3"));
        QCOMPARE(three->libpqPorts(), QStringLiteral("6000,5432,7000"));
        QCOMPARE(three->toUrl(), QStringLiteral("postgresql://b%40corp@[::1]:6000,[fe80::2]:5432,10.0.0.3:7000/my%20hub"
                                                "?sslmode=verify-full&target_session_attrs=primary"));
        QCOMPARE(HubConfig::fromUrl(three->toUrl()).value(), three.value());
        // The password an administrator typed is read, and never written back.
        const auto withPassword = HubConfig::fromUrl(QStringLiteral("postgresql://admin:s%3Acret@h1,h2/d"));
        QCOMPARE(withPassword.value().passwordInUrl, QStringLiteral("s:cret"));
        QVERIFY(!withPassword->toUrl().contains(QStringLiteral("cret")));

        for (const QString &attrs : {QStringLiteral("any"), QStringLiteral("read-write"), QStringLiteral("primary")})
            QCOMPARE(HubConfig::fromUrl(QStringLiteral("postgresql://u@h1,h2/d?target_session_attrs=") + attrs).value().targetSessionAttrs, attrs);
        // A hub needs writes: a session libpq may place on a standby is refused, and so is nonsense.
        for (const QString &attrs : {QStringLiteral("read-only"), QStringLiteral("standby"), QStringLiteral("prefer-standby"),
                                     QStringLiteral("READ-WRITE"), QString()}) {
            const auto refused = HubConfig::fromUrl(QStringLiteral("postgresql://u@h1,h2/d?target_session_attrs=") + attrs);
            QVERIFY2(!refused.isOk(), qPrintable(attrs));
            QVERIFY2(refused.error().message.contains(QStringLiteral("target_session_attrs")), qPrintable(refused.error().message));
        }
        QVERIFY(!HubConfig::fromUrl(QStringLiteral("postgresql://u@h1,h2/d?sslmode=maybe")).isOk());

        // Servers that are not HOST or HOST:PORT: each refused with the server named.
        const QStringList bad = {
            QStringLiteral("h1:0"), QStringLiteral("h1:65536"), QStringLiteral("h1:-1"), QStringLiteral("h1:5432x"),
            QStringLiteral("h1:+5432"), QStringLiteral("h1:54 32"), QStringLiteral("h1:abc"), QStringLiteral("h1:5432,h2:99999"),
            QStringLiteral("::1"), QStringLiteral("[::1"), QStringLiteral("[::1]5432"), QStringLiteral("[::1]:"),
            QStringLiteral("h1,,h2"), QStringLiteral("h1,"), QStringLiteral(",h1"), QStringLiteral("h1:5432:5433"),
            QStringLiteral("bad host"), QStringLiteral("h1;sslmode=disable"), QStringLiteral("h1:"),
        };
        for (const QString &servers : bad) {
            const auto refused = HubConfig::fromUrl(QStringLiteral("postgresql://u@%1/d").arg(servers));
            QVERIFY2(!refused.isOk(), qPrintable(servers));
            QCOMPARE(refused.error().code, Error::Code::Invalid);
        }
        QVERIFY(!HubConfig::fromUrl(QStringLiteral("postgresql://u@h1,h2")).isOk()); // no database
    }

private:
    test::HubFixture m_hub;
};

QTEST_GUILESS_MAIN(TestHubSchema)
#include "tst_hubschema.moc"
