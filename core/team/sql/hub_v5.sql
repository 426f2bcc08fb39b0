-- Fermata team hub, schema step 5. Runs in one transaction together with the version bump.
--
-- The send path plans its statements once per server process. PL/pgSQL caches a statement's
-- plan per session, but plans it afresh for each of its first five runs (custom plans, in
-- case the parameters matter) before it settles on the generic plan. A hub has one server
-- process per member, and each member sends a handful of messages a day, so nearly every
-- send paid for planning: about a fifth of the one-message-per-call insert rate at 2,000
-- members (tests/bench/hub). Every statement on this path looks rows up by a key, so the
-- generic plan is the plan. The setting applies to everything send_message() runs,
-- send_messages() included, and to nothing else.
ALTER FUNCTION fermata.send_message(uuid, text, text, boolean, text)
    SET plan_cache_mode = force_generic_plan;
