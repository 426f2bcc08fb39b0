#include "hubfixture.h"
#include "testsupport.h"

#include <QTest>
#include <QTimeZone>
#include <QUuid>

using namespace fermata;

// The security matrix: four members in two teams (Alpha: alice, a team admin, and bob; Beta:
// carol and dave). Members hold no table rights (hub schema 4): every direct read and write
// of a table must fail, and everything allowed goes through the hub's functions, which must
// refuse what is not the caller's. Every forbidden attempt must fail (an error or no row);
// every allowed one must succeed. bob has a window twelve hours away, so
// messages to him are held; alice and dave have none, so messages to them are released at
// once.
class TestHubSecurity : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void initTestCase()
    {
        test::pinEnvironment();
        QVERIFY2(m_hub.start(), qPrintable(m_hub.errorString()));
        struct Spec { QString key, team, name, email; QByteArray zone; bool admin; };
        const QList<Spec> specs = {
            {QStringLiteral("alice"), QStringLiteral("Alpha"), QStringLiteral("Alice"), QStringLiteral("alice@alpha.example"), "Europe/Berlin", true},
            {QStringLiteral("bob"), QStringLiteral("Alpha"), QStringLiteral("Bob"), QStringLiteral("bob@alpha.example"), "America/New_York", false},
            {QStringLiteral("carol"), QStringLiteral("Beta"), QStringLiteral("Carol"), QStringLiteral("carol@beta.example"), "Asia/Tokyo", true},
            {QStringLiteral("dave"), QStringLiteral("Beta"), QStringLiteral("Dave"), QStringLiteral("dave@beta.example"), "UTC", false},
        };
        for (const Spec &spec : specs) {
            const Result<NewMember> added = m_hub.admin().addMember(spec.team, spec.name, spec.email, spec.zone, spec.admin);
            QVERIFY2(added.isOk(), added.isOk() ? "" : qPrintable(added.error().message));
            m_ids[spec.key] = added->id;
            m_roles[spec.key] = added->role;
            m_passwords[spec.key] = added->password;
            m_db[spec.key] = m_hub.connect(spec.key, added->role, added->password);
            QVERIFY(m_db[spec.key].isOpen());
        }
        QSqlDatabase admin = m_hub.admin().connection();
        const auto teams = test::runSql(admin, QStringLiteral("SELECT id FROM fermata.teams WHERE name = ?"), {QStringLiteral("Alpha")});
        m_vars[QStringLiteral("{A}")] = teams.firstRow.value(0).toString();
        const auto beta = test::runSql(admin, QStringLiteral("SELECT id FROM fermata.teams WHERE name = ?"), {QStringLiteral("Beta")});
        m_vars[QStringLiteral("{B}")] = beta.firstRow.value(0).toString();
        for (auto it = m_ids.cbegin(); it != m_ids.cend(); ++it) {
            m_vars[QLatin1Char('{') + it.key() + QLatin1Char('}')] = QString::number(it.value());
            m_vars[QLatin1Char('{') + it.key() + QStringLiteral("_role}")] = m_roles[it.key()];
        }
        for (int i = 1; i <= 6; ++i)
            m_vars[QStringLiteral("{m%1}").arg(i)] = QUuid::createUuid().toString(QUuid::WithoutBraces);

        // bob's one-minute window, twelve and a half hours from now in his zone: converted from
        // the instant, so still more than the 11 hours checked below when a DST change (a
        // skipped or repeated hour) falls in between, at any hour of any day.
        const QTime start = QDateTime::currentDateTimeUtc().addSecs(12 * 3600 + 30 * 60).toTimeZone(QTimeZone("America/New_York")).time();
        const int minute = start.hour() * 60 + start.minute();
        const auto window = test::runSql(m_db[QStringLiteral("bob")], QStringLiteral(
            "SELECT fermata.replace_windows(false, '[{\"days\": 127, \"start\": %1, \"end\": %2, "
            "\"zone\": \"America/New_York\"}]')").arg(minute).arg((minute + 1) % 1440));
        QVERIFY2(window.ok && window.rows == 1, qPrintable(window.error));
        const auto bobWindow = test::runSql(m_hub.admin().connection(), QStringLiteral("SELECT id FROM fermata.windows WHERE member_id = ?"), {m_ids[QStringLiteral("bob")]});
        m_vars[QStringLiteral("{bob_window}")] = bobWindow.firstRow.value(0).toString();
    }

    void matrix_data()
    {
        QTest::addColumn<QString>("who");
        QTest::addColumn<QString>("sql");
        QTest::addColumn<bool>("allowed");
        auto row = [](const char *name, const char *who, const char *sql, bool allowed) {
            QTest::newRow(name) << QString::fromLatin1(who) << QString::fromLatin1(sql) << allowed;
        };
        const char *send = "INSERT INTO fermata.messages (uuid, sender_id, recipient_id, subject, body) VALUES ";
        // send_message(uuid, subject, body, urgent, recipient login): NULL when refused.
        auto sendVia = [](const char *uuid, const char *subject, const char *to) {
            return QStringLiteral("SELECT 1 WHERE fermata.send_message('%1', '%2', 'b', false, '%3') IS NOT NULL")
                .arg(QLatin1String(uuid), QLatin1String(subject), QLatin1String(to));
        };

        // Members and teams
        row("alice reads her team", "alice", "SELECT 1 FROM fermata.team_members() WHERE id IN ({alice}, {bob}) HAVING count(*) = 2", true);
        row("alice's team list has only Alpha", "alice", "SELECT 1 FROM fermata.team_members() WHERE id IN ({carol}, {dave})", false);
        row("alice reads the members table", "alice", "SELECT 1 FROM fermata.members WHERE id IN ({alice}, {bob})", false);
        row("alice reads Beta's members", "alice", "SELECT 1 FROM fermata.members WHERE team_id = {B}", false);
        row("carol reads Alpha's members", "carol", "SELECT 1 FROM fermata.members WHERE team_id = {A}", false);
        row("carol reads her team", "carol", "SELECT 1 FROM fermata.team_members() WHERE id IN ({carol}, {dave}) HAVING count(*) = 2", true);
        row("carol reads the team Alpha", "carol", "SELECT 1 FROM fermata.teams WHERE id = {A}", false);
        row("alice adds a member row", "alice", "INSERT INTO fermata.members (team_id, role_name, display_name, email, time_zone) VALUES ({A}, 'x', 'X', 'x@x.x', 'UTC')", false);
        row("alice makes herself admin of Beta", "alice", "UPDATE fermata.members SET team_id = {B} WHERE id = {alice}", false);
        row("bob makes himself admin", "bob", "UPDATE fermata.members SET is_admin = true WHERE id = {bob}", false);
        row("alice creates a team", "alice", "INSERT INTO fermata.teams (name) VALUES ('Gamma')", false);
        row("alice calls admin_add_member", "alice", "SELECT * FROM fermata.admin_add_member('Alpha', 'Eve', 'eve@x.x', 'UTC', 'pw', true)", false);
        row("alice calls admin_remove_member", "alice", "SELECT fermata.admin_remove_member('{bob_role}')", false);
        row("carol looks up alice's member id", "carol", "SELECT 1 WHERE fermata.member_id_for('{alice_role}') IS NOT NULL", false);
        row("carol previews a release for bob", "carol", "SELECT 1 WHERE fermata.preview_release({bob}) IS NOT NULL", false);
        row("alice previews a release for bob", "alice", "SELECT 1 WHERE fermata.preview_release({bob}) > (extract(epoch FROM now()) * 1000)", true);
        row("carol computes bob's release directly", "carol", "SELECT fermata.release_for({bob}, now())", false);
        row("alice changes the schema version", "alice", "UPDATE fermata.hub SET schema_version = 0", false);
        row("alice creates a table in the hub schema", "alice", "CREATE TABLE fermata.mine (x int)", false);

        // Windows
        row("alice reads bob's window", "alice", "SELECT 1 FROM fermata.team_windows() WHERE member_id = {bob}", true);
        row("alice reads the windows table", "alice", "SELECT 1 FROM fermata.windows WHERE member_id = {bob}", false);
        row("carol's window list has none of Alpha's", "carol", "SELECT 1 FROM fermata.team_windows() WHERE member_id = {bob}", false);
        row("carol reads Alpha's windows", "carol", "SELECT 1 FROM fermata.windows WHERE team_id = {A}", false);
        // Through replace_windows() only: no member holds table rights that could lock it.
        row("alice sets her own windows", "alice", "SELECT 1 WHERE fermata.replace_windows(false, '[{\"days\": 1, \"start\": 60, \"end\": 120, \"zone\": \"Europe/Berlin\", \"label\": \"mine\"}]') = 1", true);
        row("alice adds her own window directly", "alice", "INSERT INTO fermata.windows (team_id, member_id, day_mask, start_minute, end_minute, time_zone) VALUES ({A}, {alice}, 1, 60, 120, 'Europe/Berlin')", false);
        row("alice edits her own window directly", "alice", "UPDATE fermata.windows SET label = 'x' WHERE member_id = {alice}", false);
        row("alice deletes her own window directly", "alice", "DELETE FROM fermata.windows WHERE member_id = {alice}", false);
        row("alice clears her own windows", "alice", "SELECT 1 WHERE fermata.replace_windows(false, '[]') = 0", true);
        row("alice adds a window for bob", "alice", "INSERT INTO fermata.windows (team_id, member_id, day_mask, start_minute, end_minute, time_zone) VALUES ({A}, {bob}, 1, 60, 120, 'UTC')", false);
        row("alice adds a window in Beta", "alice", "INSERT INTO fermata.windows (team_id, member_id, day_mask, start_minute, end_minute, time_zone) VALUES ({B}, {alice}, 1, 60, 120, 'UTC')", false);
        row("alice edits bob's window", "alice", "UPDATE fermata.windows SET start_minute = 0 WHERE id = {bob_window}", false);
        row("alice moves bob's window to her", "alice", "UPDATE fermata.windows SET member_id = {alice} WHERE id = {bob_window}", false);
        row("alice deletes bob's window", "alice", "DELETE FROM fermata.windows WHERE id = {bob_window}", false);
        row("carol deletes bob's window", "carol", "DELETE FROM fermata.windows WHERE id = {bob_window}", false);
        row("bob adds a team window (not admin)", "bob", "INSERT INTO fermata.windows (team_id, member_id, day_mask, start_minute, end_minute, time_zone) VALUES ({A}, NULL, 1, 60, 120, 'UTC')", false);
        row("bob sets the team windows (not admin)", "bob", "SELECT fermata.replace_windows(true, '[{\"days\": 1, \"start\": 60, \"end\": 120, \"zone\": \"UTC\"}]')", false);
        row("bob's windows list is not a list", "bob", "SELECT fermata.replace_windows(false, '{\"days\": 1}')", false);
        row("carol adds a team window in Alpha", "carol", "INSERT INTO fermata.windows (team_id, member_id, day_mask, start_minute, end_minute, time_zone) VALUES ({A}, NULL, 1, 60, 120, 'UTC')", false);
        row("alice sets a team window (admin)", "alice", "SELECT 1 WHERE fermata.replace_windows(true, '[{\"days\": 64, \"start\": 0, \"end\": 1, \"zone\": \"Pacific/Kiritimati\", \"label\": \"team\"}]') = 1", true);
        row("alice removes the team windows (admin)", "alice", "SELECT 1 WHERE fermata.replace_windows(true, '[]') = 0", true);

        // Sending
        QTest::newRow("alice inserts a message directly") << QStringLiteral("alice") << QString::fromLatin1(send) + QStringLiteral("('{m5}', {alice}, {bob}, 's1', 'b1')") << false;
        QTest::newRow("alice sends to bob (held)") << QStringLiteral("alice") << sendVia("{m1}", "s1", "{bob_role}") << true;
        QTest::newRow("alice sends another to bob") << QStringLiteral("alice") << sendVia("{m4}", "s4", "{bob_role}") << true;
        QTest::newRow("bob sends to alice (released)") << QStringLiteral("bob") << sendVia("{m2}", "s2", "{alice_role}") << true;
        QTest::newRow("carol sends to dave") << QStringLiteral("carol") << sendVia("{m3}", "s3", "{dave_role}") << true;
        QTest::newRow("alice sends to carol via the hub") << QStringLiteral("alice") << sendVia("{m5}", "x", "{carol_role}") << false;
        QTest::newRow("carol reuses alice's uuid") << QStringLiteral("carol") << sendVia("{m1}", "x", "{dave_role}") << false;
        QTest::newRow("alice's retry of m1 returns the first release") << QStringLiteral("alice") << sendVia("{m1}", "s1", "{bob_role}") << true;
        row("alice sends an oversized subject", "alice", "SELECT fermata.send_message(gen_random_uuid(), repeat('x', 1001), 'b', false, '{bob_role}')", false);
        row("carol previews for bob by login", "carol", "SELECT 1 WHERE fermata.preview_release_for('{bob_role}') IS NOT NULL", false);
        row("alice previews for bob by login", "alice", "SELECT 1 WHERE fermata.preview_release_for('{bob_role}') > (extract(epoch FROM now()) * 1000)", true);
        QTest::newRow("alice sends as bob") << QStringLiteral("alice") << QString::fromLatin1(send) + QStringLiteral("('{m5}', {bob}, {alice}, 'x', 'x')") << false;
        QTest::newRow("alice sends to carol (other team)") << QStringLiteral("alice") << QString::fromLatin1(send) + QStringLiteral("('{m5}', {alice}, {carol}, 'x', 'x')") << false;
        QTest::newRow("carol sends to alice (other team)") << QStringLiteral("carol") << QString::fromLatin1(send) + QStringLiteral("('{m5}', {carol}, {alice}, 'x', 'x')") << false;
        row("alice sets the release time herself", "alice", "INSERT INTO fermata.messages (uuid, sender_id, recipient_id, subject, body, release_at) VALUES ('{m6}', {alice}, {bob}, 'x', 'x', now())", false);
        row("alice sets the team herself", "alice", "INSERT INTO fermata.messages (uuid, sender_id, recipient_id, subject, body, team_id) VALUES ('{m6}', {alice}, {bob}, 'x', 'x', {B})", false);
        row("alice's retry of m1 adds nothing", "alice", "INSERT INTO fermata.messages (uuid, sender_id, recipient_id, subject, body) VALUES ('{m1}', {alice}, {bob}, 's1', 'b1') ON CONFLICT (uuid) DO NOTHING", false);
        row("carol overwrites m1 by uuid", "carol", "INSERT INTO fermata.messages (uuid, sender_id, recipient_id, subject, body) VALUES ('{m1}', {carol}, {dave}, 'x', 'x') ON CONFLICT (uuid) DO NOTHING", false);

        // Reading
        row("alice reads her held message", "alice", "SELECT 1 FROM fermata.sent_status(ARRAY['{m1}']::uuid[])", true);
        row("alice reads the messages table", "alice", "SELECT 1 FROM fermata.messages WHERE uuid = '{m1}'", false);
        row("bob reads m1's state as if sent", "bob", "SELECT 1 FROM fermata.sent_status(ARRAY['{m1}']::uuid[])", false);
        row("bob fetches a held message to him", "bob", "SELECT 1 FROM fermata.released_messages(100) WHERE uuid = '{m1}'", false);
        row("carol fetches Alpha's messages", "carol", "SELECT 1 FROM fermata.released_messages(100) WHERE uuid IN ('{m1}', '{m2}')", false);
        row("bob reads a held message to him", "bob", "SELECT 1 FROM fermata.messages WHERE uuid = '{m1}'", false);
        row("bob reads held messages in bulk", "bob", "SELECT 1 FROM fermata.messages WHERE recipient_id = {bob}", false);
        row("alice reads a released message to her", "alice", "SELECT 1 FROM fermata.released_messages(100) WHERE uuid = '{m2}'", true);
        row("bob reads what he sent", "bob", "SELECT 1 FROM fermata.sent_status(ARRAY['{m2}']::uuid[])", true);
        row("carol reads Alpha's messages", "carol", "SELECT 1 FROM fermata.messages WHERE team_id = {A}", false);
        row("dave reads Alpha's messages", "dave", "SELECT 1 FROM fermata.messages WHERE uuid IN ('{m1}', '{m2}')", false);
        row("dave reads carol's message to him", "dave", "SELECT 1 FROM fermata.released_messages(100) WHERE uuid = '{m3}'", true);
        row("bob learns his next release time", "bob", "SELECT 1 WHERE fermata.my_next_release() IS NOT NULL", true);

        // Editing and withdrawing
        row("alice edits her held message directly", "alice", "UPDATE fermata.messages SET body = 'x' WHERE uuid = '{m1}'", false);
        row("alice edits her held message", "alice", "SELECT 1 WHERE fermata.edit_message('{m1}', 's1', 'b1 edited')", true);
        row("alice withdraws a held message", "alice", "SELECT 1 WHERE fermata.withdraw_message('{m4}')", true);
        row("alice edits a withdrawn message", "alice", "SELECT 1 WHERE fermata.edit_message('{m4}', 's4', 'again')", false);
        row("bob edits a message held for him via the hub", "bob", "SELECT 1 WHERE fermata.edit_message('{m1}', 'x', 'x')", false);
        row("bob withdraws a message held for him via the hub", "bob", "SELECT 1 WHERE fermata.withdraw_message('{m1}')", false);
        row("bob edits his released message via the hub", "bob", "SELECT 1 WHERE fermata.edit_message('{m2}', 'x', 'x')", false);
        row("carol edits alice's held message via the hub", "carol", "SELECT 1 WHERE fermata.edit_message('{m1}', 'x', 'x')", false);
        row("alice moves the release time", "alice", "UPDATE fermata.messages SET release_at = now() WHERE uuid = '{m1}'", false);
        row("alice re-addresses her message", "alice", "UPDATE fermata.messages SET recipient_id = {alice} WHERE uuid = '{m1}'", false);
        row("alice deletes her message", "alice", "DELETE FROM fermata.messages WHERE uuid = '{m1}'", false);
        row("bob edits a message held for him", "bob", "UPDATE fermata.messages SET body = 'x' WHERE uuid = '{m1}'", false);
        row("bob withdraws a message held for him", "bob", "UPDATE fermata.messages SET withdrawn_at = now() WHERE uuid = '{m1}'", false);
        row("bob edits his released message", "bob", "UPDATE fermata.messages SET body = 'x' WHERE uuid = '{m2}'", false);
        row("bob withdraws his released message", "bob", "UPDATE fermata.messages SET withdrawn_at = now() WHERE uuid = '{m2}'", false);
        row("alice edits a message she received", "alice", "UPDATE fermata.messages SET body = 'x' WHERE uuid = '{m2}'", false);
        row("carol edits alice's held message", "carol", "UPDATE fermata.messages SET body = 'x' WHERE uuid = '{m1}'", false);

        // Delivery and acknowledgement
        row("bob acknowledges a held message", "bob", "UPDATE fermata.messages SET acknowledged_at = now() WHERE uuid = '{m1}'", false);
        row("bob marks a held message delivered", "bob", "UPDATE fermata.messages SET delivered_at = now() WHERE uuid = '{m1}'", false);
        row("alice acknowledges her own sent message", "alice", "UPDATE fermata.messages SET acknowledged_at = now() WHERE uuid = '{m1}'", false);
        row("bob acknowledges his sent message", "bob", "UPDATE fermata.messages SET acknowledged_at = now() WHERE uuid = '{m2}'", false);
        row("carol acknowledges an Alpha message", "carol", "UPDATE fermata.messages SET acknowledged_at = now() WHERE uuid = '{m2}'", false);
        row("bob acknowledges a held message via the hub", "bob", "SELECT 1 WHERE fermata.acknowledge(ARRAY['{m1}']::uuid[]) > 0", false);
        row("bob confirms a held message via the hub", "bob", "SELECT 1 WHERE fermata.mark_delivered(ARRAY['{m1}']::uuid[]) > 0", false);
        row("bob acknowledges his sent message via the hub", "bob", "SELECT 1 WHERE fermata.acknowledge(ARRAY['{m2}']::uuid[]) > 0", false);
        row("carol acknowledges an Alpha message via the hub", "carol", "SELECT 1 WHERE fermata.acknowledge(ARRAY['{m2}']::uuid[]) > 0", false);
        row("alice marks a received message delivered", "alice", "SELECT 1 WHERE fermata.mark_delivered(ARRAY['{m2}']::uuid[]) = 1", true);
        row("alice acknowledges a received message", "alice", "SELECT 1 WHERE fermata.acknowledge(ARRAY['{m2}']::uuid[]) = 1", true);
        row("alice acknowledges it twice", "alice", "SELECT 1 WHERE fermata.acknowledge(ARRAY['{m2}']::uuid[]) > 0", false);
        row("bob sees the acknowledgement", "bob", "SELECT 1 FROM fermata.sent_status(ARRAY['{m2}']::uuid[]) WHERE acknowledged_ms > (extract(epoch FROM now() - interval '1 hour') * 1000)", true);

        // The change feed
        row("alice reads her feed", "alice", "SELECT 1 FROM fermata.my_changes(0, 0, 100) WHERE message_uuid = '{m1}'", true);
        row("alice reads the changes table", "alice", "SELECT 1 FROM fermata.changes WHERE audience_id = {alice}", false);
        row("bob's feed has none of alice's messages", "bob", "SELECT 1 FROM fermata.my_changes(0, 0, 100) WHERE message_uuid IN ('{m1}', '{m4}')", false);
        row("carol's feed has nothing of Alpha", "carol", "SELECT 1 FROM fermata.my_changes(0, 0, 100) WHERE message_uuid IN ('{m1}', '{m2}', '{m4}')", false);
        row("bob reads alice's feed", "bob", "SELECT 1 FROM fermata.changes WHERE audience_id = {alice}", false);
        row("carol reads Alpha's feed", "carol", "SELECT 1 FROM fermata.changes WHERE team_id = {A}", false);
        row("alice writes to the feed", "alice", "INSERT INTO fermata.changes (team_id, kind) VALUES ({A}, 'x')", false);
        row("carol reads her team's feed", "carol", "SELECT 1 FROM fermata.my_changes(0, 0, 100) WHERE message_uuid = '{m3}'", true);
        row("alice writes changes through the hub's helper", "alice", "SELECT fermata.record_changes({A}, ARRAY[NULL]::bigint[], ARRAY['x'], ARRAY[NULL]::bigint[], ARRAY[NULL]::uuid[])", false);
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
        QVERIFY2(succeeded == allowed,
                 qPrintable(QStringLiteral("%1 as %2: ok=%3 rows=%4 %5").arg(sql, who)
                                .arg(outcome.ok).arg(outcome.rows).arg(outcome.error)));
    }

    void heldMessageStaysHiddenAfterEdits()
    {
        const auto row = test::runSql(m_hub.admin().connection(), QStringLiteral(
            "SELECT body, release_at > now() + interval '11 hours', delivered_at IS NULL FROM fermata.messages WHERE uuid = ?"),
            {m_vars[QStringLiteral("{m1}")]});
        QCOMPARE(row.firstRow.value(0).toString(), QStringLiteral("b1 edited"));
        QVERIFY(row.firstRow.value(1).toBool());
        QVERIFY(row.firstRow.value(2).toBool());
    }

    void removedMemberLosesAccess()
    {
        const Result<QString> removed = m_hub.admin().removeMember(QStringLiteral("dave@beta.example"));
        QVERIFY2(removed.isOk(), removed.isOk() ? "" : qPrintable(removed.error().message));
        QCOMPARE(*removed, m_roles[QStringLiteral("dave")]);
        // The old session is gone or has no rights left; a new login is refused.
        const auto read = test::runSql(m_db[QStringLiteral("dave")], QStringLiteral("SELECT 1 FROM fermata.messages"));
        QVERIFY(!read.ok || read.rows == 0);
        QSqlDatabase again = m_hub.connect(QStringLiteral("dave-again"), m_roles[QStringLiteral("dave")], m_passwords[QStringLiteral("dave")]);
        QVERIFY(!again.isOpen());
        // carol can no longer send to him.
        const auto send = test::runSql(m_db[QStringLiteral("carol")], QStringLiteral(
            "SELECT 1 WHERE fermata.send_message(?, 'x', 'x', false, ?) IS NOT NULL"),
            {QUuid::createUuid().toString(QUuid::WithoutBraces), m_roles[QStringLiteral("dave")]});
        QVERIFY(send.ok && send.rows == 0);
    }

private:
    test::HubFixture m_hub;
    QMap<QString, qint64> m_ids;
    QMap<QString, QString> m_roles;
    QMap<QString, QString> m_passwords;
    QMap<QString, QSqlDatabase> m_db;
    QMap<QString, QString> m_vars;
};

QTEST_GUILESS_MAIN(TestHubSecurity)
#include "tst_hubsecurity.moc"
