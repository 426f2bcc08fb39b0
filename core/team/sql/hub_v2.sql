-- Fermata team hub, schema step 2. Runs in one transaction together with the version bump.
--
-- A new message nudges its team only when it can already be read (urgent, sent inside the
-- recipient's window, or to someone without windows). A held message needs no nudge: the
-- recipient's client pulls at each of its own and its team's window starts, which is when
-- held messages are released, and everyone else learns of it from the change feed on their
-- next pull. Each NOTIFY takes a database-wide lock from its commit's start to its end, so
-- one per insert serialised every sender's commit behind one another.
-- Updates (edits, withdrawals, deliveries, acknowledgements) still nudge as before.

CREATE OR REPLACE FUNCTION fermata.messages_after_change() RETURNS trigger
LANGUAGE plpgsql SECURITY DEFINER SET search_path = pg_catalog, pg_temp AS $$
BEGIN
    INSERT INTO fermata.changes (team_id, audience_id, kind, member_id, message_uuid)
    SELECT n.team_id, n.sender_id, 'message', n.recipient_id, n.uuid FROM new_rows n ORDER BY n.uuid;
    PERFORM fermata.notify_team(t.team_id)
       FROM (SELECT DISTINCT n.team_id FROM new_rows n
              WHERE TG_OP <> 'INSERT' OR n.release_at <= now()) t;
    RETURN NULL;
END $$;
