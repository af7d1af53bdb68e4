-- Hand-written: the search indexes sum the fatalities of the events a search finds and map the
-- places with coordinates (searchEvents' `fatalities` and `places`), so a change of an event's
-- figures, or of whether a place has coordinates, goes in the change log like any other search fact.
CREATE OR REPLACE FUNCTION parley_search_event_updated() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  PERFORM parley_search_log(array(
    SELECT n."id" FROM new_rows n JOIN old_rows o ON o."id" = n."id"
     WHERE (n."type", n."start_date", n."end_date", n."contested", n."fatalities_low", n."fatalities_best", n."fatalities_high")
           IS DISTINCT FROM (o."type", o."start_date", o."end_date", o."contested", o."fatalities_low", o."fatalities_best", o."fatalities_high")
        OR n."document" IS DISTINCT FROM o."document"));
  RETURN NULL;
END
$$;

CREATE OR REPLACE FUNCTION parley_search_place_updated() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  PERFORM parley_refresh_documents(array(
    SELECT ep."event_id" FROM "event_place" ep JOIN new_rows n ON n."id" = ep."place_id" JOIN old_rows o ON o."id" = n."id"
     WHERE n."name" IS DISTINCT FROM o."name"));
  PERFORM parley_search_log(array(
    SELECT ep."event_id" FROM "event_place" ep JOIN new_rows n ON n."id" = ep."place_id" JOIN old_rows o ON o."id" = n."id"
     WHERE n."country" IS DISTINCT FROM o."country"
        OR (n."lat" IS NULL OR n."lon" IS NULL) IS DISTINCT FROM (o."lat" IS NULL OR o."lon" IS NULL)));
  RETURN NULL;
END
$$;
