-- Hand-written: what a bulk import (packages/datasets) still had done row by row or several times
-- over, measured on a 5,000-row ACLED batch: the participants' event date looked up once per
-- participant by a row trigger (about a fifth of inserting the participants), and each new event
-- logged for the search index four times (by its insert, its participants, its places and its
-- claims). A transaction that sets `parley.deferred_documents` (see `import_deferred_documents`)
-- now also writes the participants' event dates itself and logs each event it touched once, before
-- it commits. Every other writer is unaffected.

DROP TRIGGER "participant_event_date" ON "participant";
CREATE TRIGGER participant_event_date BEFORE INSERT OR UPDATE OF "event_id", "event_start_date" ON "participant"
  FOR EACH ROW WHEN (NOT parley_documents_deferred())
  EXECUTE FUNCTION parley_participant_event_date();

CREATE OR REPLACE FUNCTION parley_search_rows_changed() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  ids integer[];
BEGIN
  IF parley_documents_deferred() THEN RETURN NULL; END IF;
  IF TG_OP = 'INSERT' THEN
    EXECUTE format('SELECT array_agg(DISTINCT %I) FROM new_rows', TG_ARGV[0]) INTO ids;
  ELSIF TG_OP = 'DELETE' THEN
    EXECUTE format('SELECT array_agg(DISTINCT %I) FROM old_rows', TG_ARGV[0]) INTO ids;
  ELSE
    EXECUTE format('SELECT array_agg(DISTINCT x) FROM (SELECT %1$I AS x FROM old_rows UNION SELECT %1$I FROM new_rows) s', TG_ARGV[0]) INTO ids;
  END IF;
  IF ids IS NOT NULL THEN
    IF TG_ARGV[1] = 'document' THEN PERFORM parley_refresh_documents(ids); END IF;
    PERFORM parley_search_log(ids);
  END IF;
  RETURN NULL;
END
$$;
