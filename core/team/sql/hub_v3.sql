-- Fermata team hub, schema step 3: against a member who knows SQL. Runs in one transaction
-- together with the version bump.

-- 1. "Now" is the statement's real time. now() is when the *transaction* began: a sender who
--    ran BEGIN while the recipient's window was open, waited until it had closed and only then
--    inserted got a release time in the past, and was read at once. clock_timestamp() is read
--    while the trigger runs, so every decision about time is taken when the row is written.
--    (Policies that only decide what a member may *see* keep now(): an older now() hides more.)

CREATE OR REPLACE FUNCTION fermata.message_before_insert() RETURNS trigger
LANGUAGE plpgsql SECURITY DEFINER SET search_path = pg_catalog, pg_temp AS $$
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

CREATE OR REPLACE FUNCTION fermata.message_before_update() RETURNS trigger
LANGUAGE plpgsql SET search_path = pg_catalog, pg_temp AS $$
DECLARE
    me bigint;
    at timestamptz := pg_catalog.clock_timestamp();
BEGIN
    IF current_user <> session_user THEN
        RETURN NEW; -- inside the hub's own SECURITY DEFINER code (re-timing, delivery)
    END IF;
    me := fermata.my_member_id();
    IF me IS NULL THEN
        RETURN NEW; -- the hub's administrator
    END IF;
    IF NEW.subject IS DISTINCT FROM OLD.subject OR NEW.body IS DISTINCT FROM OLD.body
       OR NEW.withdrawn_at IS DISTINCT FROM OLD.withdrawn_at THEN
        IF OLD.sender_id <> me OR OLD.release_at <= at OR OLD.withdrawn_at IS NOT NULL
           OR OLD.delivered_at IS NOT NULL THEN
            RAISE EXCEPTION 'a message can be edited or withdrawn only by its sender while it is held'
                USING ERRCODE = 'insufficient_privilege';
        END IF;
        IF NEW.withdrawn_at IS NOT NULL THEN
            NEW.withdrawn_at := at;
        END IF;
    END IF;
    IF NEW.delivered_at IS DISTINCT FROM OLD.delivered_at
       OR NEW.acknowledged_at IS DISTINCT FROM OLD.acknowledged_at THEN
        IF OLD.recipient_id <> me OR OLD.release_at > at OR OLD.withdrawn_at IS NOT NULL THEN
            RAISE EXCEPTION 'only the recipient marks a released message delivered or read'
                USING ERRCODE = 'insufficient_privilege';
        END IF;
        NEW.delivered_at := CASE WHEN OLD.delivered_at IS NOT NULL THEN OLD.delivered_at
                                 WHEN NEW.delivered_at IS NOT NULL OR NEW.acknowledged_at IS NOT NULL
                                 THEN at END;
        NEW.acknowledged_at := CASE WHEN OLD.acknowledged_at IS NOT NULL THEN OLD.acknowledged_at
                                    WHEN NEW.acknowledged_at IS NOT NULL THEN at END;
    END IF;
    RETURN NEW;
END $$;

CREATE OR REPLACE FUNCTION fermata.messages_after_change() RETURNS trigger
LANGUAGE plpgsql SECURITY DEFINER SET search_path = pg_catalog, pg_temp AS $$
BEGIN
    INSERT INTO fermata.changes (team_id, audience_id, kind, member_id, message_uuid)
    SELECT n.team_id, n.sender_id, 'message', n.recipient_id, n.uuid FROM new_rows n ORDER BY n.uuid;
    PERFORM fermata.notify_team(t.team_id)
       FROM (SELECT DISTINCT n.team_id FROM new_rows n
              WHERE TG_OP <> 'INSERT' OR n.release_at <= pg_catalog.clock_timestamp()) t;
    RETURN NULL;
END $$;

CREATE OR REPLACE FUNCTION fermata.mark_delivered(uuids uuid[]) RETURNS integer
LANGUAGE plpgsql SECURITY DEFINER SET search_path = pg_catalog, pg_temp AS $$
DECLARE
    me bigint := fermata.member_id_for(session_user::text);
    at timestamptz := pg_catalog.clock_timestamp();
    n integer;
BEGIN
    UPDATE fermata.messages m SET delivered_at = at
     WHERE m.uuid = ANY (uuids) AND m.recipient_id = me AND m.release_at <= at
       AND m.delivered_at IS NULL AND m.withdrawn_at IS NULL;
    GET DIAGNOSTICS n = ROW_COUNT;
    RETURN n;
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
        INSERT INTO fermata.changes (team_id, audience_id, kind, member_id)
        VALUES (w.team_id, NULL, 'windows', w.member_id);
        PERFORM fermata.notify_team(w.team_id);
    END LOOP;
    RETURN NULL;
END $$;

-- 2. Members change windows only through replace_windows(), never with table rights. Whoever
--    holds UPDATE or DELETE on a table may LOCK it in ACCESS EXCLUSIVE mode, and one member did
--    that to stall every other member's sends and window changes; a member who inserted windows
--    with ids of their choosing reserved ids that later broke another team's inserts. Window
--    ids are always the hub's, and the sequence moves past whatever was reserved before.
ALTER TABLE fermata.windows ALTER COLUMN id SET GENERATED ALWAYS;
SELECT pg_catalog.setval(pg_catalog.pg_get_serial_sequence('fermata.windows', 'id'),
                         greatest((SELECT max(id) FROM fermata.windows), 1));

-- Replaces the caller's own windows (for_team false) or, for a team admin, the team's, with
-- `windows`: a JSON list of {"days": mask, "start": minute, "end": minute, "zone": IANA name,
-- "label": text}. Held messages are re-timed once, at commit (see 5).
CREATE FUNCTION fermata.replace_windows(for_team boolean, windows jsonb) RETURNS integer
LANGUAGE plpgsql SECURITY DEFINER SET search_path = pg_catalog, pg_temp AS $$
DECLARE
    me bigint := fermata.member_id_for(session_user::text);
    team bigint := fermata.team_id_for(session_user::text);
    n integer;
BEGIN
    IF me IS NULL THEN
        RAISE EXCEPTION 'only a member of this hub has check-in windows here'
            USING ERRCODE = 'insufficient_privilege';
    END IF;
    IF for_team AND NOT EXISTS (SELECT 1 FROM fermata.members m WHERE m.id = me AND m.is_admin AND m.active) THEN
        RAISE EXCEPTION 'only a team admin sets the team''s check-in windows'
            USING ERRCODE = 'insufficient_privilege';
    END IF;
    IF jsonb_typeof(windows) IS DISTINCT FROM 'array' OR jsonb_array_length(windows) > 100 THEN
        RAISE EXCEPTION 'check-in windows come as a list of at most 100'
            USING ERRCODE = 'invalid_parameter_value';
    END IF;
    DELETE FROM fermata.windows w
     WHERE w.team_id = team AND CASE WHEN for_team THEN w.member_id IS NULL ELSE w.member_id = me END;
    INSERT INTO fermata.windows (team_id, member_id, day_mask, start_minute, end_minute, time_zone, label)
    SELECT team, CASE WHEN for_team THEN NULL ELSE me END, (x->>'days')::integer,
           (x->>'start')::integer, (x->>'end')::integer, x->>'zone', coalesce(x->>'label', '')
      FROM jsonb_array_elements(windows) AS x;
    GET DIAGNOSTICS n = ROW_COUNT;
    RETURN n;
END $$;

DO $$
DECLARE
    grp text := fermata.member_group();
BEGIN
    EXECUTE format('REVOKE INSERT, UPDATE, DELETE ON fermata.windows FROM %I', grp);
    EXECUTE format('GRANT EXECUTE ON FUNCTION fermata.replace_windows(boolean, jsonb) TO %I', grp);
END $$;

-- 3. Every member login waits for a lock at most 2 s, runs a statement at most 30 s, and is
--    ended after 15 s idle inside a transaction: a member who opens a transaction and walks
--    away (or holds a lock on purpose) cannot stall teammates or the change feed for longer.
--    Fermata's own transactions last milliseconds. The administrator also becomes a member of
--    each login role, which is what lets remove-member end a removed member's open sessions
--    (pg_terminate_backend); admin_add_member does both for new members.
CREATE FUNCTION fermata.limit_member_login(role_name text) RETURNS void
LANGUAGE plpgsql SET search_path = pg_catalog, pg_temp AS $$
BEGIN
    EXECUTE format('ALTER ROLE %I SET lock_timeout = %L', role_name, '2s');
    EXECUTE format('ALTER ROLE %I SET statement_timeout = %L', role_name, '30s');
    EXECUTE format('ALTER ROLE %I SET idle_in_transaction_session_timeout = %L', role_name, '15s');
    EXECUTE format('GRANT %I TO %I', role_name, current_user);
END $$;
REVOKE EXECUTE ON FUNCTION fermata.limit_member_login(text) FROM PUBLIC;

SELECT fermata.limit_member_login(m.role_name)
  FROM fermata.members m
 WHERE EXISTS (SELECT 1 FROM pg_catalog.pg_roles r WHERE r.rolname = m.role_name);

CREATE OR REPLACE FUNCTION fermata.admin_add_member(team text, display_name text, email text,
                                                    zone text, password text, make_admin boolean)
RETURNS TABLE (member_id bigint, role_name text)
LANGUAGE plpgsql SET search_path = pg_catalog, pg_temp AS $$
DECLARE
    t bigint;
    base text;
    candidate text;
    n integer := 1;
    new_id bigint;
BEGIN
    IF NOT fermata.is_valid_zone(zone) THEN
        RAISE EXCEPTION 'unknown time zone "%"; use an IANA name such as Europe/Berlin', zone
            USING ERRCODE = 'invalid_parameter_value';
    END IF;
    INSERT INTO fermata.teams (name) VALUES (team) ON CONFLICT (name) DO NOTHING;
    SELECT id INTO t FROM fermata.teams WHERE name = team;
    base := (SELECT h.role_prefix FROM fermata.hub h)
            || left(regexp_replace(lower(split_part(email, '@', 1)), '[^a-z0-9]+', '_', 'g'), 20);
    candidate := base;
    WHILE EXISTS (SELECT 1 FROM pg_catalog.pg_roles WHERE rolname = candidate) LOOP
        n := n + 1;
        candidate := base || '_' || n::text;
    END LOOP;
    EXECUTE format('CREATE ROLE %I LOGIN PASSWORD %L', candidate, password);
    EXECUTE format('GRANT %I TO %I', fermata.member_group(), candidate);
    PERFORM fermata.limit_member_login(candidate);
    INSERT INTO fermata.members (team_id, role_name, display_name, email, time_zone, is_admin)
    VALUES (t, candidate, display_name, email, zone, make_admin)
    RETURNING id INTO new_id;
    INSERT INTO fermata.changes (team_id, kind, member_id) VALUES (t, 'members', new_id);
    PERFORM fermata.notify_team(t);
    RETURN QUERY SELECT new_id, candidate;
END $$;

-- 4. A removed member's open sessions end at once (they kept receiving nudges before).
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
    INSERT INTO fermata.changes (team_id, kind, member_id) VALUES (m.team_id, 'members', m.id);
    PERFORM fermata.notify_team(m.team_id);
    RETURN m.role_name;
END $$;

-- 5. Replacing a member's windows (the client deletes them and inserts the new ones in one
--    transaction) re-timed their held messages after the delete as if they had no windows —
--    released at once — and the insert then found nothing still held. The re-timing now runs
--    at commit, against the windows as they end up.
DROP TRIGGER window_after_change ON fermata.windows;
CREATE CONSTRAINT TRIGGER window_after_change AFTER INSERT OR UPDATE OR DELETE ON fermata.windows
    DEFERRABLE INITIALLY DEFERRED
    FOR EACH ROW EXECUTE FUNCTION fermata.window_after_change();

-- 6. Nudges go to a channel whose name only the team's members can read. Any login may LISTEN
--    on any channel name, and 'fermata_team_<id>' let a member of one team (or of another hub
--    on the same server) watch when another team was active. The nudge still carries nothing.
ALTER TABLE fermata.teams ADD COLUMN channel text NOT NULL
    DEFAULT ('fermata_' || replace(pg_catalog.gen_random_uuid()::text, '-', ''));
CREATE OR REPLACE FUNCTION fermata.notify_team(team bigint) RETURNS void
LANGUAGE sql SET search_path = pg_catalog, pg_temp AS $$
    SELECT pg_catalog.pg_notify(t.channel, '') FROM fermata.teams t WHERE t.id = team
$$;
