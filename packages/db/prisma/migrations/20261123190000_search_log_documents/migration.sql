-- Hand-written: the search indexes also hold each event's text lexemes, so a change of an event's
-- document (its title or summary, a participant's or place's name, an alias) goes in the change log too.
CREATE OR REPLACE FUNCTION parley_search_event_updated() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  PERFORM parley_search_log(array(
    SELECT n."id" FROM new_rows n JOIN old_rows o ON o."id" = n."id"
     WHERE (n."type", n."start_date", n."end_date", n."contested") IS DISTINCT FROM (o."type", o."start_date", o."end_date", o."contested")
        OR n."document" IS DISTINCT FROM o."document"));
  RETURN NULL;
END
$$;
