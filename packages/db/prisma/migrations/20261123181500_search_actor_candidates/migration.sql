-- Hand-written: the candidate names for searchActors, found through the trigram indexes only.
-- On tables of a few thousand rows the planner prefers a sequential scan, but evaluating trigram
-- similarity on every name costs far more than it estimates; inside this function sequential scans
-- are off, and PL/pgSQL keeps the plans, so the queries are planned once per connection.
-- First the names that contain the query or its transliteration key (cheap LIKE checks); only when
-- those are fewer than `enough`, the names with a similar word (word_similarity, threshold 0.6).
CREATE FUNCTION parley_actor_name_candidates(q text, k text, use_key boolean, enough integer)
RETURNS TABLE (actor_id integer, name text, normalized text, translit_key text, alias boolean)
LANGUAGE plpgsql STABLE SET enable_seqscan = off AS $$
DECLARE
  found_rows integer;
BEGIN
  IF length(q) < 3 THEN
    -- too short for trigrams: names and words that start with it
    RETURN QUERY
      SELECT a."id", a."name", a."normalized", a."translit_key", false FROM "actor" a
       WHERE a."normalized" LIKE q || '%' OR a."normalized" LIKE '% ' || q || '%'
      UNION ALL
      SELECT x."actor_id", x."name", x."normalized", x."translit_key", true FROM "actor_alias" x
       WHERE x."normalized" LIKE q || '%' OR x."normalized" LIKE '% ' || q || '%';
    RETURN;
  END IF;
  IF use_key THEN
    RETURN QUERY
      SELECT a."id", a."name", a."normalized", a."translit_key", false FROM "actor" a
       WHERE a."normalized" LIKE '%' || q || '%' OR a."translit_key" LIKE '%' || k || '%'
      UNION ALL
      SELECT x."actor_id", x."name", x."normalized", x."translit_key", true FROM "actor_alias" x
       WHERE x."normalized" LIKE '%' || q || '%' OR x."translit_key" LIKE '%' || k || '%';
  ELSE
    RETURN QUERY
      SELECT a."id", a."name", a."normalized", a."translit_key", false FROM "actor" a WHERE a."normalized" LIKE '%' || q || '%'
      UNION ALL
      SELECT x."actor_id", x."name", x."normalized", x."translit_key", true FROM "actor_alias" x WHERE x."normalized" LIKE '%' || q || '%';
  END IF;
  GET DIAGNOSTICS found_rows = ROW_COUNT;
  IF found_rows >= enough THEN
    RETURN;
  END IF;
  IF use_key THEN
    RETURN QUERY
      SELECT a."id", a."name", a."normalized", a."translit_key", false FROM "actor" a WHERE q <% a."normalized" OR k <% a."translit_key"
      UNION ALL
      SELECT x."actor_id", x."name", x."normalized", x."translit_key", true FROM "actor_alias" x WHERE q <% x."normalized" OR k <% x."translit_key";
  ELSE
    RETURN QUERY
      SELECT a."id", a."name", a."normalized", a."translit_key", false FROM "actor" a WHERE q <% a."normalized"
      UNION ALL
      SELECT x."actor_id", x."name", x."normalized", x."translit_key", true FROM "actor_alias" x WHERE q <% x."normalized";
  END IF;
END
$$;
