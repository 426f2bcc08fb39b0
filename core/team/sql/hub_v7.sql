-- Fermata team hub, schema step 7: who waits for a commitment. Runs in one transaction together
-- with the version bump.
--
-- A member's open task can wait for a teammate's commitment ("after Ada's 'API spec'"). The
-- team sees that the member waits for it — the owner learns who depends on their work without a
-- status meeting — and nothing else: never the waiting task's title, estimate or plan.
--
-- Who sees what:
--  * Teammates read who waits for their team's visible commitments (commitment_waiters());
--    a removed member no longer shows as waiting, nobody outside the team sees anything.
--  * A member writes only their own waits, as one whole set (set_my_waits()): the member comes
--    from the caller's login, never from input; a uuid that is not a visible commitment of a
--    teammate is ignored.
--  * No foreign key to commitments on purpose: a key check would take a share lock on the
--    owner's row, and a member leaving a transaction open after set_my_waits() could then hold
--    up the owner's own pushes. The function checks the commitments instead.
--  * Members hold no table rights, as for the other tables: no reads, no row counts, no locks.
--
-- Changes: each commitment whose waiters changed gets a team-wide 'commitment' change, so the
-- owner and teammates re-read it with its waiters, through the feed they already follow. No
-- time is stored: when someone started waiting would tell when their Fermata was connected.

CREATE TABLE fermata.commitment_waits (
    commitment uuid NOT NULL,
    member_id bigint NOT NULL REFERENCES fermata.members(id),
    team_id bigint NOT NULL REFERENCES fermata.teams(id),
    PRIMARY KEY (member_id, commitment)
);
CREATE INDEX commitment_waits_commitment ON fermata.commitment_waits (commitment);

ALTER TABLE fermata.commitment_waits ENABLE ROW LEVEL SECURITY;
CREATE POLICY read_team ON fermata.commitment_waits FOR SELECT
    USING (team_id = (SELECT fermata.my_team_id()) AND fermata.is_teammate(member_id));
CREATE POLICY write_own ON fermata.commitment_waits FOR ALL
    USING (member_id = (SELECT fermata.my_member_id()))
    WITH CHECK (member_id = (SELECT fermata.my_member_id()) AND team_id = (SELECT fermata.my_team_id()));

-- Replaces the caller's waits with the visible commitments of teammates among `uuids` (at most
-- 1000). Idempotent; returns how many the caller waits for now.
CREATE FUNCTION fermata.set_my_waits(uuids uuid[]) RETURNS integer
LANGUAGE plpgsql VOLATILE SECURITY DEFINER SET search_path = pg_catalog, pg_temp AS $$
DECLARE
    me bigint := fermata.member_id_for(session_user::text);
    team bigint := fermata.team_id_for(session_user::text);
    changed uuid[];
    total integer;
BEGIN
    IF me IS NULL THEN
        RAISE EXCEPTION 'only a member of this hub waits for commitments here'
            USING ERRCODE = 'insufficient_privilege';
    END IF;
    IF cardinality(uuids) > 1000 THEN
        RAISE EXCEPTION 'a member waits for at most 1000 commitments at a time'
            USING ERRCODE = 'program_limit_exceeded';
    END IF;
    WITH wanted AS (
        SELECT DISTINCT c.uuid
          FROM fermata.commitments c
          JOIN fermata.members o ON o.id = c.owner_id AND o.active AND o.team_id = c.team_id
         WHERE c.uuid = ANY (coalesce(uuids, ARRAY[]::uuid[])) AND c.team_id = team
           AND c.withdrawn_at IS NULL AND c.owner_id <> me),
    gone AS (
        DELETE FROM fermata.commitment_waits w
         WHERE w.member_id = me AND w.commitment NOT IN (SELECT uuid FROM wanted)
        RETURNING w.commitment),
    added AS (
        INSERT INTO fermata.commitment_waits (commitment, member_id, team_id)
        SELECT uuid, me, team FROM wanted
        ON CONFLICT DO NOTHING
        RETURNING commitment)
    SELECT coalesce(array_agg(DISTINCT u ORDER BY u), ARRAY[]::uuid[]) INTO changed
      FROM (SELECT commitment AS u FROM gone UNION ALL SELECT commitment FROM added) AS x;
    IF cardinality(changed) > 0 THEN
        PERFORM fermata.record_changes(team, array_fill(NULL::bigint, ARRAY[cardinality(changed)]),
                                       array_fill('commitment'::text, ARRAY[cardinality(changed)]),
                                       array_fill(me, ARRAY[cardinality(changed)]), changed);
        PERFORM fermata.notify_team(team);
    END IF;
    SELECT count(*) INTO total FROM fermata.commitment_waits w WHERE w.member_id = me;
    RETURN total;
END $$;

-- Who of my team (active members) waits for my team's visible commitments; with `only_uuids`
-- (not NULL), for just those.
CREATE FUNCTION fermata.commitment_waiters(only_uuids uuid[])
RETURNS TABLE (commitment text, member_id bigint)
LANGUAGE plpgsql STABLE SECURITY DEFINER SET search_path = pg_catalog, pg_temp AS $$
DECLARE
    team bigint := fermata.team_id_for(session_user::text);
BEGIN
    RETURN QUERY
        SELECT w.commitment::text, w.member_id
          FROM fermata.commitment_waits w
          JOIN fermata.members m ON m.id = w.member_id AND m.active AND m.team_id = w.team_id
          JOIN fermata.commitments c ON c.uuid = w.commitment AND c.team_id = w.team_id
                                    AND c.withdrawn_at IS NULL
          JOIN fermata.members o ON o.id = c.owner_id AND o.active AND o.team_id = c.team_id
         WHERE w.team_id = team
           AND (only_uuids IS NULL OR w.commitment = ANY (only_uuids))
         ORDER BY w.commitment, w.member_id;
END $$;

REVOKE EXECUTE ON FUNCTION fermata.set_my_waits(uuid[]), fermata.commitment_waiters(uuid[]) FROM PUBLIC;
DO $$
DECLARE
    grp text := fermata.member_group();
BEGIN
    EXECUTE format('REVOKE ALL ON fermata.commitment_waits FROM %I', grp);
    EXECUTE format('GRANT EXECUTE ON FUNCTION fermata.set_my_waits(uuid[]), '
                   'fermata.commitment_waiters(uuid[]) TO %I', grp);
END $$;
