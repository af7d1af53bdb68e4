-- A saved search index (snapshot) names the database state it reflects by this epoch and the
-- generation: a new database draws a new epoch, and so does every change of generation (bulk
-- loads, TRUNCATE, restores, migrations that rewrite search documents), whoever makes it.
ALTER TABLE "search_state" ADD COLUMN "epoch" UUID NOT NULL DEFAULT gen_random_uuid();

CREATE FUNCTION parley_search_new_epoch() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF NEW."generation" IS DISTINCT FROM OLD."generation" THEN
    NEW."epoch" := gen_random_uuid();
  END IF;
  RETURN NEW;
END
$$;

CREATE TRIGGER search_state_new_epoch BEFORE UPDATE ON "search_state" FOR EACH ROW EXECUTE FUNCTION parley_search_new_epoch();
