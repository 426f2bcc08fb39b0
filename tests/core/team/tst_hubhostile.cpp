// A team member who knows SQL, with their own login and a plain PostgreSQL connection (as psql
// would give them), against a throwaway hub: what they tried, and what must happen instead.
#include "hubfixture.h"
#include "testsupport.h"

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
        const auto sent = test::runSql(alice, QStringLiteral(
            "INSERT INTO fermata.messages (uuid, sender_id, recipient_id, subject, body) VALUES (?, %1, %2, 'late', 'x')")
            .arg(m_ids[QStringLiteral("alice")]).arg(m_ids[QStringLiteral("bob")]), {message});
        QVERIFY2(sent.ok, qPrintable(sent.error));
        QVERIFY(test::runSql(alice, QStringLiteral("COMMIT")).ok);

        const auto release = test::runSql(m_hub.admin().connection(), QStringLiteral(
            "SELECT release_at > clock_timestamp() + interval '23 hours' FROM fermata.messages WHERE uuid = ?"), {message});
        QVERIFY2(release.firstRow.value(0).toBool(), "released before bob's next window");
        const auto read = test::runSql(bob, QStringLiteral("SELECT 1 FROM fermata.messages WHERE uuid = ?"), {message});
        QVERIFY(read.ok);
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
        QVERIFY(test::runSql(alice, QStringLiteral(
            "INSERT INTO fermata.messages (uuid, sender_id, recipient_id, subject, body) VALUES (?, %1, %2, 'held', 'x')")
            .arg(m_ids[QStringLiteral("alice")]).arg(m_ids[QStringLiteral("bob")]), {message}).ok);

        QVERIFY(setWindow(14).ok); // the hub deletes and inserts, then re-times at commit

        const auto held = test::runSql(m_hub.admin().connection(), QStringLiteral(
            "SELECT release_at > clock_timestamp() + interval '13 hours' FROM fermata.messages WHERE uuid = ?"), {message});
        QVERIFY2(held.firstRow.value(0).toBool(), "replacing the windows released the held message");
        QCOMPARE(test::runSql(bob, QStringLiteral("SELECT 1 FROM fermata.messages WHERE uuid = ?"), {message}).rows, 0);
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
        for (const auto *table : {"windows", "messages", "members", "teams", "changes", "hub"})
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
        QVERIFY(hidden.ok);
        QCOMPARE(hidden.rows, 0);
        const auto own = test::runSql(bob, QStringLiteral("SELECT channel FROM fermata.teams WHERE id = %1").arg(m_alpha));
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
        QVERIFY(test::runSql(member(QStringLiteral("alice")), QStringLiteral(
            "INSERT INTO fermata.messages (uuid, sender_id, recipient_id, subject, body, urgent) VALUES (?, %1, %2, 'now', 'x', true)")
            .arg(m_ids[QStringLiteral("alice")]).arg(m_ids[QStringLiteral("bob")]), {uuid()}).ok);
        QTRY_VERIFY_WITH_TIMEOUT(!heardByBob.isEmpty(), 10000);
        // Then a nudge on carol's own team: the server delivers a session's notifications in
        // commit order, so once she hears hers, Alpha's would have come first had she overheard.
        const auto beta = test::runSql(carol, QStringLiteral("SELECT channel FROM fermata.teams"));
        QCOMPARE(beta.rows, 1);
        const QString betaChannel = beta.firstRow.value(0).toString();
        QVERIFY(carol.driver()->subscribeToNotification(betaChannel));
        QVERIFY(test::runSql(carol, QStringLiteral(
            "SELECT fermata.replace_windows(false, '[{\"days\": 1, \"start\": 60, \"end\": 120, \"zone\": \"Asia/Tokyo\"}]')")).ok);
        QTRY_VERIFY_WITH_TIMEOUT(heardByCarol.contains(betaChannel), 10000);
        QCOMPARE(heardByCarol, QStringList{betaChannel});
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
