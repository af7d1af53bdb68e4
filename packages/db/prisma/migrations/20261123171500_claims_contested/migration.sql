-- Hand-written: what the Prisma schema cannot express.

-- Text search and transliteration-tolerant matching (used by search).
CREATE EXTENSION IF NOT EXISTS pg_trgm;
CREATE EXTENSION IF NOT EXISTS unaccent;

-- An event is contested while its claims include both an assertion and a denial. The flag lives on
-- the event row so that search can filter and count it; this trigger keeps it true to the claims,
-- whoever writes them (API, loader, importers).
CREATE FUNCTION parley_refresh_contested(target integer) RETURNS void LANGUAGE sql AS $$
  UPDATE "event" e
     SET "contested" = c.contested
    FROM (
      SELECT bool_or(stance = 'ASSERTS') AND bool_or(stance = 'DENIES') AS contested
        FROM "claim" WHERE "event_id" = target
    ) c
   WHERE e."id" = target AND e."contested" IS DISTINCT FROM coalesce(c.contested, false)
$$;

CREATE FUNCTION parley_claim_changed() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP IN ('UPDATE', 'DELETE') AND OLD."event_id" IS NOT NULL THEN
    PERFORM parley_refresh_contested(OLD."event_id");
  END IF;
  IF TG_OP IN ('INSERT', 'UPDATE') AND NEW."event_id" IS NOT NULL THEN
    PERFORM parley_refresh_contested(NEW."event_id");
  END IF;
  RETURN NULL;
END
$$;

CREATE TRIGGER claim_contested
  AFTER INSERT OR DELETE OR UPDATE OF "event_id", "stance" ON "claim"
  FOR EACH ROW EXECUTE FUNCTION parley_claim_changed();
