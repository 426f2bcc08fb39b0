-- Fermata team hub, schema step 6: commitments — who does what by when. Runs in one
-- transaction together with the version bump.
--
-- A member marks a task "shared with my team"; the hub then holds a commitment: its title,
-- estimate, due time, status and the *day* its planned work finishes in the owner's plan.
-- Never focus times, never the task's notes: only a public note the owner wrote for the team.
--
-- Who sees what:
--  * Teammates read their team's commitments (team_commitments()); nobody outside the team
--    sees anything, not even that a commitment exists.
--  * Only the owner writes them (share_commitments(), withdraw_commitments()), as the caller's
--    login says: the owner and team come from members, never from the caller's input.
--  * Members hold no table rights (as since step 4): no reads, no EXPLAIN row counts, no locks.
--  * A withdrawn commitment (the owner unshared the task) keeps only its uuid and owner, as a
--    tombstone: a retried or late share of that uuid cannot bring it back.
--  * A removed member's commitments are hidden from the team (the row stays, like their sent
--    messages; nobody can read it through the hub's functions).
--
-- Time: `due` is an instant (timestamptz): a task's deadline is a moment in the owner's zone
-- ("Friday 17:00 in Berlin"), which a teammate in Tokyo must see as the same moment in their
-- own zone; a bare date would mean a different span of hours to each of them. `finish_day` is
-- a date in the owner's zone on purpose: it says which day the work ends, not when they focus.
-- `updated_at` (the server's clock_timestamp() at each real change) is kept for the hub's
-- administrator only and never handed to members: the time of a change would tell teammates
-- when the owner's Fermata was connected, which is presence. `revision` (the owner's client's
-- change counter) orders pushes from several processes of one profile: an older one never
-- overwrites a newer one. It is not shown to teammates either.

CREATE TABLE fermata.commitments (
    uuid uuid PRIMARY KEY,
    team_id bigint NOT NULL REFERENCES fermata.teams(id),
    owner_id bigint NOT NULL REFERENCES fermata.members(id),
    title text NOT NULL CHECK (length(title) <= 1000),
    estimate_minutes integer NOT NULL CHECK (estimate_minutes BETWEEN 0 AND 1000000),
    due timestamptz,
    status text NOT NULL CHECK (status IN ('planned', 'in_progress', 'done', 'dropped')),
    finish_day date,
    public_note text CHECK (length(public_note) BETWEEN 1 AND 1000),
    revision bigint NOT NULL DEFAULT 0,
    updated_at timestamptz NOT NULL DEFAULT pg_catalog.clock_timestamp(),
    withdrawn_at timestamptz,
    CHECK (withdrawn_at IS NOT NULL OR length(title) >= 1)
);
CREATE INDEX commitments_team ON fermata.commitments (team_id, owner_id);

-- The second wall, as for the other tables: were a member ever granted the table, they would
-- still read only their team's visible commitments and write only their own.
ALTER TABLE fermata.commitments ENABLE ROW LEVEL SECURITY;
CREATE POLICY read_team ON fermata.commitments FOR SELECT
    USING (team_id = (SELECT fermata.my_team_id()) AND withdrawn_at IS NULL
           AND fermata.is_teammate(owner_id));
CREATE POLICY write_own ON fermata.commitments FOR ALL
    USING (owner_id = (SELECT fermata.my_member_id()))
    WITH CHECK (owner_id = (SELECT fermata.my_member_id()) AND team_id = (SELECT fermata.my_team_id()));

-- Shares or updates the caller's commitments: a JSON list of at most 500
--   {"uuid", "title", "estimate", "due_ms" (ms since the epoch or null), "status",
--    "finish_day" ("YYYY-MM-DD" or null), "note" (text or null), "revision"}.
-- Any other key (an owner, a team, an id) is ignored. Idempotent: the same uuid and revision
-- again changes nothing; a lower revision than the hub holds is ignored (an older push that
-- arrived late). One row per entry: accepted is true when the hub holds the commitment as the
-- caller's (changed now or already up to date), false when the uuid is someone else's or was
-- withdrawn. Teammates' feeds get one change per commitment whose content changed.
CREATE FUNCTION fermata.share_commitments(batch jsonb)
RETURNS TABLE (commitment text, accepted boolean)
LANGUAGE plpgsql VOLATILE SECURITY DEFINER SET search_path = pg_catalog, pg_temp AS $$
#variable_conflict use_column
DECLARE
    me bigint;
    team bigint;
    c jsonb;
    id uuid;
    new_title text;
    new_estimate integer;
    new_due timestamptz;
    new_status text;
    new_day date;
    new_note text;
    new_revision bigint;
    old fermata.commitments%ROWTYPE;
    inserted boolean;
    changed uuid[] := ARRAY[]::uuid[];
BEGIN
    SELECT m.id, m.team_id INTO me, team FROM fermata.members m
     WHERE m.role_name = session_user::text AND m.active;
    IF me IS NULL THEN
        RAISE EXCEPTION 'only a member of this hub shares commitments here'
            USING ERRCODE = 'insufficient_privilege';
    END IF;
    IF jsonb_typeof(batch) IS DISTINCT FROM 'array' OR jsonb_array_length(batch) > 500 THEN
        RAISE EXCEPTION 'commitments come as a list of at most 500'
            USING ERRCODE = 'invalid_parameter_value';
    END IF;
    FOR c IN SELECT e FROM jsonb_array_elements(batch) AS e LOOP
        id := (c->>'uuid')::uuid;
        new_title := c->>'title';
        new_estimate := coalesce((c->>'estimate')::integer, 0);
        new_due := pg_catalog.to_timestamp((c->>'due_ms')::bigint / 1000.0);
        new_status := c->>'status';
        new_day := (c->>'finish_day')::date;
        new_note := nullif(c->>'note', '');
        new_revision := coalesce((c->>'revision')::bigint, 0);
        IF id IS NULL OR new_title IS NULL OR length(new_title) = 0 THEN
            RAISE EXCEPTION 'a commitment needs a uuid and a title'
                USING ERRCODE = 'invalid_parameter_value';
        END IF;
        IF length(new_title) > 1000 OR length(new_note) > 1000 THEN
            RAISE EXCEPTION 'a commitment''s title and note hold at most 1000 characters each'
                USING ERRCODE = 'string_data_right_truncation';
        END IF;
        IF NOT EXISTS (SELECT 1 FROM fermata.commitments t WHERE t.uuid = id)
           AND (SELECT count(*) FROM fermata.commitments t
                 WHERE t.team_id = team AND t.owner_id = me AND t.withdrawn_at IS NULL) >= 1000 THEN
            RAISE EXCEPTION 'a member shares at most 1000 commitments at a time; unshare some first'
                USING ERRCODE = 'program_limit_exceeded';
        END IF;
        INSERT INTO fermata.commitments AS t (uuid, team_id, owner_id, title, estimate_minutes, due,
                                              status, finish_day, public_note, revision)
        VALUES (id, team, me, new_title, new_estimate, new_due, new_status, new_day, new_note, new_revision)
        ON CONFLICT DO NOTHING
        RETURNING true INTO inserted;
        commitment := id::text;
        IF inserted THEN
            changed := changed || id;
            accepted := true;
            RETURN NEXT;
            CONTINUE;
        END IF;
        -- Locks only the caller's own row: nobody can hold up a teammate's push by naming
        -- their uuid inside a transaction left open.
        SELECT * INTO old FROM fermata.commitments t WHERE t.uuid = id AND t.owner_id = me FOR UPDATE;
        IF NOT FOUND OR old.withdrawn_at IS NOT NULL THEN
            accepted := false;
        ELSE
            accepted := true;
            IF new_revision > old.revision THEN
                IF (old.title, old.estimate_minutes, old.due, old.status, old.finish_day, old.public_note)
                   IS DISTINCT FROM (new_title, new_estimate, new_due, new_status, new_day, new_note) THEN
                    UPDATE fermata.commitments t
                       SET title = new_title, estimate_minutes = new_estimate, due = new_due,
                           status = new_status, finish_day = new_day, public_note = new_note,
                           revision = new_revision, updated_at = pg_catalog.clock_timestamp()
                     WHERE t.uuid = id;
                    changed := changed || id;
                ELSE
                    UPDATE fermata.commitments t SET revision = new_revision WHERE t.uuid = id;
                END IF;
            END IF;
        END IF;
        RETURN NEXT;
    END LOOP;
    IF cardinality(changed) > 0 THEN
        PERFORM fermata.record_changes(team, array_fill(NULL::bigint, ARRAY[cardinality(changed)]),
                                       array_fill('commitment'::text, ARRAY[cardinality(changed)]),
                                       array_fill(me, ARRAY[cardinality(changed)]), changed);
        PERFORM fermata.notify_team(team);
    END IF;
END $$;

-- The owner unshares: the commitments disappear for the team. Their content is erased and the
-- uuid kept as a tombstone (also for a uuid the hub never had), so a share of it that arrives
-- later (a retry, another process of the owner's) cannot bring it back. Idempotent; returns how
-- many visible commitments were withdrawn now.
CREATE FUNCTION fermata.withdraw_commitments(uuids uuid[]) RETURNS integer
LANGUAGE plpgsql VOLATILE SECURITY DEFINER SET search_path = pg_catalog, pg_temp AS $$
DECLARE
    me bigint := fermata.member_id_for(session_user::text);
    team bigint := fermata.team_id_for(session_user::text);
    gone uuid[];
BEGIN
    IF me IS NULL THEN
        RAISE EXCEPTION 'only a member of this hub withdraws commitments here'
            USING ERRCODE = 'insufficient_privilege';
    END IF;
    IF cardinality(uuids) > 500 THEN
        RAISE EXCEPTION 'commitments are withdrawn at most 500 at a time'
            USING ERRCODE = 'invalid_parameter_value';
    END IF;
    WITH w AS (
        UPDATE fermata.commitments t
           SET withdrawn_at = pg_catalog.clock_timestamp(), title = '', estimate_minutes = 0,
               due = NULL, status = 'dropped', finish_day = NULL, public_note = NULL
         WHERE t.uuid = ANY (uuids) AND t.owner_id = me AND t.withdrawn_at IS NULL
        RETURNING t.uuid)
    SELECT coalesce(array_agg(w.uuid ORDER BY w.uuid), ARRAY[]::uuid[]) INTO gone FROM w;
    -- A uuid the hub does not know yet becomes a tombstone at once: a share of it still on its
    -- way (another process of the owner's read it before the unshare) must not appear after.
    -- Someone else's uuid is left alone (ON CONFLICT: it exists).
    INSERT INTO fermata.commitments (uuid, team_id, owner_id, title, estimate_minutes, status, withdrawn_at)
    SELECT DISTINCT u, team, me, '', 0, 'dropped', pg_catalog.clock_timestamp()
      FROM unnest(uuids) AS u WHERE u IS NOT NULL
    ON CONFLICT DO NOTHING;
    IF cardinality(gone) > 0 THEN
        PERFORM fermata.record_changes(team, array_fill(NULL::bigint, ARRAY[cardinality(gone)]),
                                       array_fill('commitment'::text, ARRAY[cardinality(gone)]),
                                       array_fill(me, ARRAY[cardinality(gone)]), gone);
        PERFORM fermata.notify_team(team);
    END IF;
    RETURN cardinality(gone);
END $$;

-- The commitments of the caller's team that are shared now, of active members only; with
-- `only_uuids` (not NULL), just those uuids (a client following its change feed). A uuid asked for
-- and not returned is not visible (any more): withdrawn, its owner removed, or not this team's.
CREATE FUNCTION fermata.team_commitments(only_uuids uuid[])
RETURNS TABLE (commitment text, owner_id bigint, owner_role text, title text,
               estimate_minutes integer, due_ms bigint, status text, finish_day text,
               public_note text)
LANGUAGE plpgsql STABLE SECURITY DEFINER SET search_path = pg_catalog, pg_temp AS $$
DECLARE
    team bigint := fermata.team_id_for(session_user::text);
BEGIN
    RETURN QUERY
        SELECT c.uuid::text, c.owner_id, m.role_name, c.title, c.estimate_minutes,
               (extract(epoch FROM c.due) * 1000)::bigint, c.status,
               to_char(c.finish_day, 'YYYY-MM-DD'), c.public_note
          FROM fermata.commitments c
          JOIN fermata.members m ON m.id = c.owner_id AND m.active AND m.team_id = c.team_id
         WHERE c.team_id = team AND c.withdrawn_at IS NULL
           AND (only_uuids IS NULL OR c.uuid = ANY (only_uuids))
         ORDER BY m.display_name, c.owner_id, c.due NULLS LAST, c.uuid;
END $$;

REVOKE EXECUTE ON FUNCTION fermata.share_commitments(jsonb), fermata.withdraw_commitments(uuid[]),
    fermata.team_commitments(uuid[]) FROM PUBLIC;
DO $$
DECLARE
    grp text := fermata.member_group();
BEGIN
    EXECUTE format('REVOKE ALL ON fermata.commitments FROM %I', grp);
    EXECUTE format('GRANT EXECUTE ON FUNCTION fermata.share_commitments(jsonb), '
                   'fermata.withdraw_commitments(uuid[]), fermata.team_commitments(uuid[]) TO %I', grp);
END $$;
