-- Fermata team hub: hide who is connected. Run by `fermata hub init` on every call when the
-- administrator is a superuser (only the owner of the system catalogs may change their
-- rights); idempotent. Applies to the hub's database only.
--
-- Every login on a PostgreSQL server may, by default, list the server's sessions and locks
-- (pg_stat_activity, pg_locks and the pg_stat_get_* functions behind them) and per-table
-- activity counters: a member could see when a teammate was online, or that someone just
-- sent a message. These are revoked from PUBLIC; the hub's owner keeps them, because
-- remove-member ends a removed member's sessions and the change feed reads pg_locks.
-- Advisory locks are revoked too: the change feed's writers announce themselves with them
-- (sql/hub_v4.sql), and a member who took one on a teammate's feed key could hold back that
-- teammate's feed for as long as they kept a transaction open.
-- What stays visible to every login (PostgreSQL offers no way to hide it): the list of role
-- names (pg_roles) and approximate row counts of tables (pg_class.reltuples).
DO $$
DECLARE
    owner text := (SELECT pg_catalog.pg_get_userbyid(n.nspowner) FROM pg_catalog.pg_namespace n
                    WHERE n.nspname = 'fermata');
    item record;
BEGIN
    FOR item IN
        SELECT c.oid::regclass AS name FROM pg_catalog.pg_class c
         WHERE c.relnamespace = 'pg_catalog'::regnamespace AND c.relkind = 'v'
           AND (c.relname LIKE 'pg\_stat\_%' OR c.relname LIKE 'pg\_statio\_%'
                OR c.relname IN ('pg_locks', 'pg_prepared_xacts'))
    LOOP
        EXECUTE format('REVOKE SELECT ON %s FROM PUBLIC', item.name);
        EXECUTE format('GRANT SELECT ON %s TO %I', item.name, owner);
    END LOOP;
    FOR item IN
        SELECT p.oid::regprocedure AS name FROM pg_catalog.pg_proc p
         WHERE p.pronamespace = 'pg_catalog'::regnamespace
           AND (p.proname LIKE 'pg\_stat\_get\_%'
                OR p.proname LIKE 'pg\_advisory\_%' OR p.proname LIKE 'pg\_try\_advisory\_%'
                OR p.proname IN ('pg_lock_status', 'pg_blocking_pids', 'pg_safe_snapshot_blocking_pids',
                                 'pg_prepared_xact', 'pg_stat_get_activity'))
    LOOP
        EXECUTE format('REVOKE EXECUTE ON FUNCTION %s FROM PUBLIC', item.name);
        EXECUTE format('GRANT EXECUTE ON FUNCTION %s TO %I', item.name, owner);
    END LOOP;
END $$;
