-- Fermata team hub, schema step 4: members reach the hub through functions only, the change
-- feed cannot be frozen by someone else's open transaction, and logins name nobody. Runs in
-- one transaction together with the version bump.

-- ---------------------------------------------------------------------------------------
-- 1. The change feed, commit-ordered per reader, without waiting for unrelated transactions.
--
--    Before: a reader took only rows of transactions older than every running one (the
--    snapshot's xmin), so any member who ran BEGIN; SELECT pg_current_xact_id(); froze every
--    team's feed until that transaction ended.
--
--    Now each change row carries an ordinal, and every writer announces itself before it
--    writes: it takes a shared advisory lock on the feed it writes to (the sender's feed for
--    message changes, the team's feed for windows and members) and then takes
--        ordinal = greatest(xmax of a fresh snapshot, its own transaction id).
--    A reader (my_changes) reads, in three statements and so three snapshots:
--      a. X := xmax of a fresh snapshot;
--      b. H := the lowest transaction id among writers that hold a lock on *its* feeds now
--         (from pg_locks), or X when there is none;
--      c. the committed rows of its feeds with ordinal < least(X, H), past its cursor.
--    A row with ordinal below that horizon cannot commit later: its writer either held the
--    lock at (b) — then H is at most its id, which is at most its ordinal — or took the lock
--    after (b) — then its ordinal is at least X — or had finished before (b), and (c) sees
--    its rows. So no row ever slips behind a cursor, and only writers to the reader's own
--    feeds can hold it back: a member holding a transaction open delays the feed of the
--    people that transaction writes to (their own sent messages, or the sender of a message
--    they confirm), for at most the 15 s idle-in-transaction limit of step 3.
--    Window changes announce themselves only at commit (a deferred trigger), so they hold a
--    team's feed back for milliseconds.
--    Any login may take advisory locks, so a member who guessed a teammate's feed key could
--    pose as a writer and hold that teammate's feed back while keeping a transaction open.
--    hub_privacy.sql (run by `hub init` as a superuser) revokes advisory locks from members.
-- ---------------------------------------------------------------------------------------

ALTER TABLE fermata.changes ADD COLUMN ordinal bigint;
UPDATE fermata.changes SET ordinal = xid::text::bigint; -- old cursors (xid:seq) stay valid
ALTER TABLE fermata.changes ALTER COLUMN ordinal SET NOT NULL;
DROP INDEX fermata.changes_cursor;
CREATE INDEX changes_feed ON fermata.changes (team_id, ordinal, seq);

-- Lock keys: (class, id) pairs of pg_advisory_xact_lock_shared(int, int). The ids are folded
-- into int4; a collision only makes a reader wait for a writer it did not need to wait for.
CREATE FUNCTION fermata.feed_class(team_wide boolean) RETURNS integer
LANGUAGE sql IMMUTABLE AS $$
    SELECT CASE WHEN team_wide THEN 1718772340 ELSE 1718772333 END -- 'feet', 'feem'
$$;
CREATE FUNCTION fermata.feed_key(id bigint) RETURNS integer
LANGUAGE sql IMMUTABLE AS $$
    SELECT (id % 2147483647)::integer
$$;

-- Writes change rows for one team: audience NULL is the whole team, else one member.
-- Every writer goes through here (the triggers and the administration functions).
-- Like the release-time helpers, the functions only the hub's own code calls carry no SET
-- search_path: each SET costs a configuration nesting level per call, and the send path runs
-- a handful of them; they are not granted to anyone, and every name in them is qualified.
CREATE FUNCTION fermata.record_changes(team bigint, audiences bigint[], kinds text[],
                                       member_ids bigint[], uuids uuid[]) RETURNS void
LANGUAGE plpgsql AS $$
DECLARE
    mine bigint := pg_catalog.pg_current_xact_id()::text::bigint; -- an id before the lock
    key record;
    at bigint;
BEGIN
    FOR key IN SELECT DISTINCT a IS NULL AS team_wide, coalesce(a, team) AS id
                 FROM unnest(audiences) AS a ORDER BY 1, 2 LOOP
        PERFORM pg_catalog.pg_advisory_xact_lock_shared(fermata.feed_class(key.team_wide),
                                                        fermata.feed_key(key.id));
    END LOOP;
    at := greatest(pg_catalog.pg_snapshot_xmax(pg_catalog.pg_current_snapshot())::text::bigint, mine);
    INSERT INTO fermata.changes (team_id, audience_id, kind, member_id, message_uuid, ordinal)
    SELECT team, c.audience, c.kind, c.member, c.message, at
      FROM unnest(audiences, kinds, member_ids, uuids) WITH ORDINALITY AS c(audience, kind, member, message, n)
     ORDER BY c.n;
END $$;

-- One row, the same protocol (the send path's shortcut).
CREATE FUNCTION fermata.record_change(team bigint, audience bigint, change_kind text,
                                      member bigint, message uuid) RETURNS void
LANGUAGE plpgsql AS $$
DECLARE
    mine bigint := pg_catalog.pg_current_xact_id()::text::bigint;
BEGIN
    PERFORM pg_catalog.pg_advisory_xact_lock_shared(fermata.feed_class(audience IS NULL),
                                                    fermata.feed_key(coalesce(audience, team)));
    INSERT INTO fermata.changes (team_id, audience_id, kind, member_id, message_uuid, ordinal)
    VALUES (team, audience, change_kind, member, message,
            greatest(pg_catalog.pg_snapshot_xmax(pg_catalog.pg_current_snapshot())::text::bigint, mine));
END $$;

CREATE FUNCTION fermata.xid8_near(x xid, near bigint) RETURNS bigint
LANGUAGE sql IMMUTABLE AS $$
    -- A running transaction's 32-bit id, widened with the epoch of a current 64-bit one.
    SELECT CASE WHEN v > near THEN v - 4294967296 ELSE v END
      FROM (SELECT (near & ~4294967295::bigint) | x::text::bigint AS v) s
$$;

CREATE FUNCTION fermata.my_changes(after_ordinal bigint, after_seq bigint, max_rows integer)
RETURNS TABLE (ordinal bigint, seq bigint, kind text, member_id bigint, message_uuid uuid)
LANGUAGE plpgsql VOLATILE SECURITY DEFINER SET search_path = pg_catalog, pg_temp AS $$
DECLARE
    me bigint := fermata.member_id_for(session_user::text);
    team bigint := fermata.team_id_for(session_user::text);
    horizon bigint;
    writer bigint;
BEGIN
    IF me IS NULL THEN
        RETURN;
    END IF;
    horizon := pg_catalog.pg_snapshot_xmax(pg_catalog.pg_current_snapshot())::text::bigint;
    SELECT min(fermata.xid8_near(t.transactionid, horizon)) INTO writer
      FROM pg_catalog.pg_locks a
      JOIN pg_catalog.pg_locks t
        ON t.virtualtransaction = a.virtualtransaction AND t.locktype = 'transactionid'
       AND t.mode = 'ExclusiveLock' AND t.granted
     WHERE a.locktype = 'advisory' AND a.objsubid = 2
       AND a.database = (SELECT d.oid FROM pg_catalog.pg_database d WHERE d.datname = current_database())
       AND ((a.classid = fermata.feed_class(false)::oid AND a.objid = fermata.feed_key(me)::oid)
         OR (a.classid = fermata.feed_class(true)::oid AND a.objid = fermata.feed_key(team)::oid));
    horizon := least(horizon, coalesce(writer, horizon));
    RETURN QUERY
        SELECT c.ordinal, c.seq, c.kind, c.member_id, c.message_uuid
          FROM fermata.changes c
         WHERE c.team_id = team AND (c.audience_id IS NULL OR c.audience_id = me)
           AND (c.ordinal, c.seq) > (after_ordinal, after_seq) AND c.ordinal < horizon
         ORDER BY c.ordinal, c.seq
         LIMIT greatest(least(max_rows, 5000), 1);
END $$;

CREATE OR REPLACE FUNCTION fermata.messages_after_change() RETURNS trigger
LANGUAGE plpgsql SECURITY DEFINER SET search_path = pg_catalog, pg_temp AS $$
DECLARE
    t record;
BEGIN
    FOR t IN SELECT n.team_id, array_agg(n.sender_id ORDER BY n.uuid) AS senders,
                    array_agg(n.recipient_id ORDER BY n.uuid) AS recipients,
                    array_agg(n.uuid ORDER BY n.uuid) AS uuids,
                    bool_or(TG_OP <> 'INSERT' OR n.release_at <= pg_catalog.clock_timestamp()) AS readable
               FROM new_rows n GROUP BY n.team_id LOOP
        PERFORM fermata.record_changes(t.team_id, t.senders,
                                       array_fill('message'::text, ARRAY[cardinality(t.uuids)]),
                                       t.recipients, t.uuids);
        IF t.readable THEN
            PERFORM fermata.notify_team(t.team_id);
        END IF;
    END LOOP;
    RETURN NULL;
END $$;

CREATE OR REPLACE FUNCTION fermata.window_after_change() RETURNS trigger
LANGUAGE plpgsql SECURITY DEFINER SET search_path = pg_catalog, pg_temp AS $$
DECLARE
    w record;
    at timestamptz := pg_catalog.clock_timestamp();
    team_ids bigint[] := ARRAY[]::bigint[];
    member_ids bigint[] := ARRAY[]::bigint[];
BEGIN
    IF TG_OP <> 'DELETE' THEN
        team_ids := team_ids || NEW.team_id;
        member_ids := member_ids || coalesce(NEW.member_id, 0);
    END IF;
    IF TG_OP <> 'INSERT' THEN
        team_ids := team_ids || OLD.team_id;
        member_ids := member_ids || coalesce(OLD.member_id, 0);
    END IF;
    FOR w IN SELECT DISTINCT t AS team_id, nullif(m, 0) AS member_id
             FROM unnest(team_ids, member_ids) AS u(t, m)
    LOOP
        UPDATE fermata.messages m
           SET release_at = fermata.release_for(m.recipient_id, at)
         WHERE m.release_at > at AND m.delivered_at IS NULL AND m.withdrawn_at IS NULL
           AND NOT m.urgent AND m.team_id = w.team_id
           AND (w.member_id IS NULL OR m.recipient_id = w.member_id);
        PERFORM fermata.record_changes(w.team_id, ARRAY[NULL]::bigint[], ARRAY['windows'],
                                       ARRAY[w.member_id], ARRAY[NULL]::uuid[]);
        PERFORM fermata.notify_team(w.team_id);
    END LOOP;
    RETURN NULL;
END $$;

-- ---------------------------------------------------------------------------------------
-- 2. Members hold no rights on any table; everything they do goes through the functions
--    below. With table rights, a member could read other teams' message counts and release
--    times from EXPLAIN (ANALYZE) row counts ("Rows Removed by Filter" counts rows the
--    row-level security hid) and confirm guessed subjects from planner estimates. A function
--    shows EXPLAIN only its own output. Each function identifies the caller by session_user
--    and decides what they may see and change; the row-level security policies stay as a
--    second wall. Times are the statement's real time (clock_timestamp()), as in step 3.
-- ---------------------------------------------------------------------------------------

-- The caller's team, me included, active or not (hubsql::memberFromRow's columns).
CREATE FUNCTION fermata.team_members()
RETURNS TABLE (id bigint, role_name text, display_name text, email text, time_zone text,
               is_admin boolean, active boolean)
LANGUAGE plpgsql STABLE SECURITY DEFINER SET search_path = pg_catalog, pg_temp AS $$
BEGIN
    RETURN QUERY
        SELECT m.id, m.role_name, m.display_name, m.email, m.time_zone, m.is_admin, m.active
          FROM fermata.members m
         WHERE m.team_id = fermata.team_id_for(session_user::text)
         ORDER BY m.display_name, m.id;
END $$;

-- Every check-in window of the caller's team (hubsql::windowFromRow's columns).
CREATE FUNCTION fermata.team_windows()
RETURNS TABLE (id bigint, member_id bigint, day_mask integer, start_minute integer,
               end_minute integer, time_zone text, label text)
LANGUAGE plpgsql STABLE SECURITY DEFINER SET search_path = pg_catalog, pg_temp AS $$
BEGIN
    RETURN QUERY
        SELECT w.id, coalesce(w.member_id, 0), w.day_mask, w.start_minute, w.end_minute,
               w.time_zone, w.label
          FROM fermata.windows w
         WHERE w.team_id = fermata.team_id_for(session_user::text)
         ORDER BY w.id;
END $$;

-- The channel the caller's team is nudged on (step 3: a name only the team can read).
CREATE FUNCTION fermata.my_channel() RETURNS text
LANGUAGE plpgsql STABLE SECURITY DEFINER SET search_path = pg_catalog, pg_temp AS $$
BEGIN
    RETURN (SELECT t.channel FROM fermata.teams t WHERE t.id = fermata.team_id_for(session_user::text));
END $$;

-- Sends a message to a teammate, by their login. Idempotent: sending the same uuid again
-- (a retry after a lost reply, or after a failover) inserts nothing and returns the first
-- release time. Returns the release time in ms since the epoch; NULL when the recipient is
-- not an active teammate or the uuid belongs to someone else's message.
-- It records the sender's change itself (members insert only through here), which keeps
-- the transition-table trigger off the insert path: the hub's insert rate is its cost.
CREATE FUNCTION fermata.send_message(message uuid, new_subject text, new_body text,
                                     is_urgent boolean, recipient_role text) RETURNS bigint
LANGUAGE plpgsql VOLATILE SECURITY DEFINER SET search_path = pg_catalog, pg_temp AS $$
DECLARE
    me bigint;
    team bigint;
    recipient bigint;
    released timestamptz;
BEGIN
    IF length(new_subject) > 1000 OR length(new_body) > 100000 THEN
        RAISE EXCEPTION 'a subject holds at most 1000 characters and a message at most 100000'
            USING ERRCODE = 'string_data_right_truncation';
    END IF;
    -- The caller by their login (member_id_for inlined: session_user is its own role).
    SELECT s.id, r.id, r.team_id INTO me, recipient, team
      FROM fermata.members s
      LEFT JOIN fermata.members r ON r.role_name = recipient_role AND r.active AND r.team_id = s.team_id
     WHERE s.role_name = session_user::text AND s.active;
    IF me IS NULL THEN
        RAISE EXCEPTION 'only a member of this hub sends messages here'
            USING ERRCODE = 'insufficient_privilege';
    END IF;
    IF recipient IS NULL THEN
        RETURN NULL;
    END IF;
    INSERT INTO fermata.messages (uuid, sender_id, recipient_id, subject, body, urgent)
    VALUES (message, me, recipient, new_subject, new_body, is_urgent)
    ON CONFLICT (uuid) DO NOTHING
    RETURNING release_at INTO released;
    IF released IS NULL THEN
        SELECT m.release_at INTO released FROM fermata.messages m
         WHERE m.uuid = message AND m.sender_id = me;
    ELSE
        PERFORM fermata.record_change(team, me, 'message', recipient, message);
        IF released <= pg_catalog.clock_timestamp() THEN
            PERFORM fermata.notify_team(team); -- readable now: nudge (held ones need none)
        END IF;
    END IF;
    RETURN (extract(epoch FROM released) * 1000)::bigint;
END $$;
DROP TRIGGER messages_after_insert ON fermata.messages;

-- The per-message helpers on the send path, without SECURITY DEFINER or SET: members can no
-- longer insert (only send_message(), which runs as the hub's owner, does), and nobody is
-- granted release_for().
CREATE OR REPLACE FUNCTION fermata.message_before_insert() RETURNS trigger
LANGUAGE plpgsql AS $$
DECLARE
    at timestamptz := pg_catalog.clock_timestamp();
BEGIN
    NEW.team_id := (SELECT m.team_id FROM fermata.members m WHERE m.id = NEW.sender_id);
    NEW.created_at := at;
    NEW.release_at := CASE WHEN NEW.urgent THEN at ELSE fermata.release_for(NEW.recipient_id, at) END;
    NEW.delivered_at := NULL;
    NEW.acknowledged_at := NULL;
    NEW.withdrawn_at := NULL;
    RETURN NEW;
END $$;
CREATE OR REPLACE FUNCTION fermata.release_for(recipient bigint, after timestamptz) RETURNS timestamptz
LANGUAGE plpgsql STABLE AS $$
DECLARE
    masks integer[];
    starts integer[];
    ends integer[];
    zones text[];
BEGIN
    SELECT array_agg(w.day_mask ORDER BY w.id), array_agg(w.start_minute ORDER BY w.id),
           array_agg(w.end_minute ORDER BY w.id), array_agg(w.time_zone ORDER BY w.id)
      INTO masks, starts, ends, zones
      FROM fermata.members m
      JOIN fermata.windows w
        ON w.team_id = m.team_id AND (w.member_id = m.id OR w.member_id IS NULL)
     WHERE m.id = recipient;
    RETURN fermata.next_release(after, masks, starts, ends, zones);
END $$;

-- Sends a batch in one call and one transaction (a client catching up after being offline):
-- a JSON list of {"uuid", "to", "subject", "body", "urgent"}; one row per message with its
-- release time, NULL where send_message() refused it.
CREATE FUNCTION fermata.send_messages(batch jsonb)
RETURNS TABLE (uuid text, release_ms bigint)
LANGUAGE plpgsql VOLATILE SECURITY DEFINER SET search_path = pg_catalog, pg_temp AS $$
DECLARE
    m jsonb;
BEGIN
    IF jsonb_typeof(batch) IS DISTINCT FROM 'array' OR jsonb_array_length(batch) > 500 THEN
        RAISE EXCEPTION 'messages come as a list of at most 500'
            USING ERRCODE = 'invalid_parameter_value';
    END IF;
    FOR m IN SELECT e FROM jsonb_array_elements(batch) AS e LOOP
        uuid := m->>'uuid';
        release_ms := fermata.send_message((m->>'uuid')::uuid, m->>'subject', m->>'body',
                                           coalesce((m->>'urgent')::boolean, false), m->>'to');
        RETURN NEXT;
    END LOOP;
END $$;

-- When a message to a teammate (by login) would be released if sent now; NULL otherwise.
CREATE FUNCTION fermata.preview_release_for(recipient_role text) RETURNS bigint
LANGUAGE plpgsql STABLE SECURITY DEFINER SET search_path = pg_catalog, pg_temp AS $$
DECLARE
    recipient bigint := (SELECT r.id FROM fermata.members r
                          WHERE r.role_name = recipient_role AND r.active
                            AND r.team_id = fermata.team_id_for(session_user::text));
BEGIN
    IF recipient IS NULL THEN
        RETURN NULL;
    END IF;
    RETURN (extract(epoch FROM fermata.release_for(recipient, pg_catalog.clock_timestamp())) * 1000)::bigint;
END $$;

-- The sender changes or withdraws a message while it is still held. True when it did.
CREATE FUNCTION fermata.edit_message(message uuid, new_subject text, new_body text) RETURNS boolean
LANGUAGE plpgsql VOLATILE SECURITY DEFINER SET search_path = pg_catalog, pg_temp AS $$
DECLARE
    me bigint := fermata.member_id_for(session_user::text);
    at timestamptz := pg_catalog.clock_timestamp();
BEGIN
    IF length(new_subject) > 1000 OR length(new_body) > 100000 THEN
        RAISE EXCEPTION 'a subject holds at most 1000 characters and a message at most 100000'
            USING ERRCODE = 'string_data_right_truncation';
    END IF;
    UPDATE fermata.messages m SET subject = new_subject, body = new_body
     WHERE m.uuid = message AND m.sender_id = me AND m.release_at > at
       AND m.delivered_at IS NULL AND m.withdrawn_at IS NULL;
    RETURN FOUND;
END $$;

CREATE FUNCTION fermata.withdraw_message(message uuid) RETURNS boolean
LANGUAGE plpgsql VOLATILE SECURITY DEFINER SET search_path = pg_catalog, pg_temp AS $$
DECLARE
    me bigint := fermata.member_id_for(session_user::text);
    at timestamptz := pg_catalog.clock_timestamp();
BEGIN
    UPDATE fermata.messages m SET withdrawn_at = at
     WHERE m.uuid = message AND m.sender_id = me AND m.release_at > at
       AND m.delivered_at IS NULL AND m.withdrawn_at IS NULL;
    RETURN FOUND;
END $$;

-- The state of messages the caller sent.
CREATE FUNCTION fermata.sent_status(uuids uuid[])
RETURNS TABLE (uuid text, subject text, body text, release_ms bigint, delivered_ms bigint,
               acknowledged_ms bigint, withdrawn boolean, urgent boolean)
LANGUAGE plpgsql STABLE SECURITY DEFINER SET search_path = pg_catalog, pg_temp AS $$
BEGIN
    RETURN QUERY
        SELECT m.uuid::text, m.subject, m.body, (extract(epoch FROM m.release_at) * 1000)::bigint,
               (extract(epoch FROM m.delivered_at) * 1000)::bigint,
               (extract(epoch FROM m.acknowledged_at) * 1000)::bigint,
               m.withdrawn_at IS NOT NULL, m.urgent
          FROM fermata.messages m
         WHERE m.sender_id = fermata.member_id_for(session_user::text) AND m.uuid = ANY (uuids);
END $$;

-- Messages released to the caller and not yet confirmed, oldest first (the columns of
-- sql::messageFromRow, then urgent).
CREATE FUNCTION fermata.released_messages(max_rows integer)
RETURNS TABLE (uuid text, sender text, recipient text, subject text, body text,
               created_ms bigint, release_ms bigint, urgent boolean)
LANGUAGE plpgsql STABLE SECURITY DEFINER SET search_path = pg_catalog, pg_temp AS $$
DECLARE
    me bigint := fermata.member_id_for(session_user::text);
BEGIN
    RETURN QUERY
        SELECT m.uuid::text,
               (SELECT s.role_name FROM fermata.members s WHERE s.id = m.sender_id),
               (SELECT r.role_name FROM fermata.members r WHERE r.id = m.recipient_id),
               m.subject, m.body,
               (extract(epoch FROM m.created_at) * 1000)::bigint,
               (extract(epoch FROM m.release_at) * 1000)::bigint, m.urgent
          FROM fermata.messages m
         WHERE m.recipient_id = me AND m.delivered_at IS NULL AND m.withdrawn_at IS NULL
           AND m.release_at <= pg_catalog.clock_timestamp()
         ORDER BY m.release_at, m.uuid
         LIMIT greatest(least(max_rows, 5000), 1);
END $$;

-- The recipient has read (done, archived or opened) released messages; the sender sees it.
CREATE FUNCTION fermata.acknowledge(uuids uuid[]) RETURNS integer
LANGUAGE plpgsql VOLATILE SECURITY DEFINER SET search_path = pg_catalog, pg_temp AS $$
DECLARE
    me bigint := fermata.member_id_for(session_user::text);
    at timestamptz := pg_catalog.clock_timestamp();
    n integer;
BEGIN
    UPDATE fermata.messages m SET acknowledged_at = at, delivered_at = coalesce(m.delivered_at, at)
     WHERE m.uuid = ANY (uuids) AND m.recipient_id = me AND m.release_at <= at
       AND m.acknowledged_at IS NULL AND m.withdrawn_at IS NULL;
    GET DIAGNOSTICS n = ROW_COUNT;
    RETURN n;
END $$;

CREATE OR REPLACE FUNCTION fermata.my_next_release() RETURNS bigint
LANGUAGE plpgsql STABLE SECURITY DEFINER SET search_path = pg_catalog, pg_temp AS $$
BEGIN
    RETURN (SELECT (extract(epoch FROM min(m.release_at)) * 1000)::bigint
            FROM fermata.messages m
            WHERE m.recipient_id = fermata.member_id_for(session_user::text)
              AND m.delivered_at IS NULL AND m.withdrawn_at IS NULL
              AND m.release_at > pg_catalog.clock_timestamp());
END $$;

-- ---------------------------------------------------------------------------------------
-- 3. Logins name nobody. They were made from email addresses, and every login on a server
--    can list every role (pg_roles) and see which are connected (pg_stat_activity, unless a
--    superuser revoked it — hub_privacy.sql, run by `hub init` as a superuser). New logins are
--    <prefix>m_<12 random hex digits>; existing logins keep their names (renaming one would
--    break the member's saved sign-in), and the README says how to re-issue them.
-- ---------------------------------------------------------------------------------------

CREATE OR REPLACE FUNCTION fermata.admin_add_member(team text, display_name text, email text,
                                                    zone text, password text, make_admin boolean)
RETURNS TABLE (member_id bigint, role_name text)
LANGUAGE plpgsql SET search_path = pg_catalog, pg_temp AS $$
DECLARE
    t bigint;
    candidate text;
    new_id bigint;
BEGIN
    IF NOT fermata.is_valid_zone(zone) THEN
        RAISE EXCEPTION 'unknown time zone "%"; use an IANA name such as Europe/Berlin', zone
            USING ERRCODE = 'invalid_parameter_value';
    END IF;
    INSERT INTO fermata.teams (name) VALUES (team) ON CONFLICT (name) DO NOTHING;
    SELECT id INTO t FROM fermata.teams WHERE name = team;
    LOOP
        candidate := (SELECT h.role_prefix FROM fermata.hub h) || 'm_'
                     || left(replace(pg_catalog.gen_random_uuid()::text, '-', ''), 12);
        EXIT WHEN NOT EXISTS (SELECT 1 FROM pg_catalog.pg_roles WHERE rolname = candidate);
    END LOOP;
    EXECUTE format('CREATE ROLE %I LOGIN PASSWORD %L', candidate, password);
    EXECUTE format('GRANT %I TO %I', fermata.member_group(), candidate);
    PERFORM fermata.limit_member_login(candidate);
    INSERT INTO fermata.members (team_id, role_name, display_name, email, time_zone, is_admin)
    VALUES (t, candidate, display_name, email, zone, make_admin)
    RETURNING id INTO new_id;
    PERFORM fermata.record_changes(t, ARRAY[NULL]::bigint[], ARRAY['members'], ARRAY[new_id],
                                   ARRAY[NULL]::uuid[]);
    PERFORM fermata.notify_team(t);
    RETURN QUERY SELECT new_id, candidate;
END $$;

CREATE OR REPLACE FUNCTION fermata.admin_remove_member(who text) RETURNS text
LANGUAGE plpgsql SET search_path = pg_catalog, pg_temp AS $$
DECLARE
    m record;
BEGIN
    SELECT * INTO m FROM fermata.members
     WHERE (role_name = who OR email = who) AND active;
    IF NOT FOUND THEN
        RAISE EXCEPTION 'no active member "%"', who USING ERRCODE = 'no_data_found';
    END IF;
    UPDATE fermata.members SET active = false WHERE id = m.id;
    EXECUTE format('REVOKE %I FROM %I', fermata.member_group(), m.role_name);
    EXECUTE format('ALTER ROLE %I NOLOGIN PASSWORD NULL', m.role_name);
    PERFORM pg_catalog.pg_terminate_backend(a.pid) FROM pg_catalog.pg_stat_activity a
     WHERE a.usename = m.role_name;
    PERFORM fermata.record_changes(m.team_id, ARRAY[NULL]::bigint[], ARRAY['members'], ARRAY[m.id],
                                   ARRAY[NULL]::uuid[]);
    PERFORM fermata.notify_team(m.team_id);
    RETURN m.role_name;
END $$;

-- ---------------------------------------------------------------------------------------
-- 4. Grants: the functions above, nothing on tables but the one-row version table.
-- ---------------------------------------------------------------------------------------

REVOKE EXECUTE ON ALL FUNCTIONS IN SCHEMA fermata FROM PUBLIC;
DO $$
DECLARE
    grp text := fermata.member_group();
BEGIN
    EXECUTE format('REVOKE ALL ON fermata.teams, fermata.members, fermata.windows, fermata.messages, '
                   'fermata.changes FROM %I', grp);
    EXECUTE format('GRANT SELECT ON fermata.hub TO %I', grp);
    EXECUTE format('GRANT EXECUTE ON FUNCTION fermata.team_members(), fermata.team_windows(), '
                   'fermata.my_channel(), fermata.send_message(uuid, text, text, boolean, text), '
                   'fermata.send_messages(jsonb), '
                   'fermata.preview_release_for(text), fermata.edit_message(uuid, text, text), '
                   'fermata.withdraw_message(uuid), fermata.sent_status(uuid[]), '
                   'fermata.released_messages(integer), fermata.acknowledge(uuid[]), '
                   'fermata.my_changes(bigint, bigint, integer) TO %I', grp);
END $$;
