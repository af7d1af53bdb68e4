-- AlterTable
ALTER TABLE "actor" ADD COLUMN     "normalized" TEXT NOT NULL DEFAULT '',
ADD COLUMN     "translit_key" TEXT NOT NULL DEFAULT '';

-- AlterTable
ALTER TABLE "event" ADD COLUMN     "document" tsvector;

-- CreateTable
CREATE TABLE "search_change" (
    "seq" BIGSERIAL NOT NULL,
    "xid" BIGINT NOT NULL DEFAULT ((pg_current_xact_id())::text)::bigint,
    "event_id" INTEGER NOT NULL,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "search_change_pkey" PRIMARY KEY ("seq")
);

-- CreateTable
CREATE TABLE "search_state" (
    "id" INTEGER NOT NULL DEFAULT 1,
    "generation" INTEGER NOT NULL DEFAULT 0,
    "pruned_below_xid" BIGINT NOT NULL DEFAULT 0,

    CONSTRAINT "search_state_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "search_change_xid_idx" ON "search_change"("xid");

-- CreateIndex
CREATE INDEX "actor_normalized_trgm_idx" ON "actor" USING GIN ("normalized" gin_trgm_ops);

-- CreateIndex
CREATE INDEX "actor_translit_key_trgm_idx" ON "actor" USING GIN ("translit_key" gin_trgm_ops);

-- CreateIndex
CREATE INDEX "actor_alias_normalized_trgm_idx" ON "actor_alias" USING GIN ("normalized" gin_trgm_ops);

-- CreateIndex
CREATE INDEX "actor_alias_translit_key_trgm_idx" ON "actor_alias" USING GIN ("translit_key" gin_trgm_ops);

-- CreateIndex
CREATE INDEX "event_document_idx" ON "event" USING GIN ("document");

-- Hand-written: what the Prisma schema cannot express.

-- Text search: English stemming, accent- and case-insensitive.
CREATE TEXT SEARCH CONFIGURATION parley (COPY = english);
ALTER TEXT SEARCH CONFIGURATION parley ALTER MAPPING FOR hword, hword_part, word WITH unaccent, english_stem;

-- SQL twins of normalizeName and transliterationKey in packages/schema/src/names.ts (a test holds
-- them equal), so that the database can key every actor name, whoever writes it.
CREATE FUNCTION parley_normalize_name(name text) RETURNS text IMMUTABLE PARALLEL SAFE LANGUAGE sql AS $$
  SELECT btrim(regexp_replace(
           regexp_replace(
             lower(regexp_replace(
               regexp_replace(normalize(name, NFKD),
                 '[\u0300-\u036F\u0483-\u0489\u0591-\u05BD\u05BF\u05C1\u05C2\u05C4\u05C5\u05C7\u0610-\u061A\u064B-\u065F\u0670\u06D6-\u06DC\u06DF-\u06E4\u06E7\u06E8\u06EA-\u06ED\u0900-\u0903\u093A-\u093C\u093E-\u094F\u0951-\u0957\u0962\u0963\u1AB0-\u1AFF\u1DC0-\u1DFF\u20D0-\u20FF\uFE20-\uFE2F]', '', 'g'),
               '[\u200B-\u200F\u202A-\u202E\u2060-\u2064\uFEFF]', '', 'g')),
             '[''’‘ʼʿʾ`´]', '', 'g'),
           '[^[:alnum:]]+', ' ', 'g'))
$$;

CREATE FUNCTION parley_name_skeleton(token text) RETURNS text IMMUTABLE PARALLEL SAFE LANGUAGE sql AS $$
  SELECT regexp_replace(left(t, 1) || regexp_replace(substr(t, 2), '[aeiouyh]', '', 'g'), '(.)\1+', '\1', 'g')
    FROM (SELECT replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(
                   token, 'kh', 'x'), 'sh', 'S'), 'ch', 'C'), 'gh', 'G'), 'zh', 'j'), 'th', 't'), 'dh', 'd'), 'ph', 'f'), 'q', 'k'), 'w', 'v') AS t) s
$$;

CREATE FUNCTION parley_translit_key(name text) RETURNS text IMMUTABLE PARALLEL SAFE LANGUAGE sql AS $$
  SELECT coalesce(string_agg(parley_name_skeleton(token), ' ' ORDER BY n), '')
    FROM regexp_split_to_table(parley_normalize_name(name), ' ') WITH ORDINALITY AS t(token, n)
   WHERE token <> '' AND token NOT IN ('e', 'i', 'a', 'ul', 'al', 'el', 'ud', 'ur', 'us', 'ut', 'un')
$$;

CREATE FUNCTION parley_actor_keys() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  NEW."normalized" := parley_normalize_name(NEW."name");
  NEW."translit_key" := parley_translit_key(NEW."name");
  RETURN NEW;
END
$$;

CREATE TRIGGER actor_keys BEFORE INSERT OR UPDATE OF "name" ON "actor"
  FOR EACH ROW EXECUTE FUNCTION parley_actor_keys();

UPDATE "actor" SET "normalized" = parley_normalize_name("name"), "translit_key" = parley_translit_key("name");

-- The event's search document: title (A), its participants' names and aliases and its places (B),
-- summary (C). The generator builds the same document in bulk with parley_event_document.
CREATE FUNCTION parley_event_document(title text, summary text, actor_names text, place_names text)
RETURNS tsvector IMMUTABLE PARALLEL SAFE LANGUAGE sql AS $$
  SELECT setweight(to_tsvector('parley', coalesce(title, '')), 'A')
      || setweight(to_tsvector('parley', coalesce(actor_names, '')), 'B')
      || setweight(to_tsvector('parley', coalesce(place_names, '')), 'B')
      || setweight(to_tsvector('parley', coalesce(summary, '')), 'C')
$$;

CREATE FUNCTION parley_event_names(event_id integer, OUT actor_names text, OUT place_names text) STABLE LANGUAGE sql AS $$
  SELECT (SELECT string_agg(n.name, ' | ' ORDER BY n.actor_id, n.alias_id)
            FROM (SELECT a."id" AS actor_id, 0 AS alias_id, a."name" FROM "actor" a
                   WHERE a."id" IN (SELECT p."actor_id" FROM "participant" p WHERE p."event_id" = $1)
                  UNION ALL
                  SELECT x."actor_id", x."id", x."name" FROM "actor_alias" x
                   WHERE x."actor_id" IN (SELECT p."actor_id" FROM "participant" p WHERE p."event_id" = $1)) n),
         (SELECT string_agg(pl."name", ' | ' ORDER BY pl."id")
            FROM "place" pl JOIN "event_place" ep ON ep."place_id" = pl."id" WHERE ep."event_id" = $1)
$$;

CREATE FUNCTION parley_refresh_documents(ids integer[]) RETURNS void LANGUAGE sql AS $$
  UPDATE "event" e
     SET "document" = parley_event_document(e."title", e."summary", n.actor_names, n.place_names)
    FROM (SELECT DISTINCT id FROM unnest(ids) AS u(id)) x, LATERAL parley_event_names(x.id) n
   WHERE e."id" = x.id
$$;

CREATE FUNCTION parley_event_document_trigger() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  names record;
BEGIN
  SELECT * INTO names FROM parley_event_names(NEW."id");
  NEW."document" := parley_event_document(NEW."title", NEW."summary", names.actor_names, names.place_names);
  RETURN NEW;
END
$$;

CREATE TRIGGER event_document BEFORE INSERT OR UPDATE OF "title", "summary" ON "event"
  FOR EACH ROW EXECUTE FUNCTION parley_event_document_trigger();

SELECT parley_refresh_documents(array(SELECT "id" FROM "event"));

-- The change log the search indexes follow.
INSERT INTO "search_state" ("id") VALUES (1);

CREATE FUNCTION parley_search_log(ids integer[]) RETURNS void LANGUAGE sql AS $$
  INSERT INTO "search_change" ("event_id") SELECT DISTINCT id FROM unnest(ids) AS u(id) WHERE id IS NOT NULL
$$;

-- Statement-level, with transition tables, so that a bulk insert costs one refresh, not one per row.
-- TG_ARGV[0]: the column holding the event ID; TG_ARGV[1]: 'document' to also rebuild documents.
CREATE FUNCTION parley_search_rows_changed() RETURNS trigger LANGUAGE plpgsql AS $$
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
    IF TG_ARGV[1] = 'document' THEN PERFORM parley_refresh_documents(ids); END IF;
    PERFORM parley_search_log(ids);
  END IF;
  RETURN NULL;
END
$$;

CREATE FUNCTION parley_search_event_updated() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  PERFORM parley_search_log(array(
    SELECT n."id" FROM new_rows n JOIN old_rows o ON o."id" = n."id"
     WHERE (n."type", n."start_date", n."end_date", n."contested") IS DISTINCT FROM (o."type", o."start_date", o."end_date", o."contested")));
  RETURN NULL;
END
$$;

CREATE TRIGGER event_search_insert AFTER INSERT ON "event" REFERENCING NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION parley_search_rows_changed('id', 'log');
CREATE TRIGGER event_search_delete AFTER DELETE ON "event" REFERENCING OLD TABLE AS old_rows
  FOR EACH STATEMENT EXECUTE FUNCTION parley_search_rows_changed('id', 'log');
CREATE TRIGGER event_search_update AFTER UPDATE ON "event" REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION parley_search_event_updated();

CREATE TRIGGER participant_search_insert AFTER INSERT ON "participant" REFERENCING NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION parley_search_rows_changed('event_id', 'document');
CREATE TRIGGER participant_search_delete AFTER DELETE ON "participant" REFERENCING OLD TABLE AS old_rows
  FOR EACH STATEMENT EXECUTE FUNCTION parley_search_rows_changed('event_id', 'document');
CREATE TRIGGER participant_search_update AFTER UPDATE ON "participant" REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION parley_search_rows_changed('event_id', 'document');

CREATE TRIGGER event_place_search_insert AFTER INSERT ON "event_place" REFERENCING NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION parley_search_rows_changed('event_id', 'document');
CREATE TRIGGER event_place_search_delete AFTER DELETE ON "event_place" REFERENCING OLD TABLE AS old_rows
  FOR EACH STATEMENT EXECUTE FUNCTION parley_search_rows_changed('event_id', 'document');
CREATE TRIGGER event_place_search_update AFTER UPDATE ON "event_place" REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION parley_search_rows_changed('event_id', 'document');

CREATE TRIGGER claim_search_insert AFTER INSERT ON "claim" REFERENCING NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION parley_search_rows_changed('event_id', 'log');
CREATE TRIGGER claim_search_delete AFTER DELETE ON "claim" REFERENCING OLD TABLE AS old_rows
  FOR EACH STATEMENT EXECUTE FUNCTION parley_search_rows_changed('event_id', 'log');
CREATE TRIGGER claim_search_update AFTER UPDATE ON "claim" REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION parley_search_rows_changed('event_id', 'log');

-- A source's outlet, a place's name or country, an actor's names: every event they touch.
CREATE FUNCTION parley_search_source_updated() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  PERFORM parley_search_log(array(
    SELECT c."event_id" FROM "claim" c JOIN new_rows n ON n."id" = c."source_id" JOIN old_rows o ON o."id" = n."id"
     WHERE n."outlet_id" IS DISTINCT FROM o."outlet_id"));
  RETURN NULL;
END
$$;

CREATE TRIGGER source_search_update AFTER UPDATE ON "source" REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION parley_search_source_updated();

CREATE FUNCTION parley_search_place_updated() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  PERFORM parley_refresh_documents(array(
    SELECT ep."event_id" FROM "event_place" ep JOIN new_rows n ON n."id" = ep."place_id" JOIN old_rows o ON o."id" = n."id"
     WHERE n."name" IS DISTINCT FROM o."name"));
  PERFORM parley_search_log(array(
    SELECT ep."event_id" FROM "event_place" ep JOIN new_rows n ON n."id" = ep."place_id" JOIN old_rows o ON o."id" = n."id"
     WHERE n."country" IS DISTINCT FROM o."country"));
  RETURN NULL;
END
$$;

CREATE TRIGGER place_search_update AFTER UPDATE ON "place" REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION parley_search_place_updated();

CREATE FUNCTION parley_search_actor_renamed() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  PERFORM parley_refresh_documents(array(
    SELECT p."event_id" FROM "participant" p JOIN new_rows n ON n."id" = p."actor_id" JOIN old_rows o ON o."id" = n."id"
     WHERE n."name" IS DISTINCT FROM o."name"));
  RETURN NULL;
END
$$;

CREATE TRIGGER actor_search_update AFTER UPDATE ON "actor" REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION parley_search_actor_renamed();

CREATE FUNCTION parley_search_aliases_changed() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  actors integer[];
BEGIN
  IF TG_OP = 'INSERT' THEN
    SELECT array_agg(DISTINCT "actor_id") INTO actors FROM new_rows;
  ELSIF TG_OP = 'DELETE' THEN
    SELECT array_agg(DISTINCT "actor_id") INTO actors FROM old_rows;
  ELSE
    SELECT array_agg(DISTINCT x) INTO actors FROM (SELECT "actor_id" AS x FROM old_rows UNION SELECT "actor_id" FROM new_rows) s;
  END IF;
  IF actors IS NOT NULL THEN
    PERFORM parley_refresh_documents(array(SELECT DISTINCT p."event_id" FROM "participant" p WHERE p."actor_id" = ANY(actors)));
  END IF;
  RETURN NULL;
END
$$;

CREATE TRIGGER actor_alias_search_insert AFTER INSERT ON "actor_alias" REFERENCING NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION parley_search_aliases_changed();
CREATE TRIGGER actor_alias_search_delete AFTER DELETE ON "actor_alias" REFERENCING OLD TABLE AS old_rows
  FOR EACH STATEMENT EXECUTE FUNCTION parley_search_aliases_changed();
CREATE TRIGGER actor_alias_search_update AFTER UPDATE ON "actor_alias" REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION parley_search_aliases_changed();

-- Bulk changes the log does not describe: every index rebuilds.
CREATE FUNCTION parley_search_reset() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  UPDATE "search_state" SET "generation" = "generation" + 1 WHERE "id" = 1;
  RETURN NULL;
END
$$;

CREATE TRIGGER event_search_truncate AFTER TRUNCATE ON "event" FOR EACH STATEMENT EXECUTE FUNCTION parley_search_reset();
CREATE TRIGGER participant_search_truncate AFTER TRUNCATE ON "participant" FOR EACH STATEMENT EXECUTE FUNCTION parley_search_reset();
CREATE TRIGGER event_place_search_truncate AFTER TRUNCATE ON "event_place" FOR EACH STATEMENT EXECUTE FUNCTION parley_search_reset();
CREATE TRIGGER claim_search_truncate AFTER TRUNCATE ON "claim" FOR EACH STATEMENT EXECUTE FUNCTION parley_search_reset();
CREATE TRIGGER source_search_truncate AFTER TRUNCATE ON "source" FOR EACH STATEMENT EXECUTE FUNCTION parley_search_reset();
CREATE TRIGGER place_search_truncate AFTER TRUNCATE ON "place" FOR EACH STATEMENT EXECUTE FUNCTION parley_search_reset();
