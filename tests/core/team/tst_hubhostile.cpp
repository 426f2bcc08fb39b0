// A team member who knows SQL, with their own login and a plain PostgreSQL connection (as psql
// would give them), against a throwaway hub: what they tried, and what must happen instead.
#include "hubfixture.h"
#include "testsupport.h"
#include "team/hubschema.h"

#include <QElapsedTimer>
#include <QSqlDriver>
#include <QTest>
#include <QTimeZone>
#include <QUuid>

using namespace fermata;

namespace {

QString uuid()
{
    return QUuid::createUuid().toString(QUuid::WithoutBraces);
}

} // namespace

class TestHubHostile : public QObject
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
            {QStringLiteral("carol"), QStringLiteral("Beta"), QStringLiteral("Carol"), QStringLiteral("carol@beta.example"), "Asia/Tokyo"},
            {QStringLiteral("dave"), QStringLiteral("Beta"), QStringLiteral("Dave"), QStringLiteral("dave@beta.example"), "UTC"},
        };
        for (const Spec &spec : specs) {
            const Result<NewMember> added = m_hub.admin().addMember(spec.team, spec.name, spec.email, spec.zone, false);
            HUB_VERIFY_OK(added);
            m_ids[spec.key] = added->id;
            m_roles[spec.key] = added->role;
            m_passwords[spec.key] = added->password;
        }
        const auto alpha = test::runSql(m_hub.admin().connection(), QStringLiteral("SELECT id FROM fermata.teams WHERE name = 'Alpha'"));
        m_alpha = alpha.firstRow.value(0).toLongLong();
    }

    // The release time is taken when the message is written, not when the sender's
    // transaction began: BEGIN inside bob's window, INSERT after it closed, and bob still waits
    // for his next window.
    void aTransactionOpenedInsideTheWindowCannotDeliverAfterIt()
    {
        const QTimeZone newYork("America/New_York");
        // The window closes at a minute boundary 3 to 6 s from the BEGIN (a member's idle
        // transaction is ended after 15 s, which bounds this attack but does not stop it), and
        // opened two minutes before; minutes of the day in bob's zone (an end of 0: midnight).
        QVERIFY(QTest::qWaitFor([] {
            const int second = QDateTime::currentDateTimeUtc().time().second();
            return second >= 54 && second < 57;
        }, 70000));
        QDateTime closes = QDateTime::currentDateTimeUtc().addSecs(10);
        closes = closes.addSecs(-closes.time().second()).addMSecs(-closes.time().msec());
        const QTime localEnd = closes.toTimeZone(newYork).time();
        const int end = localEnd.hour() * 60 + localEnd.minute();
        const int start = (end + 1440 - 2) % 1440;
        QSqlDatabase bob = member(QStringLiteral("bob"));
        QSqlDatabase alice = member(QStringLiteral("alice"));
        const auto window = setWindows(bob, {{start, end}});
        QVERIFY2(window.ok, qPrintable(window.error));

        QVERIFY(test::runSql(alice, QStringLiteral("BEGIN")).ok);
        QVERIFY(test::runSql(alice, QStringLiteral("SELECT now()")).ok); // the transaction's time is fixed here
        QVERIFY(QTest::qWaitFor([&] { return QDateTime::currentDateTimeUtc() > closes.addSecs(1); }, 70000));
        const QString message = uuid();
        const auto sent = send(alice, message, QStringLiteral("bob"));
        QVERIFY2(sent.ok && sent.rows == 1, qPrintable(sent.error));
        QVERIFY(test::runSql(alice, QStringLiteral("COMMIT")).ok);

        const auto release = test::runSql(m_hub.admin().connection(), QStringLiteral(
            "SELECT release_at > clock_timestamp() + interval '23 hours' FROM fermata.messages WHERE uuid = ?"), {message});
        QVERIFY2(release.firstRow.value(0).toBool(), "released before bob's next window");
        const auto read = test::runSql(bob, QStringLiteral("SELECT 1 FROM fermata.released_messages(100) WHERE uuid = ?"), {message});
        QVERIFY2(read.ok, qPrintable(read.error));
        QCOMPARE(read.rows, 0);
    }

    // Replacing windows (delete, then insert, in one transaction, as the client does) with
    // other closed windows keeps what is held for the member held.
    void replacingWindowsKeepsHeldMessagesHeld()
    {
        QSqlDatabase bob = member(QStringLiteral("bob"));
        QSqlDatabase alice = member(QStringLiteral("alice"));
        // Minutes of the day in bob's zone, `hours` from now (wrapping past midnight as it may).
        const auto minuteIn = [](int hours) {
            const QTime t = QDateTime::currentDateTimeUtc().addSecs(hours * 3600).toTimeZone(QTimeZone("America/New_York")).time();
            return t.hour() * 60 + t.minute();
        };
        const auto setWindow = [&](int hours) {
            const int start = minuteIn(hours);
            return setWindows(bob, {{start, (start + 10) % 1440}});
        };
        QVERIFY(setWindow(12).ok);
        const QString message = uuid();
        QCOMPARE(send(alice, message, QStringLiteral("bob")).rows, 1);

        QVERIFY(setWindow(14).ok); // the hub deletes and inserts, then re-times at commit

        const auto held = test::runSql(m_hub.admin().connection(), QStringLiteral(
            "SELECT release_at > clock_timestamp() + interval '13 hours' FROM fermata.messages WHERE uuid = ?"), {message});
        QVERIFY2(held.firstRow.value(0).toBool(), "replacing the windows released the held message");
        QCOMPARE(test::runSql(bob, QStringLiteral("SELECT 1 FROM fermata.released_messages(100) WHERE uuid = ?"), {message}).rows, 0);
    }

    void windowIdsAreTheHubs()
    {
        QSqlDatabase bob = member(QStringLiteral("bob"));
        const QString values = QStringLiteral("(424242, %1, %2, 1, 600, 630, 'UTC')").arg(m_alpha).arg(m_ids[QStringLiteral("bob")]);
        for (const QString &insert : {QStringLiteral("INSERT INTO fermata.windows (id, team_id, member_id, day_mask, start_minute, end_minute, time_zone) VALUES "),
                                      QStringLiteral("INSERT INTO fermata.windows (id, team_id, member_id, day_mask, start_minute, end_minute, time_zone) OVERRIDING SYSTEM VALUE VALUES ")}) {
            const auto tried = test::runSql(bob, insert + values);
            QVERIFY2(!tried.ok, qPrintable(insert));
        }
        const auto taken = test::runSql(m_hub.admin().connection(), QStringLiteral("SELECT 1 FROM fermata.windows WHERE id = 424242"));
        QCOMPARE(taken.rows, 0);
    }

    // No member can take a lock that blocks others: they hold no table rights that allow one
    // (windows change through replace_windows(), messages through column grants). A member who
    // still opens a transaction and walks away is ended by the server after 15 s.
    void noMemberCanLockATableOthersNeed_data()
    {
        QTest::addColumn<QString>("table");
        for (const auto *table : {"windows", "messages", "members", "teams", "changes", "hub", "commitments"})
            QTest::newRow(table) << QString::fromLatin1(table);
    }

    void noMemberCanLockATableOthersNeed()
    {
        QFETCH(QString, table);
        QSqlDatabase bob = member(QStringLiteral("bob"));
        for (const auto *mode : {"ACCESS EXCLUSIVE", "EXCLUSIVE", "SHARE"}) {
            QVERIFY(test::runSql(bob, QStringLiteral("BEGIN")).ok);
            const auto locked = test::runSql(bob, QStringLiteral("LOCK TABLE fermata.%1 IN %2 MODE").arg(table, QLatin1String(mode)));
            (void)test::runSql(bob, QStringLiteral("ROLLBACK"));
            QVERIFY2(!locked.ok, qPrintable(QStringLiteral("bob locked %1 in %2 mode").arg(table, QLatin1String(mode))));
            QVERIFY2(locked.error.contains(QStringLiteral("permission denied")), qPrintable(locked.error));
        }
    }

    void anIdleTransactionIsEnded()
    {
        QSqlDatabase bob = member(QStringLiteral("bob"));
        QVERIFY(test::runSql(bob, QStringLiteral("BEGIN")).ok);
        QVERIFY(test::runSql(bob, QStringLiteral("SELECT pg_current_xact_id()")).ok);
        // Asking the session anything would count as activity: watch it from the admin's side.
        QVERIFY(QTest::qWaitFor([&] {
            return test::runSql(m_hub.admin().connection(), QStringLiteral(
                "SELECT 1 FROM pg_stat_activity WHERE usename = ? AND state LIKE 'idle in transaction%'"),
                {m_roles[QStringLiteral("bob")]}).rows == 0;
        }, 30000));
        QVERIFY(!test::runSql(bob, QStringLiteral("SELECT 1")).ok);
    }

    // Nudges go to a channel only the team can name: carol (Beta) listening on the old,
    // guessable name hears nothing when Alpha is active; bob on Alpha's channel does.
    void anotherTeamCannotOverhearNudges()
    {
        QSqlDatabase carol = member(QStringLiteral("carol"));
        QSqlDatabase bob = member(QStringLiteral("bob"));
        const auto hidden = test::runSql(carol, QStringLiteral("SELECT channel FROM fermata.teams WHERE id = %1").arg(m_alpha));
        QVERIFY(!hidden.ok);
        const auto own = test::runSql(bob, QStringLiteral("SELECT fermata.my_channel()"));
        QCOMPARE(own.rows, 1);
        const QString channel = own.firstRow.value(0).toString();
        QVERIFY2(channel.size() > 30 && channel != QStringLiteral("fermata_team_%1").arg(m_alpha), qPrintable(channel));

        QStringList heardByCarol, heardByBob;
        QVERIFY(carol.driver()->subscribeToNotification(QStringLiteral("fermata_team_%1").arg(m_alpha)));
        QObject::connect(carol.driver(), &QSqlDriver::notification, carol.driver(),
                         [&](const QString &name) { heardByCarol.append(name); });
        QVERIFY(bob.driver()->subscribeToNotification(channel));
        QObject::connect(bob.driver(), &QSqlDriver::notification, bob.driver(),
                         [&](const QString &name) { heardByBob.append(name); });
        // An urgent message is released at once, so it nudges the team.
        QCOMPARE(test::runSql(member(QStringLiteral("alice")), QStringLiteral(
            "SELECT fermata.send_message(?, 'now', 'x', true, ?)"), {uuid(), m_roles[QStringLiteral("bob")]}).rows, 1);
        QTRY_VERIFY_WITH_TIMEOUT(!heardByBob.isEmpty(), 10000);
        // Then a nudge on carol's own team: the server delivers a session's notifications in
        // commit order, so once she hears hers, Alpha's would have come first had she overheard.
        const auto beta = test::runSql(carol, QStringLiteral("SELECT fermata.my_channel()"));
        QCOMPARE(beta.rows, 1);
        const QString betaChannel = beta.firstRow.value(0).toString();
        QVERIFY(carol.driver()->subscribeToNotification(betaChannel));
        QVERIFY(test::runSql(carol, QStringLiteral(
            "SELECT fermata.replace_windows(false, '[{\"days\": 1, \"start\": 60, \"end\": 120, \"zone\": \"Asia/Tokyo\"}]')")).ok);
        QTRY_VERIFY_WITH_TIMEOUT(heardByCarol.contains(betaChannel), 10000);
        QCOMPARE(heardByCarol, QStringList{betaChannel});
    }

    // A member holding a transaction open (with an id, or with their own unsent message in
    // it) no longer freezes anyone else's change feed: another team's delivery, and a
    // teammate's own, reach the sender within the lag target of 1 s.
    void anOpenTransactionFreezesOnlyItsOwnFeed()
    {
        QSqlDatabase bob = member(QStringLiteral("bob"));
        QVERIFY(test::runSql(bob, QStringLiteral("BEGIN")).ok);
        QVERIFY(test::runSql(bob, QStringLiteral("SELECT pg_current_xact_id()")).ok);
        QCOMPARE(send(bob, uuid(), QStringLiteral("alice")).rows, 1); // uncommitted: his own feed waits

        for (const auto &[from, to] : {std::pair{QStringLiteral("carol"), QStringLiteral("dave")},
                                       std::pair{QStringLiteral("alice"), QStringLiteral("bob")}}) {
            QSqlDatabase sender = member(from);
            const qint64 cursor = feedEnd(sender);
            const QString message = uuid();
            QElapsedTimer clock;
            clock.start();
            QCOMPARE(send(sender, message, to).rows, 1);
            QVERIFY(QTest::qWaitFor([&] {
                return test::runSql(sender, QStringLiteral("SELECT 1 FROM fermata.my_changes(?, 0, 100) WHERE message_uuid = ?"),
                                    {cursor, message}).rows == 1;
            }, 1000));
            qInfo("%s saw her own change after %lld ms while bob held a transaction open",
                  qPrintable(from), clock.elapsed());
        }
        (void)test::runSql(bob, QStringLiteral("ROLLBACK"));
    }

    // The feed never hands a reader a row past one that commits later: bob's transaction
    // writes to his own feed and stays open while others commit; his feed stops short of it,
    // and once it commits its row arrives after the cursor he already holds.
    void aLateCommitNeverSlipsBehindTheCursor()
    {
        QSqlDatabase writer = member(QStringLiteral("bob"));
        QSqlDatabase reader = member(QStringLiteral("bob"));
        QSqlDatabase alice = member(QStringLiteral("alice"));
        const QString late = uuid();
        QVERIFY(test::runSql(writer, QStringLiteral("BEGIN")).ok);
        QCOMPARE(send(writer, late, QStringLiteral("alice")).rows, 1);
        // Later commits to bob's feed: alice confirms a message bob sent her earlier.
        const QString early = uuid();
        QCOMPARE(test::runSql(member(QStringLiteral("bob")), QStringLiteral(
            "SELECT fermata.send_message(?, 'early', 'x', true, ?)"), {early, m_roles[QStringLiteral("alice")]}).rows, 1);
        QCOMPARE(test::runSql(alice, QStringLiteral("SELECT fermata.mark_delivered(ARRAY[?]::uuid[])"), {early}).firstRow.value(0).toInt(), 1);
        // bob's reader walks his feed to its end while the late transaction is open.
        qint64 ordinal = 0;
        qint64 seq = 0;
        QStringList seen;
        for (int i = 0; i < 3; ++i) {
            const auto page = test::runSql(reader, QStringLiteral(
                "SELECT ordinal::text || ':' || seq::text || ':' || coalesce(message_uuid::text, '') "
                "FROM fermata.my_changes(?, ?, 1000)"), {ordinal, seq});
            QVERIFY2(page.ok, qPrintable(page.error));
            for (const QString &row : page.firstColumn) {
                const QStringList parts = row.split(u':');
                ordinal = parts.at(0).toLongLong();
                seq = parts.at(1).toLongLong();
                seen.append(parts.at(2));
            }
        }
        QVERIFY2(!seen.contains(early), "a change committed after an open writer's was handed out past it");
        QVERIFY(test::runSql(writer, QStringLiteral("COMMIT")).ok);
        const auto rest = test::runSql(reader, QStringLiteral(
            "SELECT message_uuid::text FROM fermata.my_changes(?, ?, 1000)"), {ordinal, seq});
        QVERIFY(rest.firstColumn.contains(late));
        QVERIFY(rest.firstColumn.contains(early));
    }

    // Members read and write through the hub's functions only: EXPLAIN shows them nothing of
    // the tables (no row counts of rows they may not see, no planner estimates of subjects).
    void explainShowsNothingOfOtherTeams()
    {
        QSqlDatabase carol = member(QStringLiteral("carol"));
        QVERIFY(test::runSql(carol, QStringLiteral("SET enable_seqscan = off")).ok);
        for (const auto *statement : {"EXPLAIN (ANALYZE) SELECT * FROM fermata.messages WHERE recipient_id > 0",
                                      "EXPLAIN SELECT * FROM fermata.messages WHERE subject = 'Layoffs'",
                                      "EXPLAIN (ANALYZE) SELECT * FROM fermata.changes",
                                      "EXPLAIN (ANALYZE) SELECT * FROM fermata.members"}) {
            const auto tried = test::runSql(carol, QString::fromLatin1(statement));
            QVERIFY2(!tried.ok && tried.error.contains(QStringLiteral("permission denied")), statement);
        }
        const auto plan = test::runSql(carol, QStringLiteral("EXPLAIN (ANALYZE) SELECT * FROM fermata.released_messages(100)"));
        QVERIFY2(plan.ok, qPrintable(plan.error));
        const QString text = plan.firstColumn.join(u'\n');
        QVERIFY2(text.contains(QStringLiteral("Function Scan")) && !text.contains(QStringLiteral("messages_pending"))
                     && !text.contains(QStringLiteral("Removed")),
                 qPrintable(text));
    }

    // Logins name nobody: made from nothing a teammate or another team could guess.
    void loginsNameNobody()
    {
        for (auto it = m_roles.cbegin(); it != m_roles.cend(); ++it) {
            QVERIFY2(!it.value().contains(it.key()), qPrintable(it.value()));
            QVERIFY2(it.value().contains(QStringLiteral("m_")) && it.value().size() >= 14, qPrintable(it.value()));
        }
    }

    // No presence: once a superuser ran hub init, a member sees no other session, lock or
    // activity counter on the hub's database; the administrator can still end sessions.
    void membersCannotSeeWhoIsConnected()
    {
        QSqlDatabase alice = member(QStringLiteral("alice"));
        QSqlDatabase bob = member(QStringLiteral("bob"));
        QVERIFY(bob.isOpen());
        // As PostgreSQL ships: alice lists bob's session.
        const auto before = test::runSql(alice, QStringLiteral("SELECT 1 FROM pg_stat_activity WHERE usename = ?"),
                                         {m_roles[QStringLiteral("bob")]});
        QVERIFY2(before.ok && before.rows >= 1, qPrintable(before.error));
        HUB_VERIFY_OK(hubschema::membersSeeSessions(m_hub.admin().connection()));
        QVERIFY(*hubschema::membersSeeSessions(m_hub.admin().connection()));
        QCOMPARE(*hubschema::hideServerActivity(m_hub.admin().connection()), false); // not a superuser: no change

        HubClient super;
        HUB_VERIFY_OK(super.open(m_hub.config(m_hub.cluster().superUser()), m_hub.cluster().superPassword()));
        const Result<bool> hidden = hubschema::hideServerActivity(super.connection());
        HUB_VERIFY_OK(hidden);
        QVERIFY(*hidden);
        QVERIFY(!*hubschema::membersSeeSessions(m_hub.admin().connection()));

        QSqlDatabase again = member(QStringLiteral("alice"));
        for (const auto *probe : {"SELECT usename FROM pg_stat_activity",
                                  "SELECT pid FROM pg_locks",
                                  "SELECT pg_stat_get_backend_userid(b) FROM pg_stat_get_backend_idset() b",
                                  "SELECT n_tup_ins FROM pg_stat_user_tables",
                                  "SELECT * FROM pg_stat_get_activity(NULL)",
                                  // posing as a writer to a teammate's change feed
                                  "SELECT pg_advisory_xact_lock_shared(1718772333, 2)",
                                  "SELECT pg_try_advisory_lock_shared(1718772340, 1)"}) {
            const auto tried = test::runSql(again, QString::fromLatin1(probe));
            QVERIFY2(!tried.ok && tried.error.contains(QStringLiteral("permission denied")),
                     qPrintable(QStringLiteral("%1: %2 rows %3").arg(QLatin1String(probe)).arg(tried.rows).arg(tried.error)));
        }
        // The hub still works for members (the feed reads pg_locks as the hub's owner)...
        QCOMPARE(send(again, uuid(), QStringLiteral("bob")).rows, 1);
        QVERIFY(test::runSql(again, QStringLiteral("SELECT * FROM fermata.my_changes(0, 0, 10)")).ok);
        // ...and the administrator still sees sessions, to end a removed member's.
        QVERIFY(test::runSql(m_hub.admin().connection(), QStringLiteral("SELECT 1 FROM pg_stat_activity WHERE usename = ?"),
                             {m_roles[QStringLiteral("bob")]}).rows >= 1);
    }

    void removedMembersOpenSessionEnds()
    {
        QSqlDatabase carol = member(QStringLiteral("carol"));
        QVERIFY(test::runSql(carol, QStringLiteral("LISTEN anything")).ok);
        HUB_VERIFY_OK(m_hub.admin().removeMember(QStringLiteral("carol@beta.example")));
        const auto after = test::runSql(carol, QStringLiteral("SELECT 1"));
        QVERIFY2(!after.ok, "the removed member's session is still connected");
    }

private:
    // Sends through the hub's function; one row with the release time, or none when refused.
    test::SqlOutcome send(const QSqlDatabase &db, const QString &message, const QString &to)
    {
        return test::runSql(db, QStringLiteral("SELECT r FROM fermata.send_message(?, 'subject', 'x', false, ?) r "
                                               "WHERE r IS NOT NULL"), {message, m_roles[to]});
    }

    // The end of the member's change feed now, as an ordinal to read past.
    static qint64 feedEnd(const QSqlDatabase &db)
    {
        const auto last = test::runSql(db, QStringLiteral("SELECT coalesce(max(ordinal), 0) FROM fermata.my_changes(0, 0, 5000)"));
        return last.firstRow.value(0).toLongLong();
    }

    // Replaces `db`'s member's windows through the hub's function: {start, end} minutes of the
    // day in America/New_York, every day.
    static test::SqlOutcome setWindows(const QSqlDatabase &db, const QList<std::pair<int, int>> &windows)
    {
        QStringList list;
        for (const auto &[start, end] : windows)
            list.append(QStringLiteral("{\"days\": 127, \"start\": %1, \"end\": %2, \"zone\": \"America/New_York\"}")
                            .arg(start).arg(end));
        return test::runSql(db, QStringLiteral("SELECT fermata.replace_windows(false, ?::jsonb)"),
                            {QStringLiteral("[%1]").arg(list.join(u','))});
    }

    // A fresh connection as the member `key` (the server may have ended an earlier one).
    QSqlDatabase member(const QString &key)
    {
        const QString name = QStringLiteral("%1-%2").arg(key).arg(++m_connections);
        QSqlDatabase db = m_hub.connect(name, m_roles[key], m_passwords[key]);
        if (!db.isOpen())
            qWarning("cannot connect as %s", qPrintable(key));
        return db;
    }

    test::HubFixture m_hub;
    int m_connections = 0;
    qint64 m_alpha = 0;
    QMap<QString, qint64> m_ids;
    QMap<QString, QString> m_roles;
    QMap<QString, QString> m_passwords;
};

QTEST_GUILESS_MAIN(TestHubHostile)
#include "tst_hubhostile.moc"
