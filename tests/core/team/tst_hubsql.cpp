#include "hubfixture.h"
#include "storage/sqlhelpers.h"
#include "team/hubsql.h"
#include "testsupport.h"

#include <QTest>

using namespace fermata;

// The one SQL helper on PostgreSQL (QPSQL), as the hub client uses it: ok means success, a
// failure is an Error in the hub's words, a change that finds no row is NotFound.
// (On SQLite: tests/core/storage/tst_sqlhelpers.cpp.)
class TestHubSql : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void initTestCase()
    {
        test::pinEnvironment();
        QVERIFY2(m_hub.start(), qPrintable(m_hub.errorString()));
        // Statements without values run as they are: PostgreSQL's PREPARE takes no DDL.
        const Status made = sql::exec(hub(), QStringLiteral("CREATE TEMP TABLE t (id bigint PRIMARY KEY, "
                                                            "name text NOT NULL, at_ms bigint)"),
                                      {}, QStringLiteral("make a table"));
        QVERIFY2(made.isOk(), made.isOk() ? "" : qPrintable(made.error().message));
    }

    // The client refuses what the hub would refuse, before queueing anything: its limits
    // are the hub's CHECK constraints, and a change to one without the other fails here.
    void clientLimitsAreTheHubs_data()
    {
        QTest::addColumn<QString>("table");
        QTest::addColumn<QString>("check");
        QTest::newRow("subject") << QStringLiteral("messages") << QStringLiteral("length(subject) <= %1").arg(hubsql::maxSubjectCharacters);
        QTest::newRow("body") << QStringLiteral("messages") << QStringLiteral("length(body) <= %1").arg(hubsql::maxBodyCharacters);
        QTest::newRow("label") << QStringLiteral("windows") << QStringLiteral("length(label) <= %1").arg(hubsql::maxLabelCharacters);
        QTest::newRow("name") << QStringLiteral("members") << QStringLiteral("length(display_name) <= %1").arg(hubsql::maxNameCharacters);
        QTest::newRow("email") << QStringLiteral("members") << QStringLiteral("length(email) <= %1").arg(hubsql::maxEmailCharacters);
        QTest::newRow("commitment title") << QStringLiteral("commitments") << QStringLiteral("length(title) <= %1").arg(hubsql::maxCommitmentCharacters);
        QTest::newRow("commitment note") << QStringLiteral("commitments") << QStringLiteral("length(public_note) >= 1) AND (length(public_note) <= %1").arg(hubsql::maxCommitmentCharacters);
    }

    void clientLimitsAreTheHubs()
    {
        QFETCH(QString, table);
        QFETCH(QString, check);
        const auto checks = sql::readAll(hub(), QStringLiteral(
            "SELECT pg_get_constraintdef(oid) FROM pg_constraint WHERE conrelid = ?::regclass AND contype = 'c'"),
            QVariantList{QString(QStringLiteral("fermata.") + table)}, QStringLiteral("read the constraints"),
            [](const QSqlQuery &q) { return q.value(0).toString(); });
        HUB_VERIFY_OK(checks);
        QVERIFY2(checks->join(u' ').contains(check), qPrintable(checks->join(QStringLiteral(" | "))));

        const QString fits(hubsql::maxSubjectCharacters, u'x');
        QVERIFY(hubsql::checkText(QStringLiteral("subject"), fits, hubsql::maxSubjectCharacters));
        const Status over = hubsql::checkText(QStringLiteral("subject"), fits + u'x', hubsql::maxSubjectCharacters);
        QVERIFY(!over);
        QCOMPARE(over.error().code, Error::Code::Invalid);
        // Characters, as PostgreSQL counts them: a pair of UTF-16 surrogates is one.
        QString emoji;
        for (int i = 0; i < hubsql::maxSubjectCharacters; ++i)
            emoji += QString::fromUcs4(U"\U0001F600", 1);
        QVERIFY(hubsql::checkText(QStringLiteral("subject"), emoji, hubsql::maxSubjectCharacters));
    }

    void successIsOk()
    {
        const QDateTime at(QDate(2024, 3, 4), QTime(9, 30), Qt::UTC);
        QVERIFY(sql::exec(hub(), QStringLiteral("INSERT INTO t (id, name, at_ms) VALUES (?, ?, ?)"),
                          {qint64(1), sql::text(QString()), sql::fromDateTime(at)}, QStringLiteral("add")));
        QVERIFY(sql::exec(hub(), QStringLiteral("INSERT INTO t (id, name, at_ms) VALUES (?, ?, ?)"),
                          {qint64(2), QStringLiteral("two"), sql::fromDateTime(QDateTime())}, QStringLiteral("add")));
        const Status changed = sql::changeRow(hub(), QStringLiteral("UPDATE t SET name = ? WHERE id = ?"),
                                              {QStringLiteral("one"), qint64(1)}, QStringLiteral("rename"),
                                              QStringLiteral("gone"));
        QVERIFY(changed.isOk());

        struct Row
        {
            qint64 id;
            QString name;
            QDateTime at;
        };
        const auto rows = sql::readAll(hub(), QStringLiteral("SELECT id, name, at_ms FROM t ORDER BY id"), {},
                                       QStringLiteral("read"), [](const QSqlQuery &q) {
                                           return Row{q.value(0).toLongLong(), q.value(1).toString(),
                                                      sql::toDateTime(q.value(2))};
                                       });
        QVERIFY(rows.isOk());
        QCOMPARE(rows->size(), 2);
        QCOMPARE(rows->at(0).name, QStringLiteral("one"));
        QCOMPARE(rows->at(0).at, at);
        QVERIFY(!rows->at(1).at.isValid()); // NULL stays invalid

        const auto one = sql::readOne(hub(), QStringLiteral("SELECT name FROM t WHERE id = ?"), {qint64(2)},
                                      QStringLiteral("read"), [](const QSqlQuery &q) { return q.value(0).toString(); });
        QVERIFY(one.isOk());
        QCOMPARE(one->value(), QStringLiteral("two"));
        const Result<QVariant> none = sql::scalar(hub(), QStringLiteral("SELECT name FROM t WHERE id = ?"),
                                                  {qint64(99)}, QStringLiteral("read"));
        QVERIFY(none.isOk());
        QVERIFY(none->isNull());
        QCOMPARE(sql::scalar(hub(), QStringLiteral("SELECT count(*) FROM t"), {}, QStringLiteral("count"))->toInt(), 2);
    }

    void failureIsAnErrorInTheHubsWords_data()
    {
        QTest::addColumn<QString>("statement");
        QTest::addColumn<QVariantList>("values");
        QTest::newRow("cannot prepare") << QStringLiteral("SELEKT * FROM t WHERE id = ?") << QVariantList{1};
        QTest::newRow("cannot run") << QStringLiteral("SELEKT 1") << QVariantList{};
        QTest::newRow("constraint") << QStringLiteral("INSERT INTO t (id, name) VALUES (?, ?)")
                                    << QVariantList{qint64(1), QStringLiteral("again")};
    }

    void failureIsAnErrorInTheHubsWords()
    {
        QFETCH(QString, statement);
        QFETCH(QVariantList, values);
        const Status status = sql::exec(hub(), statement, values, QStringLiteral("try this"));
        QVERIFY(!status.isOk());
        QVERIFY(!bool(status));
        QCOMPARE(status.error().code, Error::Code::Database);
        QVERIFY2(status.error().message.startsWith(QStringLiteral("The team hub could not try this: ")),
                 qPrintable(status.error().message));
        const auto rows = sql::readAll(hub(), statement, values, QStringLiteral("try this"),
                                       [](const QSqlQuery &q) { return q.value(0); });
        QVERIFY(!rows.isOk());
        QCOMPARE(rows.error().code, Error::Code::Database);
    }

    // "Not now" from the server (a standby during a failover, a timeout) is an I/O error the
    // client retries, never a refusal that turns a message back into a draft.
    void transientRefusalsAreRetried()
    {
        // What a client that reached a standby gets for every write.
        QVERIFY(sql::exec(hub(), QStringLiteral("SET default_transaction_read_only = on"), {}, QStringLiteral("set")).isOk());
        const Status readOnly = sql::exec(hub(), QStringLiteral("CREATE TABLE written_on_a_standby (x integer)"), {},
                                          QStringLiteral("send"));
        QVERIFY(sql::exec(hub(), QStringLiteral("RESET default_transaction_read_only"), {}, QStringLiteral("reset")).isOk());
        QVERIFY2(readOnly.error().code == Error::Code::Io, qPrintable(readOnly.error().message));
        QVERIFY2(readOnly.error().message.contains(QStringLiteral("tries again")), qPrintable(readOnly.error().message));

        QVERIFY(sql::exec(hub(), QStringLiteral("SET statement_timeout = '50ms'"), {}, QStringLiteral("set")).isOk());
        const Status slow = sql::exec(hub(), QStringLiteral("SELECT pg_sleep(2)"), {}, QStringLiteral("wait"));
        QVERIFY(sql::exec(hub(), QStringLiteral("RESET statement_timeout"), {}, QStringLiteral("reset")).isOk());
        QCOMPARE(slow.error().code, Error::Code::Io);
    }

    void changingNoRowIsNotFound()
    {
        const Status status = sql::changeRow(hub(), QStringLiteral("DELETE FROM t WHERE id = ?"), {qint64(77)},
                                             QStringLiteral("delete"), QStringLiteral("It is gone."));
        QCOMPARE(status.error(), (Error{Error::Code::NotFound, QStringLiteral("It is gone.")}));
    }

    void preparedQueryRunsManyTimes()
    {
        QSqlQuery query(m_hub.admin().connection());
        QVERIFY(sql::prepare(query, QStringLiteral("SELECT name FROM t WHERE id = ?"), hub(), QStringLiteral("read")));
        for (qint64 id : {1, 2}) {
            QVERIFY(sql::exec(query, {id}, hub(), QStringLiteral("read")));
            QVERIFY(query.next());
            QVERIFY(!query.value(0).toString().isEmpty());
            query.finish();
        }
    }

private:
    sql::Target hub() { return hubsql::target(m_hub.admin().connection()); }

    test::HubFixture m_hub;
};

QTEST_GUILESS_MAIN(TestHubSql)
#include "tst_hubsql.moc"
