// Shared commitments on the hub (sql/hub_v6.sql, who waits: hub_v7.sql), as members who know SQL try them with their own
// logins and plain PostgreSQL connections: teammates read their team's commitments, only the
// owner writes them, nobody outside the team sees anything, a removed member's disappear, and
// nothing tells a teammate when the owner was online.
#include "hubfixture.h"
#include "testsupport.h"

#include <QSqlRecord>
#include <QTest>
#include <QUuid>

using namespace fermata;

namespace {

QString newUuid()
{
    return QUuid::createUuid().toString(QUuid::WithoutBraces);
}

// One commitment as share_commitments() takes it, `extra` appended inside the object.
QString entry(const QString &uuid, const QString &title, int revision, const QString &extra = {})
{
    return QStringLiteral("{\"uuid\": \"%1\", \"title\": \"%2\", \"estimate\": 120, \"due_ms\": 1796400000000, "
                          "\"status\": \"planned\", \"finish_day\": \"2026-12-03\", \"note\": \"draft first\", "
                          "\"revision\": %3%4}")
        .arg(uuid, title).arg(revision).arg(extra);
}

} // namespace

class TestHubCommitments : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void initTestCase()
    {
        test::pinEnvironment();
        QVERIFY2(m_hub.start(), qPrintable(m_hub.errorString()));
        struct Spec { QString key, team, name, email; QByteArray zone; };
        const QList<Spec> specs = {
            {QStringLiteral("alice"), QStringLiteral("Alpha"), QStringLiteral("Alice"), QStringLiteral("alice@alpha.example"), "Europe/Berlin"},
            {QStringLiteral("bob"), QStringLiteral("Alpha"), QStringLiteral("Bob"), QStringLiteral("bob@alpha.example"), "America/New_York"},
            {QStringLiteral("erin"), QStringLiteral("Alpha"), QStringLiteral("Erin"), QStringLiteral("erin@alpha.example"), "UTC"},
            {QStringLiteral("carol"), QStringLiteral("Beta"), QStringLiteral("Carol"), QStringLiteral("carol@beta.example"), "Asia/Tokyo"},
            {QStringLiteral("dave"), QStringLiteral("Beta"), QStringLiteral("Dave"), QStringLiteral("dave@beta.example"), "UTC"},
        };
        for (const Spec &spec : specs) {
            const Result<NewMember> added = m_hub.admin().addMember(spec.team, spec.name, spec.email, spec.zone);
            HUB_VERIFY_OK(added);
            m_ids[spec.key] = added->id;
            m_roles[spec.key] = added->role;
            m_passwords[spec.key] = added->password;
            m_db[spec.key] = m_hub.connect(spec.key, added->role, added->password);
            QVERIFY(m_db[spec.key].isOpen());
            m_vars[QLatin1Char('{') + spec.key + QLatin1Char('}')] = QString::number(added->id);
        }
        const auto beta = test::runSql(m_hub.admin().connection(), QStringLiteral("SELECT id FROM fermata.teams WHERE name = 'Beta'"));
        m_vars[QStringLiteral("{B}")] = beta.firstRow.value(0).toString();
        for (int i = 1; i <= 4; ++i)
            m_vars[QStringLiteral("{c%1}").arg(i)] = newUuid();
        // alice's and erin's commitments in Alpha, carol's in Beta.
        QVERIFY(share(QStringLiteral("alice"), {entry(m_vars[QStringLiteral("{c1}")], QStringLiteral("Write report"), 1)}));
        QVERIFY(share(QStringLiteral("erin"), {entry(m_vars[QStringLiteral("{c2}")], QStringLiteral("Review budget"), 1)}));
        QVERIFY(share(QStringLiteral("carol"), {entry(m_vars[QStringLiteral("{c3}")], QStringLiteral("Beta launch"), 1)}));
    }

    void matrix_data()
    {
        QTest::addColumn<QString>("who");
        QTest::addColumn<QString>("sql");
        QTest::addColumn<bool>("allowed");
        auto row = [](const char *name, const char *who, const QString &sql, bool allowed) {
            QTest::newRow(name) << QString::fromLatin1(who) << sql << allowed;
        };
        auto sharing = [](const QString &json) {
            return QStringLiteral("SELECT 1 FROM fermata.share_commitments('[%1]') WHERE accepted").arg(json);
        };
        const QString insert = QStringLiteral(
            "INSERT INTO fermata.commitments (uuid, team_id, owner_id, title, estimate_minutes, status) VALUES ");

        // Reading: the team's, through the hub's function only.
        row("bob reads alice's commitment", "bob", QStringLiteral("SELECT 1 FROM fermata.team_commitments(NULL) WHERE commitment = '{c1}' AND title = 'Write report' AND finish_day = '2026-12-03'"), true);
        row("bob asks for it by uuid", "bob", QStringLiteral("SELECT 1 FROM fermata.team_commitments(ARRAY['{c1}']::uuid[])"), true);
        row("alice reads her own", "alice", QStringLiteral("SELECT 1 FROM fermata.team_commitments(NULL) WHERE commitment = '{c1}'"), true);
        row("carol reads Alpha's commitments", "carol", QStringLiteral("SELECT 1 FROM fermata.team_commitments(NULL) WHERE commitment IN ('{c1}', '{c2}')"), false);
        row("carol asks for Alpha's by uuid", "carol", QStringLiteral("SELECT 1 FROM fermata.team_commitments(ARRAY['{c1}', '{c2}']::uuid[])"), false);
        row("alice asks for Beta's by uuid", "alice", QStringLiteral("SELECT 1 FROM fermata.team_commitments(ARRAY['{c3}']::uuid[])"), false);
        row("carol reads her team's", "carol", QStringLiteral("SELECT 1 FROM fermata.team_commitments(NULL) WHERE commitment = '{c3}'"), true);
        row("bob reads the table", "bob", QStringLiteral("SELECT 1 FROM fermata.commitments WHERE uuid = '{c1}'"), false);
        row("carol reads the table", "carol", QStringLiteral("SELECT 1 FROM fermata.commitments"), false);
        row("carol counts Alpha's rows through EXPLAIN", "carol", QStringLiteral("EXPLAIN (ANALYZE) SELECT * FROM fermata.commitments"), false);
        row("bob's feed names alice's commitment", "bob", QStringLiteral("SELECT 1 FROM fermata.my_changes(0, 0, 1000) WHERE kind = 'commitment' AND message_uuid = '{c1}' AND member_id = {alice}"), true);
        row("carol's feed has nothing of Alpha's", "carol", QStringLiteral("SELECT 1 FROM fermata.my_changes(0, 0, 1000) WHERE message_uuid IN ('{c1}', '{c2}')"), false);

        // Writing: only the owner, only through share_commitments() and withdraw_commitments().
        row("bob overwrites alice's commitment", "bob", sharing(entry(QStringLiteral("{c1}"), QStringLiteral("Mine now"), 99)), false);
        row("carol overwrites alice's commitment", "carol", sharing(entry(QStringLiteral("{c1}"), QStringLiteral("Ours now"), 99)), false);
        row("carol claims alice's uuid as her own", "carol", sharing(entry(QStringLiteral("{c1}"), QStringLiteral("Beta's"), 1)), false);
        row("bob withdraws alice's commitment", "bob", QStringLiteral("SELECT 1 WHERE fermata.withdraw_commitments(ARRAY['{c1}']::uuid[]) > 0"), false);
        row("carol withdraws alice's commitment", "carol", QStringLiteral("SELECT 1 WHERE fermata.withdraw_commitments(ARRAY['{c1}']::uuid[]) > 0"), false);
        row("bob inserts as alice", "bob", insert + QStringLiteral("('{c4}', {B}, {alice}, 'x', 1, 'planned')"), false);
        row("bob edits alice's row", "bob", QStringLiteral("UPDATE fermata.commitments SET title = 'x' WHERE uuid = '{c1}'"), false);
        row("bob deletes alice's row", "bob", QStringLiteral("DELETE FROM fermata.commitments WHERE uuid = '{c1}'"), false);
        row("alice edits her own row directly", "alice", QStringLiteral("UPDATE fermata.commitments SET title = 'x' WHERE uuid = '{c1}'"), false);
        row("bob locks the table", "bob", QStringLiteral("LOCK TABLE fermata.commitments IN SHARE MODE"), false);
        row("bob writes the feed through the hub's helper", "bob", QStringLiteral("SELECT fermata.record_changes({B}, ARRAY[NULL]::bigint[], ARRAY['commitment'], ARRAY[{alice}]::bigint[], ARRAY['{c1}']::uuid[])"), false);
        row("bob shares an oversized title", "bob", sharing(entry(newUuid(), QString(1001, u'x'), 1)), false);
        row("bob shares an oversized note", "bob", sharing(entry(newUuid(), QStringLiteral("t"), 1).replace(QStringLiteral("draft first"), QString(1001, u'n'))), false);
        row("bob shares an unknown status", "bob", sharing(entry(newUuid(), QStringLiteral("t"), 1).replace(QStringLiteral("planned"), QStringLiteral("online"))), false);
        row("bob shares an empty title", "bob", sharing(entry(newUuid(), QString(), 1)), false);
        row("bob shares something that is not a list", "bob", QStringLiteral("SELECT 1 FROM fermata.share_commitments('{\"uuid\": \"%1\"}')").arg(newUuid()), false);
        row("alice updates her own", "alice", sharing(entry(QStringLiteral("{c1}"), QStringLiteral("Write report"), 2).replace(QStringLiteral("\"planned\""), QStringLiteral("\"in_progress\""))), true);
        row("bob sees the new status", "bob", QStringLiteral("SELECT 1 FROM fermata.team_commitments(NULL) WHERE commitment = '{c1}' AND status = 'in_progress'"), true);
    }

    void matrix()
    {
        QFETCH(QString, who);
        QFETCH(QString, sql);
        QFETCH(bool, allowed);
        for (auto it = m_vars.cbegin(); it != m_vars.cend(); ++it)
            sql.replace(it.key(), it.value());
        const test::SqlOutcome outcome = test::runSql(m_db[who], sql);
        const bool succeeded = outcome.ok && outcome.rows > 0;
        QVERIFY2(succeeded == allowed, qPrintable(QStringLiteral("%1 as %2: ok=%3 rows=%4 %5")
                                                      .arg(sql, who).arg(outcome.ok).arg(outcome.rows).arg(outcome.error)));
    }

    // Whatever the refused writes above tried, alice's commitment is as she left it.
    void refusedWritesChangedNothing()
    {
        const auto row = admin(QStringLiteral("SELECT title, owner_id, team_id::text = ?, status FROM fermata.commitments WHERE uuid = ?"),
                               {m_vars[QStringLiteral("{B}")], m_vars[QStringLiteral("{c1}")]});
        QCOMPARE(row.firstRow.value(0).toString(), QStringLiteral("Write report"));
        QCOMPARE(row.firstRow.value(1).toLongLong(), m_ids[QStringLiteral("alice")]);
        QVERIFY(!row.firstRow.value(2).toBool());
        QCOMPARE(row.firstRow.value(3).toString(), QStringLiteral("in_progress"));
        QCOMPARE(admin(QStringLiteral("SELECT 1 FROM fermata.commitments WHERE uuid = ?"), {m_vars[QStringLiteral("{c4}")]}).rows, 0);
    }

    // The owner and the team are the caller's login's, whatever the caller writes.
    void anOwnerCannotBeForged()
    {
        const QString forged = newUuid();
        const QString extra = QStringLiteral(", \"owner_id\": %1, \"team_id\": %2, \"owner\": \"%3\"")
                                  .arg(m_ids[QStringLiteral("alice")]).arg(m_vars[QStringLiteral("{B}")], m_roles[QStringLiteral("alice")]);
        QVERIFY(share(QStringLiteral("bob"), {entry(forged, QStringLiteral("Signed by alice"), 1, extra)}));
        const auto row = admin(QStringLiteral("SELECT owner_id, (SELECT name FROM fermata.teams t WHERE t.id = c.team_id) "
                                              "FROM fermata.commitments c WHERE uuid = ?"), {forged});
        QCOMPARE(row.firstRow.value(0).toLongLong(), m_ids[QStringLiteral("bob")]);
        QCOMPARE(row.firstRow.value(1).toString(), QStringLiteral("Alpha"));
        const auto seen = test::runSql(m_db[QStringLiteral("alice")], QStringLiteral(
            "SELECT owner_role FROM fermata.team_commitments(ARRAY[?]::uuid[])"), {forged});
        QCOMPARE(seen.firstRow.value(0).toString(), m_roles[QStringLiteral("bob")]);
        QCOMPARE(test::runSql(m_db[QStringLiteral("carol")], QStringLiteral("SELECT 1 FROM fermata.team_commitments(ARRAY[?]::uuid[])"), {forged}).rows, 0);
    }

    // A retry (the same uuid and revision) adds no row and no change to teammates' feeds; an
    // older push that arrives late does not undo a newer one.
    void pushesAreIdempotentAndOrdered()
    {
        const QString uuid = newUuid();
        const auto cursor = feedEnd(QStringLiteral("bob"));
        for (int i = 0; i < 3; ++i)
            QVERIFY(share(QStringLiteral("alice"), {entry(uuid, QStringLiteral("Once"), 5)}));
        QCOMPARE(admin(QStringLiteral("SELECT 1 FROM fermata.commitments WHERE uuid = ?"), {uuid}).rows, 1);
        QCOMPARE(changesFor(QStringLiteral("bob"), cursor, uuid), 1);

        QVERIFY(share(QStringLiteral("alice"), {entry(uuid, QStringLiteral("Newer"), 7)}));
        QVERIFY(share(QStringLiteral("alice"), {entry(uuid, QStringLiteral("Older"), 6)})); // accepted: the hub has newer
        QCOMPARE(admin(QStringLiteral("SELECT title FROM fermata.commitments WHERE uuid = ?"), {uuid}).firstRow.value(0).toString(),
                 QStringLiteral("Newer"));
        QCOMPARE(changesFor(QStringLiteral("bob"), cursor, uuid), 2);
        // Same content, higher revision: remembered, but teammates are not told of a non-change.
        QVERIFY(share(QStringLiteral("alice"), {entry(uuid, QStringLiteral("Newer"), 9)}));
        QVERIFY(share(QStringLiteral("alice"), {entry(uuid, QStringLiteral("Stale"), 8)}));
        const auto kept = admin(QStringLiteral("SELECT title, revision FROM fermata.commitments WHERE uuid = ?"), {uuid});
        QCOMPARE(kept.firstRow.value(0).toString(), QStringLiteral("Newer"));
        QCOMPARE(kept.firstRow.value(1).toLongLong(), 9);
        QCOMPARE(changesFor(QStringLiteral("bob"), cursor, uuid), 2);
    }

    // Unsharing erases the content and keeps a tombstone: teammates no longer see it, and a push
    // of that uuid arriving later (a retry, another process) cannot bring it back — also for a
    // uuid the hub never had.
    void withdrawnStaysWithdrawn()
    {
        const QString uuid = newUuid();
        QVERIFY(share(QStringLiteral("alice"), {entry(uuid, QStringLiteral("Secret plan"), 1)}));
        const auto cursor = feedEnd(QStringLiteral("bob"));
        QCOMPARE(test::runSql(m_db[QStringLiteral("alice")], QStringLiteral("SELECT fermata.withdraw_commitments(ARRAY[?]::uuid[])"), {uuid})
                     .firstRow.value(0).toInt(), 1);
        QCOMPARE(changesFor(QStringLiteral("bob"), cursor, uuid), 1);
        QCOMPARE(test::runSql(m_db[QStringLiteral("bob")], QStringLiteral("SELECT 1 FROM fermata.team_commitments(ARRAY[?]::uuid[])"), {uuid}).rows, 0);
        QVERIFY(!share(QStringLiteral("alice"), {entry(uuid, QStringLiteral("Secret plan"), 2)}));
        QCOMPARE(test::runSql(m_db[QStringLiteral("bob")], QStringLiteral("SELECT 1 FROM fermata.team_commitments(NULL) WHERE commitment = ?"), {uuid}).rows, 0);
        const auto kept = admin(QStringLiteral("SELECT title = '' AND public_note IS NULL AND finish_day IS NULL AND due IS NULL "
                                               "AND withdrawn_at IS NOT NULL FROM fermata.commitments WHERE uuid = ?"), {uuid});
        QVERIFY2(kept.firstRow.value(0).toBool(), "a withdrawn commitment kept its content");

        const QString never = newUuid();
        QCOMPARE(test::runSql(m_db[QStringLiteral("alice")], QStringLiteral("SELECT fermata.withdraw_commitments(ARRAY[?]::uuid[])"), {never})
                     .firstRow.value(0).toInt(), 0);
        QVERIFY(!share(QStringLiteral("alice"), {entry(never, QStringLiteral("Late push"), 1)}));
        // A teammate cannot tombstone someone else's uuid.
        QCOMPARE(test::runSql(m_db[QStringLiteral("bob")], QStringLiteral("SELECT fermata.withdraw_commitments(ARRAY[?]::uuid[])"),
                              {m_vars[QStringLiteral("{c2}")]}).firstRow.value(0).toInt(), 0);
        QCOMPARE(test::runSql(m_db[QStringLiteral("alice")], QStringLiteral("SELECT 1 FROM fermata.team_commitments(ARRAY[?]::uuid[])"),
                              {m_vars[QStringLiteral("{c2}")]}).rows, 1);
    }

    // Naming a teammate's uuid inside a transaction left open takes no lock on their row: their
    // own push goes through at once.
    void anOpenTransactionCannotHoldUpAnothersPush()
    {
        QSqlDatabase bob = m_hub.connect(QStringLiteral("bob-open"), m_roles[QStringLiteral("bob")], password(QStringLiteral("bob")));
        QVERIFY(bob.isOpen());
        QVERIFY(test::runSql(bob, QStringLiteral("BEGIN")).ok);
        const auto tried = test::runSql(bob, QStringLiteral("SELECT accepted FROM fermata.share_commitments(?::jsonb)"),
                                        {QStringLiteral("[%1]").arg(entry(m_vars[QStringLiteral("{c2}")], QStringLiteral("Hijack"), 50))});
        QVERIFY2(tried.ok, qPrintable(tried.error));
        QCOMPARE(tried.firstRow.value(0).toBool(), false);
        QSqlDatabase erin = m_db[QStringLiteral("erin")];
        QVERIFY(test::runSql(erin, QStringLiteral("SET lock_timeout = '500ms'")).ok);
        QVERIFY2(share(QStringLiteral("erin"), {entry(m_vars[QStringLiteral("{c2}")], QStringLiteral("Review budget"), 3)}),
                 "erin's push waited for bob's open transaction");
        (void)test::runSql(bob, QStringLiteral("ROLLBACK"));
    }

    // Teammates see what the owner shared and nothing about when: no change times, no revision
    // counter, no withdrawal times in what the hub hands them.
    void nothingTellsWhenTheOwnerWasOnline()
    {
        QSqlQuery query(m_db[QStringLiteral("bob")]);
        QVERIFY(query.exec(QStringLiteral("SELECT * FROM fermata.team_commitments(NULL)")));
        QStringList columns;
        for (int i = 0; i < query.record().count(); ++i)
            columns.append(query.record().fieldName(i));
        QCOMPARE(columns, (QStringList{QStringLiteral("commitment"), QStringLiteral("owner_id"), QStringLiteral("owner_role"),
                                       QStringLiteral("title"), QStringLiteral("estimate_minutes"), QStringLiteral("due_ms"),
                                       QStringLiteral("status"), QStringLiteral("finish_day"), QStringLiteral("public_note")}));
        QSqlQuery feed(m_db[QStringLiteral("bob")]);
        QVERIFY(feed.exec(QStringLiteral("SELECT * FROM fermata.my_changes(0, 0, 10)")));
        for (int i = 0; i < feed.record().count(); ++i)
            QVERIFY2(!feed.record().fieldName(i).contains(QStringLiteral("at")), qPrintable(feed.record().fieldName(i)));
    }

    // A member shares at most 1000 commitments at a time: nobody fills the hub for the others.
    void aMemberCannotFloodTheHub()
    {
        for (int round = 0; round < 2; ++round) {
            QStringList batch;
            for (int i = 0; i < 500; ++i)
                batch.append(entry(newUuid(), QStringLiteral("Chunk %1").arg(round * 500 + i), 1));
            QVERIFY(share(QStringLiteral("dave"), batch));
        }
        const auto over = test::runSql(m_db[QStringLiteral("dave")], QStringLiteral("SELECT * FROM fermata.share_commitments(?::jsonb)"),
                                       {QStringLiteral("[%1]").arg(entry(newUuid(), QStringLiteral("One more"), 1))});
        QVERIFY(!over.ok);
        QVERIFY2(over.error.contains(QStringLiteral("at most 1000")), qPrintable(over.error));
        // Too many in one call is refused whole.
        QStringList big;
        for (int i = 0; i < 501; ++i)
            big.append(entry(newUuid(), QStringLiteral("x"), 1));
        QVERIFY(!test::runSql(m_db[QStringLiteral("carol")], QStringLiteral("SELECT * FROM fermata.share_commitments(?::jsonb)"),
                              {QStringLiteral("[%1]").arg(big.join(u','))}).ok);
    }

    // Who waits for what (sql/hub_v7.sql): bob waits for alice's commitment and the team sees
    // that, with a change for it in the feed; a uuid of another team, his own or an unknown one
    // is ignored; Beta sees nothing of it; the table stays closed; a transaction bob leaves open
    // holds up neither alice's push nor another member's waits; an empty set ends his waits.
    void whoWaitsIsTheTeamsAndOnlyTheirs()
    {
        const QString c1 = m_vars[QStringLiteral("{c1}")];
        const auto cursor = feedEnd(QStringLiteral("alice"));
        const auto set = test::runSql(m_db[QStringLiteral("bob")], QStringLiteral("SELECT fermata.set_my_waits(CAST(? AS uuid[]))"),
                                      {QStringLiteral("{%1,%2,%3}").arg(c1, m_vars[QStringLiteral("{c3}")], newUuid())});
        QVERIFY2(set.ok, qPrintable(set.error));
        QCOMPARE(set.firstRow.value(0).toInt(), 1); // only alice's counts
        QCOMPARE(changesFor(QStringLiteral("alice"), cursor, c1), 1);
        // Again: idempotent, no new change.
        QVERIFY(test::runSql(m_db[QStringLiteral("bob")], QStringLiteral("SELECT fermata.set_my_waits(CAST(? AS uuid[]))"),
                             {QStringLiteral("{%1}").arg(c1)}).ok);
        QCOMPARE(changesFor(QStringLiteral("alice"), cursor, c1), 1);
        for (const QString &who : {QStringLiteral("alice"), QStringLiteral("bob")}) {
            const auto seen = test::runSql(m_db[who], QStringLiteral("SELECT commitment, member_id FROM fermata.commitment_waiters(NULL)"));
            QVERIFY2(seen.ok, qPrintable(seen.error));
            QCOMPARE(seen.rows, 1);
            QCOMPARE(seen.firstRow.value(0).toString(), c1);
            QCOMPARE(seen.firstRow.value(1).toLongLong(), m_ids[QStringLiteral("bob")]);
        }
        QCOMPARE(test::runSql(m_db[QStringLiteral("carol")], QStringLiteral("SELECT * FROM fermata.commitment_waiters(NULL)")).rows, 0);
        QCOMPARE(test::runSql(m_db[QStringLiteral("carol")], QStringLiteral("SELECT * FROM fermata.commitment_waiters(ARRAY[?]::uuid[])"),
                              {c1}).rows, 0);
        const auto table = test::runSql(m_db[QStringLiteral("bob")], QStringLiteral("SELECT * FROM fermata.commitment_waits"));
        QVERIFY(!table.ok);
        QVERIFY2(table.error.contains(QStringLiteral("permission denied")), qPrintable(table.error));
        QVERIFY(!test::runSql(m_db[QStringLiteral("bob")], QStringLiteral("LOCK TABLE fermata.commitment_waits")).ok);

        // Bob leaves a transaction open right after saying he waits: alice still pushes her
        // commitment, and alice waiting for erin's is not held up either.
        QSqlDatabase bob = m_hub.connect(QStringLiteral("bob-waits-open"), m_roles[QStringLiteral("bob")], password(QStringLiteral("bob")));
        QVERIFY(bob.isOpen());
        QVERIFY(test::runSql(bob, QStringLiteral("BEGIN")).ok);
        QVERIFY(test::runSql(bob, QStringLiteral("SELECT fermata.set_my_waits(CAST(? AS uuid[]))"),
                             {QStringLiteral("{%1,%2}").arg(c1, m_vars[QStringLiteral("{c2}")])}).ok);
        QSqlDatabase alice = m_db[QStringLiteral("alice")];
        QVERIFY(test::runSql(alice, QStringLiteral("SET lock_timeout = '500ms'")).ok);
        QVERIFY2(share(QStringLiteral("alice"), {entry(c1, QStringLiteral("Write report"), 7)}),
                 "alice's push waited for bob's open transaction");
        const auto aliceWaits = test::runSql(alice, QStringLiteral("SELECT fermata.set_my_waits(CAST(? AS uuid[]))"),
                                             {QStringLiteral("{%1}").arg(m_vars[QStringLiteral("{c2}")])});
        QVERIFY2(aliceWaits.ok, qPrintable(aliceWaits.error));
        (void)test::runSql(bob, QStringLiteral("ROLLBACK"));
        QVERIFY(test::runSql(alice, QStringLiteral("RESET lock_timeout")).ok);

        // An empty set: bob waits for nothing any more, and the feed says so.
        const auto beforeEmpty = feedEnd(QStringLiteral("alice"));
        QVERIFY(test::runSql(m_db[QStringLiteral("bob")], QStringLiteral("SELECT fermata.set_my_waits('{}'::uuid[])")).ok);
        QCOMPARE(test::runSql(alice, QStringLiteral("SELECT 1 FROM fermata.commitment_waiters(ARRAY[?]::uuid[])"), {c1}).rows, 0);
        QCOMPARE(changesFor(QStringLiteral("alice"), beforeEmpty, c1), 1);
        // Too many at once is refused.
        QStringList many;
        for (int i = 0; i < 1001; ++i)
            many.append(newUuid());
        const auto flood = test::runSql(m_db[QStringLiteral("bob")], QStringLiteral("SELECT fermata.set_my_waits(CAST(? AS uuid[]))"),
                                        {QStringLiteral("{%1}").arg(many.join(u','))});
        QVERIFY(!flood.ok);
        QVERIFY2(flood.error.contains(QStringLiteral("at most 1000")), qPrintable(flood.error));
    }

    // A removed member's commitments disappear for the team (their login is gone too); the
    // others' stay.
    // A push whose transaction took its id before a newer transaction finished gets an ordinal
    // that no snapshot's horizon passes by itself (hub_v8.sql): on a quiet hub a teammate's pull
    // skipped the change for good. The hub says it held the change back and lets it through.
    void aChangeHeldBackByTheHorizonIsLetThrough()
    {
        const QString bob = QStringLiteral("bob");
        const auto cursor = feedEnd(bob);
        const auto heldBack = [&](std::pair<qint64, qint64> after) {
            const auto held = test::runSql(m_db[bob], QStringLiteral("SELECT fermata.my_feed_held_back(?, ?)"),
                                           {after.first, after.second});
            return held.ok && held.firstRow.value(0).toBool();
        };
        QVERIFY2(!heldBack(cursor), "nothing is held back from a feed read to its end");

        QSqlDatabase slow = m_hub.connect(QStringLiteral("alice-slow"), m_roles[QStringLiteral("alice")], password(QStringLiteral("alice")));
        QVERIFY(slow.isOpen());
        QVERIFY(test::runSql(slow, QStringLiteral("BEGIN")).ok);
        QVERIFY(test::runSql(slow, QStringLiteral("SELECT pg_current_xact_id()")).ok); // alice's id: the older one
        QVERIFY(admin(QStringLiteral("SELECT pg_current_xact_id()")).ok);              // a newer one finishes first
        const QString uuid = newUuid();
        const auto pushed = test::runSql(slow, QStringLiteral("SELECT bool_and(accepted) FROM fermata.share_commitments(?::jsonb)"),
                                         {QStringLiteral("[%1]").arg(entry(uuid, QStringLiteral("Late spec"), 1))});
        QVERIFY2(pushed.ok && pushed.firstRow.value(0).toBool(), qPrintable(pushed.error));
        QVERIFY(test::runSql(slow, QStringLiteral("COMMIT")).ok);

        // Nothing else happens on the hub: the plain pull does not see the committed change...
        QCOMPARE(changesFor(bob, cursor, uuid), 0);
        // ...the check says so, and the next pull has it.
        QVERIFY2(heldBack(cursor), "a committed change past the cursor was not reported as held back");
        QCOMPARE(changesFor(bob, cursor, uuid), 1);
        QVERIFY(!heldBack(feedEnd(bob)));
        // Another team's feed never shows it.
        QCOMPARE(changesFor(QStringLiteral("carol"), {0, 0}, uuid), 0);
    }

    void aRemovedMembersCommitmentsDisappear()
    {
        const auto cursor = feedEnd(QStringLiteral("alice"));
        HUB_VERIFY_OK(m_hub.admin().removeMember(QStringLiteral("erin@alpha.example")));
        const auto list = test::runSql(m_db[QStringLiteral("alice")], QStringLiteral("SELECT commitment FROM fermata.team_commitments(NULL)"));
        QVERIFY2(list.ok, qPrintable(list.error));
        QVERIFY(!list.firstColumn.contains(m_vars[QStringLiteral("{c2}")]));
        QVERIFY(list.firstColumn.contains(m_vars[QStringLiteral("{c1}")]));
        QCOMPARE(test::runSql(m_db[QStringLiteral("alice")], QStringLiteral("SELECT 1 FROM fermata.team_commitments(ARRAY[?]::uuid[])"),
                              {m_vars[QStringLiteral("{c2}")]}).rows, 0);
        // The feed says the team changed, so clients read the list again.
        QVERIFY(test::runSql(m_db[QStringLiteral("alice")], QStringLiteral("SELECT 1 FROM fermata.my_changes(?, ?, 1000) WHERE kind = 'members' AND member_id = ?"),
                             {cursor.first, cursor.second, m_ids[QStringLiteral("erin")]}).rows >= 1);
        // erin's session ended and her login is refused; nothing she had is reachable.
        QVERIFY(!test::runSql(m_db[QStringLiteral("erin")], QStringLiteral("SELECT * FROM fermata.team_commitments(NULL)")).ok);
        QSqlDatabase again = m_hub.connect(QStringLiteral("erin-again"), m_roles[QStringLiteral("erin")], password(QStringLiteral("erin")));
        QVERIFY(!again.isOpen());
    }

private:
    // Shares `entries` as `who`; true when every one was accepted.
    bool share(const QString &who, const QStringList &entries)
    {
        const auto done = test::runSql(m_db[who], QStringLiteral("SELECT bool_and(accepted), count(*) FROM fermata.share_commitments(?::jsonb)"),
                                       {QStringLiteral("[%1]").arg(entries.join(u','))});
        if (!done.ok)
            qWarning("%s: %s", qPrintable(who), qPrintable(done.error));
        return done.ok && done.firstRow.value(0).toBool() && done.firstRow.value(1).toInt() == entries.size();
    }

    test::SqlOutcome admin(const QString &sql, const QVariantList &values = {})
    {
        return test::runSql(m_hub.admin().connection(), sql, values);
    }

    // The end of `who`'s change feed now: (ordinal, seq) to read past.
    std::pair<qint64, qint64> feedEnd(const QString &who)
    {
        const auto last = test::runSql(m_db[who], QStringLiteral(
            "SELECT ordinal, seq FROM fermata.my_changes(0, 0, 5000) ORDER BY ordinal DESC, seq DESC LIMIT 1"));
        return {last.firstRow.value(0).toLongLong(), last.firstRow.value(1).toLongLong()};
    }

    int changesFor(const QString &who, std::pair<qint64, qint64> cursor, const QString &uuid)
    {
        return test::runSql(m_db[who], QStringLiteral("SELECT 1 FROM fermata.my_changes(?, ?, 5000) WHERE kind = 'commitment' AND message_uuid = ?"),
                            {cursor.first, cursor.second, uuid}).rows;
    }

    QString password(const QString &who) const { return m_passwords.value(who); }

    test::HubFixture m_hub;
    QMap<QString, qint64> m_ids;
    QMap<QString, QString> m_roles;
    QMap<QString, QString> m_passwords;
    QMap<QString, QSqlDatabase> m_db;
    QMap<QString, QString> m_vars;
};

QTEST_GUILESS_MAIN(TestHubCommitments)
#include "tst_hubcommitments.moc"
