#include "storage/migrations.h"

#include "storage/databasefile.h"
#include "storage/sqlhelpers.h"

#include <QCoreApplication>
#include <QSqlQuery>

namespace {

// Messages people read, filed under the storage context of the core's translations.
struct Text
{
    Q_DECLARE_TR_FUNCTIONS(fermata::Storage)
};

} // namespace

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
    // v9: recurring events as rules, expanded on demand for any range (calendar/
    // calendarseriesquery.h) instead of rows for a rolling horizon. calendar_series: one row per
    // recurring VEVENT (DTSTART, span, RRULEs, RDATEs, EXDATEs encoded in rule; first_ms and
    // last_ms, NULL when it never ends, say which ranges it can reach; hash skips identical
    // series on re-import). Overrides stay rows of calendar_events, with the occurrence they
    // replace (recurrence_ms) and a THISANDFUTURE change (range_change). Buffers set on one
    // occurrence of a series: calendar_occurrence_edits. A calendar's own VTIMEZONEs:
    // calendar_zones. calendar_sources: a hash of what each source last imported, so an
    // unchanged calendar is not read again. Rows expanded by earlier versions stay valid; the
    // next import of their calendar replaces them with its series.
    {
        QStringList series{
            QStringLiteral("ALTER TABLE calendar_events ADD COLUMN recurrence_ms INTEGER"),
            QStringLiteral("ALTER TABLE calendar_events ADD COLUMN range_change TEXT"),
            QStringLiteral("CREATE INDEX calendar_events_recurrence ON calendar_events(recurrence_ms)"
                           " WHERE recurrence_ms IS NOT NULL"),
            QStringLiteral("CREATE INDEX calendar_events_range_change ON calendar_events(source)"
                           " WHERE range_change IS NOT NULL"),
            QStringLiteral(
                "CREATE TABLE calendar_series ("
                " id INTEGER PRIMARY KEY AUTOINCREMENT,"
                " source TEXT NOT NULL,"
                " uid TEXT NOT NULL,"
                " title TEXT NOT NULL DEFAULT '',"
                " all_day INTEGER NOT NULL DEFAULT 0,"
                " busy INTEGER NOT NULL DEFAULT 1,"
                " zone TEXT NOT NULL,"
                " first_ms INTEGER NOT NULL,"
                " last_ms INTEGER,"
                " rule BLOB NOT NULL,"
                " hash TEXT NOT NULL,"
                " UNIQUE (source, uid))"),
            QStringLiteral("CREATE INDEX calendar_series_first ON calendar_series(first_ms)"),
            QStringLiteral("CREATE INDEX calendar_series_last ON calendar_series(last_ms)"),
            QStringLiteral(
                "CREATE TABLE calendar_occurrence_edits ("
                " source TEXT NOT NULL,"
                " uid TEXT NOT NULL,"
                " series_uid TEXT NOT NULL,"
                " recurrence_ms INTEGER NOT NULL,"
                " buffer_before_minutes INTEGER NOT NULL DEFAULT 0,"
                " buffer_after_minutes INTEGER NOT NULL DEFAULT 0,"
                " PRIMARY KEY (source, uid)) WITHOUT ROWID"),
            QStringLiteral("CREATE INDEX calendar_occurrence_edits_recurrence"
                           " ON calendar_occurrence_edits(recurrence_ms)"),
            QStringLiteral(
                "CREATE TABLE calendar_zones ("
                " name TEXT PRIMARY KEY NOT NULL,"
                " definition TEXT NOT NULL) WITHOUT ROWID"),
            QStringLiteral(
                "CREATE TABLE calendar_sources ("
                " source TEXT PRIMARY KEY NOT NULL,"
                " content_hash TEXT NOT NULL DEFAULT '',"
                " report TEXT NOT NULL DEFAULT '') WITHOUT ROWID"),
            // A removed subscription takes its series along, as it takes its rows.
            QStringLiteral(
                "CREATE TRIGGER calendar_subscriptions_removed AFTER DELETE ON calendar_subscriptions"
                " BEGIN"
                " DELETE FROM calendar_series WHERE source = OLD.name;"
                " DELETE FROM calendar_occurrence_edits WHERE source = OLD.name;"
                " DELETE FROM calendar_sources WHERE source = OLD.name;"
                " END"),
        };
        // What the views show changes with these: the calendar topic (calendar_zones and
        // calendar_sources change only along with them).
        for (const QString &table : {QStringLiteral("calendar_series"), QStringLiteral("calendar_occurrence_edits")}) {
            for (const QString &event : {QStringLiteral("INSERT"), QStringLiteral("UPDATE"), QStringLiteral("DELETE")}) {
                series.append(QStringLiteral("CREATE TRIGGER %1_%2_changed AFTER %3 ON %1 "
                                             "BEGIN UPDATE data_changes SET version = version + 1 "
                                             "WHERE topic = 'calendar'; END")
                                  .arg(table, event.toLower(), event));
            }
        }
        list.append(Step{9, series});
    }
    // v10: two-way CalDAV (core/caldav). caldav_accounts: server, user (the password is in the
    // keychain), what discovery found, the marker of the events this account writes, sync state.
    // caldav_calendars: the account's calendars as last listed, which are read and which one
    // receives focus blocks, sync token and the calendar_events source they were imported as.
    // caldav_resources: a copy of each read calendar's resources (href, ETag, iCalendar), so a
    // sync-collection delta re-imports the whole calendar with the file import's rules.
    // caldav_blocks: each event Fermata writes (one per focus block; block_id NULL: to delete),
    // its UID and href chosen and committed before the first PUT, so a retry never duplicates.
    // caldav_leases: which process syncs an account right now (no change tracking: renewed often).
    {
        QStringList caldav{
            QStringLiteral(
                "CREATE TABLE caldav_accounts ("
                " id INTEGER PRIMARY KEY AUTOINCREMENT,"
                " name TEXT NOT NULL UNIQUE,"
                " url TEXT NOT NULL,"
                " user_name TEXT NOT NULL,"
                " principal_url TEXT NOT NULL DEFAULT '',"
                " home_url TEXT NOT NULL DEFAULT '',"
                " instance TEXT NOT NULL,"
                " block_title TEXT NOT NULL DEFAULT 'Focus',"
                " created_ms INTEGER,"
                " last_attempt_ms INTEGER,"
                " last_success_ms INTEGER,"
                " last_error TEXT NOT NULL DEFAULT '')"),
            QStringLiteral(
                "CREATE TABLE caldav_calendars ("
                " id INTEGER PRIMARY KEY AUTOINCREMENT,"
                " account_id INTEGER NOT NULL REFERENCES caldav_accounts(id) ON DELETE CASCADE,"
                " href TEXT NOT NULL,"
                " display_name TEXT NOT NULL DEFAULT '',"
                " color TEXT NOT NULL DEFAULT '',"
                " writable INTEGER NOT NULL DEFAULT 1,"
                " on_server INTEGER NOT NULL DEFAULT 1,"
                " is_read INTEGER NOT NULL DEFAULT 0,"
                " receives_blocks INTEGER NOT NULL DEFAULT 0,"
                " sync_token TEXT NOT NULL DEFAULT '',"
                " ctag TEXT NOT NULL DEFAULT '',"
                " source TEXT NOT NULL DEFAULT '',"
                " event_count INTEGER NOT NULL DEFAULT 0,"
                " last_sync_ms INTEGER,"
                " UNIQUE (account_id, href))"),
            QStringLiteral("CREATE UNIQUE INDEX caldav_calendars_blocks ON caldav_calendars(account_id)"
                           " WHERE receives_blocks = 1"),
            QStringLiteral(
                "CREATE TABLE caldav_resources ("
                " calendar_id INTEGER NOT NULL REFERENCES caldav_calendars(id) ON DELETE CASCADE,"
                " href TEXT NOT NULL,"
                " etag TEXT NOT NULL DEFAULT '',"
                " data BLOB NOT NULL,"
                " is_own INTEGER NOT NULL DEFAULT 0,"
                " PRIMARY KEY (calendar_id, href))"),
            QStringLiteral(
                "CREATE TABLE caldav_blocks ("
                " id INTEGER PRIMARY KEY AUTOINCREMENT,"
                " account_id INTEGER NOT NULL REFERENCES caldav_accounts(id) ON DELETE CASCADE,"
                " calendar_href TEXT NOT NULL,"
                " uid TEXT NOT NULL,"
                " href TEXT NOT NULL,"
                " block_id INTEGER,"
                " task_id INTEGER,"
                " etag TEXT NOT NULL DEFAULT '',"
                " written_hash TEXT NOT NULL DEFAULT '',"
                " start_ms INTEGER,"
                " end_ms INTEGER)"),
            QStringLiteral("CREATE INDEX caldav_blocks_account ON caldav_blocks(account_id, block_id)"),
            QStringLiteral(
                "CREATE TABLE caldav_leases ("
                " account_id INTEGER PRIMARY KEY REFERENCES caldav_accounts(id) ON DELETE CASCADE,"
                " owner TEXT NOT NULL,"
                " until_ms INTEGER NOT NULL)"),
            QStringLiteral("INSERT INTO data_changes (topic) VALUES ('caldav')"),
        };
        for (const QString &table : {QStringLiteral("caldav_accounts"), QStringLiteral("caldav_calendars")}) {
            for (const QString &event : {QStringLiteral("INSERT"), QStringLiteral("UPDATE"), QStringLiteral("DELETE")}) {
                caldav.append(QStringLiteral("CREATE TRIGGER %1_%2_changed AFTER %3 ON %1 "
                                             "BEGIN UPDATE data_changes SET version = version + 1 "
                                             "WHERE topic = 'caldav'; END")
                                  .arg(table, event.toLower(), event));
            }
        }
        list.append(Step{10, caldav});
    }
    // v11: shared commitments (core/team/commitmentservice.h). my_commitments: my tasks shared
    // with my team, one row per task (no foreign key: a deleted task is still told to the team,
    // as dropped), with the state last computed for the hub (title, estimate, due, status, the
    // day the planned work ends in my zone, my public note) and a revision that every change to
    // the task, its focus blocks or its focus sessions raises, in the writer's transaction, so
    // whichever process holds the hub connection pushes it (pushed_revision: what the hub has).
    // shared 0: unshared, the hub's copy waits to be withdrawn. team_commitments: the last copy
    // of my teammates' commitments from the hub. Both raise the team topic.
    {
        QStringList commitments{
            QStringLiteral(
                "CREATE TABLE my_commitments ("
                " task_id INTEGER PRIMARY KEY,"
                " uuid TEXT NOT NULL UNIQUE,"
                " public_note TEXT NOT NULL DEFAULT '',"
                " shared INTEGER NOT NULL DEFAULT 1,"
                " revision INTEGER NOT NULL DEFAULT 1,"
                " pushed_revision INTEGER NOT NULL DEFAULT 0,"
                " title TEXT NOT NULL DEFAULT '',"
                " estimate_minutes INTEGER NOT NULL DEFAULT 0,"
                " due_ms INTEGER,"
                " status TEXT NOT NULL DEFAULT 'planned',"
                " finish_day TEXT)"),
            QStringLiteral(
                "CREATE TABLE team_commitments ("
                " uuid TEXT PRIMARY KEY NOT NULL,"
                " owner_id INTEGER NOT NULL,"
                " owner_role TEXT NOT NULL,"
                " title TEXT NOT NULL,"
                " estimate_minutes INTEGER NOT NULL,"
                " due_ms INTEGER,"
                " status TEXT NOT NULL,"
                " finish_day TEXT,"
                " public_note TEXT NOT NULL DEFAULT '')"),
            QStringLiteral(
                "CREATE TRIGGER my_commitments_follow_task AFTER UPDATE ON tasks"
                " WHEN OLD.title IS NOT NEW.title OR OLD.estimate_minutes IS NOT NEW.estimate_minutes"
                " OR OLD.deadline_ms IS NOT NEW.deadline_ms OR OLD.done IS NOT NEW.done"
                " BEGIN UPDATE my_commitments SET revision = revision + 1 WHERE task_id = NEW.id; END"),
            QStringLiteral(
                "CREATE TRIGGER my_commitments_follow_task_delete AFTER DELETE ON tasks"
                " BEGIN UPDATE my_commitments SET revision = revision + 1 WHERE task_id = OLD.id; END"),
            QStringLiteral(
                "CREATE TRIGGER my_commitments_follow_block_insert AFTER INSERT ON focus_blocks"
                " BEGIN UPDATE my_commitments SET revision = revision + 1 WHERE task_id = NEW.task_id; END"),
            QStringLiteral(
                "CREATE TRIGGER my_commitments_follow_block_update AFTER UPDATE ON focus_blocks"
                " WHEN OLD.task_id IS NOT NEW.task_id OR OLD.end_ms IS NOT NEW.end_ms"
                " BEGIN UPDATE my_commitments SET revision = revision + 1"
                " WHERE task_id IN (OLD.task_id, NEW.task_id); END"),
            QStringLiteral(
                "CREATE TRIGGER my_commitments_follow_block_delete AFTER DELETE ON focus_blocks"
                " BEGIN UPDATE my_commitments SET revision = revision + 1 WHERE task_id = OLD.task_id; END"),
            QStringLiteral(
                "CREATE TRIGGER my_commitments_follow_session AFTER INSERT ON focus_sessions"
                " WHEN NEW.task_id IS NOT NULL"
                " BEGIN UPDATE my_commitments SET revision = revision + 1 WHERE task_id = NEW.task_id; END"),
        };
        for (const QString &table : {QStringLiteral("my_commitments"), QStringLiteral("team_commitments")}) {
            for (const QString &event : {QStringLiteral("INSERT"), QStringLiteral("UPDATE"), QStringLiteral("DELETE")}) {
                commitments.append(QStringLiteral("CREATE TRIGGER %1_%2_changed AFTER %3 ON %1 "
                                                  "BEGIN UPDATE data_changes SET version = version + 1 "
                                                  "WHERE topic = 'team'; END")
                                       .arg(table, event.toLower(), event));
            }
        }
        list.append(Step{11, commitments});
    }
    // v12: a task may wait for one teammate's commitment (team_commitments.uuid; NULL: none).
    // No foreign key: the team's copy is replaced on every full refresh and a commitment the hub
    // no longer shows must not take the task with it. A column on tasks, so the tasks topic's
    // triggers (step 6) already announce the change.
    list.append(Step{12, {
        QStringLiteral("ALTER TABLE tasks ADD COLUMN after_commitment TEXT"),
    }});
    // v13: who waits for what (hub schema 7). commitment_waiters: the last copy from the hub of
    // which members wait for my team's commitments, mine included. my_waits_pushed: the set of
    // commitments the hub last took as mine to wait for; the open tasks' after_commitment is the
    // set now, so a difference is what the next sync pushes. A task starting or stopping to wait
    // (or done) raises the team topic, so whichever process holds the hub connection pushes it.
    {
        QStringList waits{
            QStringLiteral("CREATE TABLE commitment_waiters ("
                           " uuid TEXT NOT NULL,"
                           " member_id INTEGER NOT NULL,"
                           " PRIMARY KEY (uuid, member_id))"),
            QStringLiteral("CREATE TABLE my_waits_pushed (uuid TEXT PRIMARY KEY NOT NULL)"),
            QStringLiteral("CREATE TRIGGER tasks_waits_insert AFTER INSERT ON tasks"
                           " WHEN NEW.after_commitment IS NOT NULL"
                           " BEGIN UPDATE data_changes SET version = version + 1 WHERE topic = 'team'; END"),
            QStringLiteral("CREATE TRIGGER tasks_waits_update AFTER UPDATE ON tasks"
                           " WHEN OLD.after_commitment IS NOT NEW.after_commitment"
                           " OR (NEW.after_commitment IS NOT NULL AND OLD.done IS NOT NEW.done)"
                           " BEGIN UPDATE data_changes SET version = version + 1 WHERE topic = 'team'; END"),
            QStringLiteral("CREATE TRIGGER tasks_waits_delete AFTER DELETE ON tasks"
                           " WHEN OLD.after_commitment IS NOT NULL"
                           " BEGIN UPDATE data_changes SET version = version + 1 WHERE topic = 'team'; END"),
        };
        for (const QString &event : {QStringLiteral("INSERT"), QStringLiteral("UPDATE"), QStringLiteral("DELETE")}) {
            waits.append(QStringLiteral("CREATE TRIGGER commitment_waiters_%1_changed AFTER %2 ON commitment_waiters "
                                        "BEGIN UPDATE data_changes SET version = version + 1 "
                                        "WHERE topic = 'team'; END")
                             .arg(event.toLower(), event));
        }
        list.append(Step{13, waits});
    }
    // v14: insights (core/insights). focus_block_moves: which blocks had their time changed after
    // they were placed (dragged, resized), written by triggers in the writer's transaction and
    // gone with the block. The indexes keep the per-range aggregates index seeks (IF NOT EXISTS: a
    // file stepped back to an older version by hand keeps indexes on tables it kept).
    list.append(Step{14, {
        QStringLiteral("CREATE TABLE focus_block_moves ("
                       " block_id INTEGER PRIMARY KEY NOT NULL,"
                       " first_start_ms INTEGER,"
                       " moves INTEGER NOT NULL DEFAULT 1)"),
        QStringLiteral("CREATE TRIGGER focus_blocks_moved AFTER UPDATE OF start_ms, end_ms ON focus_blocks"
                       " WHEN OLD.start_ms IS NOT NEW.start_ms OR OLD.end_ms IS NOT NEW.end_ms"
                       " BEGIN INSERT INTO focus_block_moves (block_id, first_start_ms) VALUES (OLD.id, OLD.start_ms)"
                       " ON CONFLICT (block_id) DO UPDATE SET moves = moves + 1; END"),
        QStringLiteral("CREATE TRIGGER focus_blocks_moved_delete AFTER DELETE ON focus_blocks"
                       " BEGIN DELETE FROM focus_block_moves WHERE block_id = OLD.id; END"),
        QStringLiteral("CREATE INDEX IF NOT EXISTS focus_sessions_task ON focus_sessions(task_id, started_ms)"),
        QStringLiteral("CREATE INDEX IF NOT EXISTS focus_sessions_length ON focus_sessions(ended_ms - started_ms)"),
        QStringLiteral("CREATE INDEX IF NOT EXISTS focus_sessions_running ON focus_sessions(started_ms) WHERE ended_ms IS NULL"),
        // Covering, in group order: a year of notifications is counted without a sort, and a short
        // range is a skip-scan over the few sources, verdicts and reasons.
        QStringLiteral("CREATE INDEX IF NOT EXISTS notifications_insights"
                       " ON notifications(source, verdict, reason, received_ms, released_ms)"),
    }});
    return list;
}

Status runStep(const QSqlDatabase &db, const QString &path, const Step &step)
{
    const sql::Target target = sql::Target::file(db, path);
    const QString what = Text::tr("upgrade the data format to version %1").arg(step.version);
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
