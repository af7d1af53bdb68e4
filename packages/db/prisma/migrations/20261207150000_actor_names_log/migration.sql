-- Hand-written: the change log also says when actors or their aliases changed, so that a search
-- index can keep the answers of its name search (`searchActors`, the typeahead) and forget them
-- exactly when they could differ. Such a row has no event: `event_id` is NULL. One row per
-- statement that changed at least one actor or alias row (a bulk import that creates thousands of
-- actors in one statement writes one row).

ALTER TABLE "search_change" ALTER COLUMN "event_id" DROP NOT NULL;

CREATE FUNCTION parley_actor_names_changed() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'DELETE' THEN
    IF NOT EXISTS (SELECT 1 FROM old_rows) THEN RETURN NULL; END IF;
  ELSIF NOT EXISTS (SELECT 1 FROM new_rows) THEN
    RETURN NULL;
  END IF;
  INSERT INTO "search_change" ("event_id") VALUES (NULL);
  RETURN NULL;
END
$$;

CREATE TRIGGER actor_names_insert AFTER INSERT ON "actor" REFERENCING NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION parley_actor_names_changed();
CREATE TRIGGER actor_names_update AFTER UPDATE ON "actor" REFERENCING NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION parley_actor_names_changed();
CREATE TRIGGER actor_names_delete AFTER DELETE ON "actor" REFERENCING OLD TABLE AS old_rows
  FOR EACH STATEMENT EXECUTE FUNCTION parley_actor_names_changed();
CREATE TRIGGER actor_alias_names_insert AFTER INSERT ON "actor_alias" REFERENCING NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION parley_actor_names_changed();
CREATE TRIGGER actor_alias_names_update AFTER UPDATE ON "actor_alias" REFERENCING NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION parley_actor_names_changed();
CREATE TRIGGER actor_alias_names_delete AFTER DELETE ON "actor_alias" REFERENCING OLD TABLE AS old_rows
  FOR EACH STATEMENT EXECUTE FUNCTION parley_actor_names_changed();
