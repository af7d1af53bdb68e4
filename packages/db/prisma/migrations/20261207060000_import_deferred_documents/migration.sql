-- Hand-written: bulk imports (packages/datasets) write tens of thousands of events per transaction.
-- Row by row, the triggers computed each new event's search document three times (on the event's
-- insert, again for its participants, again for its places: 0.4 ms each, mostly gathering the names)
-- and refreshed its contested flag once per claim. A transaction that sets
-- `parley.deferred_documents` to 'on' (SET LOCAL) takes that job on itself: it writes each event's
-- document and contested flag set-wise, once, before it commits. The change log is written as
-- before; every other writer is unaffected.

CREATE FUNCTION parley_documents_deferred() RETURNS boolean STABLE LANGUAGE sql AS $$
  SELECT coalesce(current_setting('parley.deferred_documents', true), '') = 'on'
$$;

CREATE OR REPLACE FUNCTION parley_event_document_trigger() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  names record;
BEGIN
  IF parley_documents_deferred() THEN RETURN NEW; END IF;
  SELECT * INTO names FROM parley_event_names(NEW."id");
  NEW."document" := parley_event_document(NEW."title", NEW."summary", names.actor_names, names.place_names);
  RETURN NEW;
END
$$;

CREATE OR REPLACE FUNCTION parley_search_rows_changed() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  ids integer[];
BEGIN
  IF TG_OP = 'INSERT' THEN
    EXECUTE format('SELECT array_agg(DISTINCT %I) FROM new_rows', TG_ARGV[0]) INTO ids;
  ELSIF TG_OP = 'DELETE' THEN
    EXECUTE format('SELECT array_agg(DISTINCT %I) FROM old_rows', TG_ARGV[0]) INTO ids;
  ELSE
    EXECUTE format('SELECT array_agg(DISTINCT x) FROM (SELECT %1$I AS x FROM old_rows UNION SELECT %1$I FROM new_rows) s', TG_ARGV[0]) INTO ids;
  END IF;
  IF ids IS NOT NULL THEN
    IF TG_ARGV[1] = 'document' AND NOT parley_documents_deferred() THEN PERFORM parley_refresh_documents(ids); END IF;
    PERFORM parley_search_log(ids);
  END IF;
  RETURN NULL;
END
$$;

CREATE OR REPLACE FUNCTION parley_claim_changed() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF parley_documents_deferred() THEN RETURN NULL; END IF;
  IF TG_OP IN ('UPDATE', 'DELETE') AND OLD."event_id" IS NOT NULL THEN
    PERFORM parley_refresh_contested(OLD."event_id");
  END IF;
  IF TG_OP IN ('INSERT', 'UPDATE') AND NEW."event_id" IS NOT NULL THEN
    PERFORM parley_refresh_contested(NEW."event_id");
  END IF;
  RETURN NULL;
END
$$;
