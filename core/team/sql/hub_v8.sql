-- Fermata team hub, schema step 8: a change the feed held back is never left behind. Runs in
-- one transaction together with the version bump.
--
-- A writer's ordinal is greatest(xmax of a fresh snapshot, its own transaction id) (step 4), and
-- a reader takes rows with ordinal < the xmax of its own fresh snapshot. A snapshot's xmax is one
-- past the newest *finished* transaction id, not the next id to be handed out. So when a
-- transaction newer than the writer finished before the writer took its ordinal, the ordinal is
-- that newer id + 1, and the writer's own commit does not move any snapshot's xmax past it:
-- until some other transaction that holds an id finishes, every reader skips the row. On a
-- quiet hub that is for good — the nudge arrives, the pull finds nothing, and a teammate's
-- "finished" stays unread until the next scheduled pull.
--
-- my_feed_held_back() tells a reader, after its pull, that committed rows of its feeds wait
-- past its cursor that my_changes() did not return. It then takes a transaction id for its own
-- statement, so that the statement's end moves every snapshot's xmax past those rows, and the
-- reader pulls again at once. Rows held back by a writer still in flight stay held back; the
-- reader tries again shortly (that writer nudges when it commits, but not when it rolls back).
-- The answer is about the caller's own feeds only (its team's rows and rows addressed to it).

CREATE FUNCTION fermata.my_feed_held_back(after_ordinal bigint, after_seq bigint) RETURNS boolean
LANGUAGE plpgsql VOLATILE SECURITY DEFINER SET search_path = pg_catalog, pg_temp AS $$
DECLARE
    me bigint := fermata.member_id_for(session_user::text);
    team bigint := fermata.team_id_for(session_user::text);
BEGIN
    IF me IS NULL THEN
        RETURN false;
    END IF;
    IF NOT EXISTS (SELECT 1
                     FROM fermata.changes c
                    WHERE c.team_id = team AND (c.audience_id IS NULL OR c.audience_id = me)
                      AND (c.ordinal, c.seq) > (after_ordinal, after_seq)) THEN
        RETURN false;
    END IF;
    PERFORM pg_catalog.pg_current_xact_id(); -- this statement's commit now moves xmax on
    RETURN true;
END $$;

REVOKE EXECUTE ON FUNCTION fermata.my_feed_held_back(bigint, bigint) FROM PUBLIC;
DO $$
BEGIN
    EXECUTE format('GRANT EXECUTE ON FUNCTION fermata.my_feed_held_back(bigint, bigint) TO %I',
                   fermata.member_group());
END $$;
