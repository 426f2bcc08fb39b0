#include "storage/database.h"
#include "storage/sqlhelpers.h"
#include "testsupport.h"

#include <QTest>

#include <memory>

using namespace fermata;

// The one SQL helper on SQLite: ok means success, a failure is an Error in words that names
// the file, a change that finds no row is NotFound. (On PostgreSQL: tests/core/team/tst_hubsql.)
class TestSqlHelpers : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase() { test::pinEnvironment(); }

    void init()
    {
        m_dir = std::make_unique<test::TempDataDir>();
        auto db = Database::open(m_dir->databasePath());
        QVERIFY2(db.isOk(), qPrintable(db.isOk() ? QString() : db.error().message));
        m_db = std::move(db).value();
        QVERIFY(sql::exec(target(), QStringLiteral("CREATE TABLE t (id INTEGER PRIMARY KEY, name TEXT NOT NULL)"),
                          {}, QStringLiteral("make a table")));
    }

    void cleanup()
    {
        m_db.reset();
        m_dir.reset();
    }

    void successIsOk()
    {
        const Result<qint64> first = sql::insert(target(), QStringLiteral("INSERT INTO t (name) VALUES (?)"),
                                                 {QStringLiteral("one")}, QStringLiteral("add"));
        QVERIFY(first.isOk());
        QVERIFY(bool(first));
        const Result<qint64> second = sql::insert(target(), QStringLiteral("INSERT INTO t (name) VALUES (?)"),
                                                  {sql::text(QString())}, QStringLiteral("add"));
        QVERIFY(second.isOk());
        QVERIFY(*second > *first);

        const Status changed = sql::changeRow(target(), QStringLiteral("UPDATE t SET name = ? WHERE id = ?"),
                                              {QStringLiteral("uno"), *first}, QStringLiteral("rename"),
                                              QStringLiteral("gone"));
        QVERIFY(changed.isOk());
        QVERIFY(bool(changed));

        const auto names = sql::readAll(target(), QStringLiteral("SELECT name FROM t ORDER BY id"), {},
                                        QStringLiteral("read"),
                                        [](const QSqlQuery &q) { return q.value(0).toString(); });
        QVERIFY(names.isOk());
        QCOMPARE(*names, (QStringList{QStringLiteral("uno"), QString()}));

        const auto one = sql::readOne(target(), QStringLiteral("SELECT name FROM t WHERE id = ?"), {*first},
                                      QStringLiteral("read"), [](const QSqlQuery &q) { return q.value(0).toString(); });
        QVERIFY(one.isOk());
        QCOMPARE(one->value(), QStringLiteral("uno"));
        const auto none = sql::readOne(target(), QStringLiteral("SELECT name FROM t WHERE id = ?"), {qint64(4242)},
                                       QStringLiteral("read"), [](const QSqlQuery &q) { return q.value(0).toString(); });
        QVERIFY(none.isOk());
        QVERIFY(!none->has_value());

        const Result<QVariant> count = sql::scalar(target(), QStringLiteral("SELECT count(*) FROM t"), {},
                                                   QStringLiteral("count"));
        QVERIFY(count.isOk());
        QCOMPARE(count->toInt(), 2);
        const Result<QVariant> missing = sql::scalar(target(), QStringLiteral("SELECT name FROM t WHERE id = ?"),
                                                     {qint64(4242)}, QStringLiteral("read"));
        QVERIFY(missing.isOk());
        QVERIFY(missing->isNull());
        // A statement without values runs as it is.
        QVERIFY(sql::scalar(target(), QStringLiteral("PRAGMA foreign_keys"), {}, QStringLiteral("read"))->toBool());
    }

    void failureIsAnErrorNamingTheFile_data()
    {
        QTest::addColumn<QString>("statement");
        QTest::addColumn<QVariantList>("values");
        QTest::newRow("cannot prepare") << QStringLiteral("SELEKT * FROM t WHERE id = ?") << QVariantList{1};
        QTest::newRow("cannot run") << QStringLiteral("SELEKT 1") << QVariantList{};
        QTest::newRow("constraint") << QStringLiteral("INSERT INTO t (name) VALUES (?)") << QVariantList{QVariant()};
    }

    void failureIsAnErrorNamingTheFile()
    {
        QFETCH(QString, statement);
        QFETCH(QVariantList, values);
        const Status status = sql::exec(target(), statement, values, QStringLiteral("try this"));
        QVERIFY(!status.isOk());
        QVERIFY(!bool(status));
        QCOMPARE(status.error().code, Error::Code::Database);
        QVERIFY2(status.error().message.contains(m_db->path()), qPrintable(status.error().message));
        QVERIFY2(status.error().message.contains(QStringLiteral("try this")), qPrintable(status.error().message));

        const Result<QSqlQuery> query = sql::run(target(), statement, values, QStringLiteral("try this"));
        QVERIFY(!query.isOk());
        QCOMPARE(query.error(), status.error());
        const auto rows = sql::readAll(target(), statement, values, QStringLiteral("try this"),
                                       [](const QSqlQuery &q) { return q.value(0); });
        QVERIFY(!rows.isOk());
        QCOMPARE(rows.error(), status.error());
    }

    void changingNoRowIsNotFound()
    {
        const Status status = sql::changeRow(target(), QStringLiteral("DELETE FROM t WHERE id = ?"), {qint64(77)},
                                             QStringLiteral("delete"), QStringLiteral("It is gone."));
        QVERIFY(!status.isOk());
        QCOMPARE(status.error(), (Error{Error::Code::NotFound, QStringLiteral("It is gone.")}));
    }

    void preparedQueryRunsManyTimes()
    {
        QSqlQuery query(m_db->connection());
        QVERIFY(sql::prepare(query, QStringLiteral("INSERT INTO t (name) VALUES (?)"), target(), QStringLiteral("add")));
        for (int i = 0; i < 3; ++i)
            QVERIFY(sql::exec(query, {QString::number(i)}, target(), QStringLiteral("add")));
        QVERIFY(!sql::exec(query, {QVariant()}, target(), QStringLiteral("add")));
        QCOMPARE(sql::scalar(target(), QStringLiteral("SELECT count(*) FROM t"), {}, QStringLiteral("count"))->toInt(), 3);
        QSqlQuery broken(m_db->connection());
        const Status refused = sql::prepare(broken, QStringLiteral("INSERT INTO nowhere VALUES (?)"), target(),
                                            QStringLiteral("add"));
        QVERIFY(!refused);
        QVERIFY(refused.error().message.contains(m_db->path()));
    }

    // Any connection, described the caller's way (the hub's words are its own).
    void targetDescribesFailuresItsOwnWay()
    {
        int described = 0;
        const sql::Target custom(m_db->connection(), [&](const QString &what, const QSqlError &) {
            ++described;
            return Error{Error::Code::Io, QStringLiteral("could not ") + what};
        });
        const Status failed = sql::exec(custom, QStringLiteral("SELEKT"), {}, QStringLiteral("say hello"));
        QCOMPARE(failed.error(), (Error{Error::Code::Io, QStringLiteral("could not say hello")}));
        QCOMPARE(described, 1);
        QVERIFY(sql::exec(custom, QStringLiteral("SELECT 1"), {}, QStringLiteral("say hello")));
        QCOMPARE(described, 1);
    }

private:
    sql::Target target() const { return sql::on(*m_db); }

    std::unique_ptr<test::TempDataDir> m_dir;
    std::unique_ptr<Database> m_db;
};

QTEST_GUILESS_MAIN(TestSqlHelpers)
#include "tst_sqlhelpers.moc"
