#include "storage/migrations.h"

#include "storage/databasefile.h"
#include "storage/sqlhelpers.h"

#include <QSqlQuery>

namespace fermata::migrations {

namespace {

// v6: Fermata's application id, for databases made before it was stamped; and one change
// counter per topic, raised by triggers in the writer's own transaction, so every process
// (window, `fermata serve`, commands) can tell what another one changed and reload only that.
QStringList changeTrackingStatements()
{
    QStringList statements{
        QStringLiteral("PRAGMA application_id = %1").arg(databasefile::applicationId),
        QStringLiteral("CREATE TABLE data_changes ("
                       " topic TEXT PRIMARY KEY NOT NULL,"
                       " version INTEGER NOT NULL DEFAULT 0) WITHOUT ROWID"),
    };
    const QList<std::pair<QString, QStringList>> topics = {
        {QStringLiteral("tasks"), {QStringLiteral("tasks"), QStringLiteral("task_dependencies"),
                                   QStringLiteral("task_tags")}},
        {QStringLiteral("calendar"), {QStringLiteral("calendar_events"), QStringLiteral("focus_blocks"),
                                      QStringLiteral("calendar_subscriptions")}},
        {QStringLiteral("inbox"), {QStringLiteral("notifications")}},
        {QStringLiteral("attention"), {QStringLiteral("checkin_windows"), QStringLiteral("attention_state")}},
        {QStringLiteral("focus"), {QStringLiteral("focus_sessions")}},
        {QStringLiteral("team"), {QStringLiteral("messages"), QStringLiteral("hub_sync"),
                                  QStringLiteral("hub_members"), QStringLiteral("hub_windows"),
                                  QStringLiteral("contacts")}},
    };
    for (const auto &[topic, tables] : topics) {
        statements.append(QStringLiteral("INSERT INTO data_changes (topic) VALUES ('%1')").arg(topic));
        for (const QString &table : tables) {
            for (const QString &event : {QStringLiteral("INSERT"), QStringLiteral("UPDATE"),
                                        QStringLiteral("DELETE")}) {
                statements.append(QStringLiteral("CREATE TRIGGER %1_%2_changed AFTER %3 ON %1 "
                                                 "BEGIN UPDATE data_changes SET version = version + 1 "
                                                 "WHERE topic = '%4'; END")
                                      .arg(table, event.toLower(), event, topic));
            }
        }
    }
    return statements;
}

QList<Step> makeSteps()
{
    QList<Step> list;
    // v1: every model type. Instants are INTEGER ms since the epoch (UTC), NULL when unset.
    list.append(Step{1, {
        QStringLiteral(
            "CREATE TABLE tasks ("
            " id INTEGER PRIMARY KEY AUTOINCREMENT,"
            " title TEXT NOT NULL,"
            " notes TEXT NOT NULL DEFAULT '',"
            " estimate_minutes INTEGER NOT NULL,"
            " remaining_minutes INTEGER NOT NULL,"
            " deadline_ms INTEGER,"
            " priority INTEGER NOT NULL,"
            " earliest_start_ms INTEGER,"
            " min_chunk_minutes INTEGER NOT NULL,"
            " max_chunk_minutes INTEGER NOT NULL,"
            " splittable INTEGER NOT NULL,"
            " preferred_day_part TEXT NOT NULL,"
            " done INTEGER NOT NULL DEFAULT 0)"),
        // position keeps QList order (and duplicates) exactly.
        QStringLiteral(
            "CREATE TABLE task_dependencies ("
            " task_id INTEGER NOT NULL REFERENCES tasks(id) ON DELETE CASCADE,"
            " position INTEGER NOT NULL,"
            " depends_on INTEGER NOT NULL REFERENCES tasks(id) ON DELETE CASCADE,"
            " PRIMARY KEY (task_id, position))"),
        QStringLiteral("CREATE INDEX task_dependencies_depends_on"
                       " ON task_dependencies(depends_on)"),
        QStringLiteral(
            "CREATE TABLE task_tags ("
            " task_id INTEGER NOT NULL REFERENCES tasks(id) ON DELETE CASCADE,"
            " position INTEGER NOT NULL,"
            " tag TEXT NOT NULL,"
            " PRIMARY KEY (task_id, position))"),
        QStringLiteral(
            "CREATE TABLE calendar_events ("
            " id INTEGER PRIMARY KEY AUTOINCREMENT,"
            " source TEXT NOT NULL DEFAULT '',"
            " uid TEXT NOT NULL DEFAULT '',"
            " title TEXT NOT NULL DEFAULT '',"
            " start_ms INTEGER,"
            " end_ms INTEGER,"
            " all_day INTEGER NOT NULL DEFAULT 0,"
            " busy INTEGER NOT NULL DEFAULT 1,"
            " buffer_before_minutes INTEGER NOT NULL DEFAULT 0,"
            " buffer_after_minutes INTEGER NOT NULL DEFAULT 0)"),
        QStringLiteral("CREATE INDEX calendar_events_start ON calendar_events(start_ms)"),
        QStringLiteral("CREATE INDEX calendar_events_end ON calendar_events(end_ms)"),
        QStringLiteral("CREATE INDEX calendar_events_uid ON calendar_events(source, uid)"),
        QStringLiteral(
            "CREATE TABLE focus_blocks ("
            " id INTEGER PRIMARY KEY AUTOINCREMENT,"
            " task_id INTEGER NOT NULL REFERENCES tasks(id) ON DELETE CASCADE,"
            " start_ms INTEGER,"
            " end_ms INTEGER,"
            " pinned INTEGER NOT NULL DEFAULT 0)"),
        QStringLiteral("CREATE INDEX focus_blocks_task ON focus_blocks(task_id)"),
        QStringLiteral("CREATE INDEX focus_blocks_start ON focus_blocks(start_ms)"),
        QStringLiteral("CREATE INDEX focus_blocks_end ON focus_blocks(end_ms)"),
        // Wall-clock rule: weekday bit mask (bit 0 = Monday), minutes of the day, IANA zone.
        QStringLiteral(
            "CREATE TABLE checkin_windows ("
            " id INTEGER PRIMARY KEY AUTOINCREMENT,"
            " day_mask INTEGER NOT NULL,"
            " start_minute INTEGER,"
            " end_minute INTEGER,"
            " zone_id TEXT NOT NULL DEFAULT '',"
            " label TEXT NOT NULL DEFAULT '',"
            " scope TEXT NOT NULL DEFAULT 'personal')"),
        QStringLiteral(
            "CREATE TABLE notifications ("
            " id INTEGER PRIMARY KEY AUTOINCREMENT,"
            " source TEXT NOT NULL DEFAULT '',"
            " sender TEXT NOT NULL DEFAULT '',"
            " title TEXT NOT NULL DEFAULT '',"
            " body TEXT NOT NULL DEFAULT '',"
            " urgency TEXT NOT NULL DEFAULT 'normal',"
            " received_ms INTEGER,"
            " released_ms INTEGER)"),
        QStringLiteral("CREATE INDEX notifications_held ON notifications(received_ms)"
                       " WHERE released_ms IS NULL"),
        QStringLiteral(
            "CREATE TABLE messages ("
            " uuid TEXT PRIMARY KEY NOT NULL,"
            " sender TEXT NOT NULL DEFAULT '',"
            " recipient TEXT NOT NULL DEFAULT '',"
            " subject TEXT NOT NULL DEFAULT '',"
            " body TEXT NOT NULL DEFAULT '',"
            " created_ms INTEGER,"
            " release_ms INTEGER,"
            " state TEXT NOT NULL DEFAULT 'draft')"),
        QStringLiteral("CREATE INDEX messages_created ON messages(created_ms)"),
        QStringLiteral(
            "CREATE TABLE contacts ("
            " id INTEGER PRIMARY KEY AUTOINCREMENT,"
            " name TEXT NOT NULL DEFAULT '',"
            " email TEXT NOT NULL DEFAULT '',"
            " time_zone_id TEXT NOT NULL DEFAULT '')"),
    }});
    // v2: the team hub client (core/team). hub_sync: what still has to reach the hub
    // (pending: 0 none, 1 push, 2 edit, 3 withdraw, 4 acknowledge); hub_members and hub_windows:
    // the last copy of the team directory, so the composer works offline; hub_state: account
    // (url, role, ids) and the change-feed cursor. The password is never stored here.
    list.append(Step{2, {
        QStringLiteral(
            "CREATE TABLE hub_sync ("
            " uuid TEXT PRIMARY KEY NOT NULL,"
            " outgoing INTEGER NOT NULL DEFAULT 1,"
            " urgent INTEGER NOT NULL DEFAULT 0,"
            " pending INTEGER NOT NULL DEFAULT 0)"),
        QStringLiteral("CREATE INDEX hub_sync_pending ON hub_sync(pending) WHERE pending <> 0"),
        QStringLiteral(
            "CREATE TABLE hub_members ("
            " id INTEGER PRIMARY KEY,"
            " role TEXT NOT NULL,"
            " name TEXT NOT NULL DEFAULT '',"
            " email TEXT NOT NULL DEFAULT '',"
            " time_zone_id TEXT NOT NULL DEFAULT '',"
            " is_admin INTEGER NOT NULL DEFAULT 0,"
            " active INTEGER NOT NULL DEFAULT 1)"),
        QStringLiteral(
            "CREATE TABLE hub_windows ("
            " id INTEGER PRIMARY KEY,"
            " member_id INTEGER NOT NULL DEFAULT 0,"
            " day_mask INTEGER NOT NULL,"
            " start_minute INTEGER NOT NULL,"
            " end_minute INTEGER NOT NULL,"
            " zone_id TEXT NOT NULL,"
            " label TEXT NOT NULL DEFAULT '')"),
        QStringLiteral(
            "CREATE TABLE hub_state ("
            " key TEXT PRIMARY KEY NOT NULL,"
            " value TEXT NOT NULL DEFAULT '')"),
    }});
    // v3: the attention engine. Each notification keeps its state and the decision taken on
    // arrival; a sender-made uuid makes retries idempotent. A key-value table for rules and
    // the desktop DND state saved before switching it; counted events (early peeks); focus
    // sessions as they really ran.
    list.append(Step{3, {
        QStringLiteral("ALTER TABLE notifications ADD COLUMN uuid TEXT"),
        QStringLiteral("ALTER TABLE notifications ADD COLUMN state TEXT NOT NULL DEFAULT 'held'"),
        QStringLiteral("ALTER TABLE notifications ADD COLUMN verdict TEXT NOT NULL DEFAULT 'hold'"),
        QStringLiteral("ALTER TABLE notifications ADD COLUMN reason TEXT NOT NULL DEFAULT 'outside-window'"),
        QStringLiteral("ALTER TABLE notifications ADD COLUMN reason_detail TEXT NOT NULL DEFAULT ''"),
        QStringLiteral("UPDATE notifications SET state = 'released' WHERE released_ms IS NOT NULL"),
        QStringLiteral("CREATE UNIQUE INDEX notifications_uuid ON notifications(uuid)"
                       " WHERE uuid IS NOT NULL"),
        QStringLiteral("CREATE INDEX notifications_received ON notifications(received_ms)"),
        // The hourly break-through cap is checked on every intake batch: keep it an index seek.
        QStringLiteral("CREATE INDEX notifications_break_through ON notifications(received_ms)"
                       " WHERE verdict = 'deliver' AND reason IN ('critical', 'vip', 'keyword')"),
        QStringLiteral(
            "CREATE TABLE attention_state ("
            " key TEXT PRIMARY KEY NOT NULL,"
            " value TEXT NOT NULL DEFAULT '')"),
        QStringLiteral(
            "CREATE TABLE attention_events ("
            " id INTEGER PRIMARY KEY AUTOINCREMENT,"
            " kind TEXT NOT NULL,"
            " at_ms INTEGER NOT NULL)"),
        QStringLiteral("CREATE INDEX attention_events_kind ON attention_events(kind, at_ms)"),
        QStringLiteral(
            "CREATE TABLE focus_sessions ("
            " id INTEGER PRIMARY KEY AUTOINCREMENT,"
            " task_id INTEGER REFERENCES tasks(id) ON DELETE SET NULL,"
            " started_ms INTEGER NOT NULL,"
            " planned_end_ms INTEGER NOT NULL,"
            " ended_ms INTEGER,"
            " outcome TEXT NOT NULL DEFAULT '')"),
        QStringLiteral("CREATE INDEX focus_sessions_start ON focus_sessions(started_ms)"),
    }});
    // v4: calendar subscriptions (http(s)/webcal ICS addresses). The name is also the source of
    // the subscription's calendar_events; etag/last_modified validate the cached copy; the
    // last attempt, last success and error say how fresh that copy is.
    list.append(Step{4, {
        QStringLiteral(
            "CREATE TABLE calendar_subscriptions ("
            " id INTEGER PRIMARY KEY AUTOINCREMENT,"
            " name TEXT NOT NULL UNIQUE,"
            " url TEXT NOT NULL,"
            " refresh_minutes INTEGER NOT NULL DEFAULT 60,"
            " etag TEXT NOT NULL DEFAULT '',"
            " last_modified TEXT NOT NULL DEFAULT '',"
            " last_attempt_ms INTEGER,"
            " last_success_ms INTEGER,"
            " last_error TEXT NOT NULL DEFAULT '',"
            " event_count INTEGER NOT NULL DEFAULT 0)"),
    }});
    // v5: the longest event bounds how far back a range query must look, so "events
    // overlapping this day" scans a few index entries instead of every earlier event.
    list.append(Step{5, {
        QStringLiteral("CREATE INDEX calendar_events_length ON calendar_events(end_ms - start_ms)"),
    }});
    list.append(Step{6, changeTrackingStatements()});
    // v7: contacts were never used (teammates come from the hub's directory). Dropping the
    // table drops its contacts_*_changed triggers; the team topic keeps its other tables.
    list.append(Step{7, {
        QStringLiteral("DROP TABLE contacts"),
    }});
    // v8: read receipts. A teammate's message in the Inbox (uuid 'team:<message uuid>') that is
    // marked done or archived is acknowledged in the same transaction, whichever process or
    // command changed it: the message reads 'acknowledged' and its hub_sync row waits to tell
    // the hub (pending 4), for whichever process holds the hub connection. My sent messages
    // keep when the hub says they were delivered and read.
    list.append(Step{8, {
        QStringLiteral("ALTER TABLE messages ADD COLUMN delivered_ms INTEGER"),
        QStringLiteral("ALTER TABLE messages ADD COLUMN acknowledged_ms INTEGER"),
        QStringLiteral(
            "CREATE TRIGGER notifications_team_read AFTER UPDATE OF state ON notifications"
            " WHEN NEW.uuid LIKE 'team:%' AND NEW.state IN ('done', 'archived')"
            " AND OLD.state NOT IN ('done', 'archived')"
            " BEGIN"
            " UPDATE hub_sync SET pending = 4"
            "  WHERE uuid = substr(NEW.uuid, 6) AND outgoing = 0 AND pending = 0;"
            " UPDATE messages SET state = 'acknowledged'"
            "  WHERE uuid = substr(NEW.uuid, 6) AND state = 'delivered';"
            " END"),
    }});
    return list;
}

Status runStep(const QSqlDatabase &db, const QString &path, const Step &step)
{
    const sql::Target target = sql::Target::file(db, path);
    const QString what = QStringLiteral("upgrade the data format to version %1").arg(step.version);
    // BEGIN IMMEDIATE takes the write lock up front, so processes opening a new file at the
    // same moment take turns; whoever comes second sees the raised version and skips the step.
    if (Status begun = sql::exec(target, QStringLiteral("BEGIN IMMEDIATE"), {}, what); !begun)
        return begun;
    auto fail = [&](const Status &status) {
        QSqlQuery(db).exec(QStringLiteral("ROLLBACK"));
        return status;
    };
    const Result<QVariant> version = sql::scalar(target, QStringLiteral("PRAGMA user_version"), {}, what);
    if (!version)
        return fail(version.error());
    if (version->toInt() < step.version) {
        for (const QString &statement : step.statements) {
            if (Status done = sql::exec(target, statement, {}, what); !done)
                return fail(done);
        }
        // PRAGMA takes no bound parameters; the version is our own integer.
        if (Status done = sql::exec(target, QStringLiteral("PRAGMA user_version = %1").arg(step.version), {},
                                    what); !done)
            return fail(done);
    }
    if (Status committed = sql::exec(target, QStringLiteral("COMMIT"), {}, what); !committed)
        return fail(committed);
    return {};
}

} // namespace

const QList<Step> &steps()
{
    static const QList<Step> s_steps = makeSteps();
    return s_steps;
}

int latestVersion()
{
    return steps().isEmpty() ? 0 : steps().constLast().version;
}

Status migrate(const QSqlDatabase &db, const QString &path, int currentVersion)
{
    for (const Step &step : steps()) {
        if (step.version <= currentVersion)
            continue;
        if (Status status = runStep(db, path, step); !status)
            return status;
    }
    return {};
}

} // namespace fermata::migrations
