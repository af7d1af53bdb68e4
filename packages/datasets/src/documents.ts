/**
 * Search documents and contested flags, set-wise. A batch's transaction defers them (the migration
 * `import_deferred_documents`: row by row the triggers gathered each event's names three times) and
 * writes them here once per event: new events get their document in their INSERT, changed ones in
 * one UPDATE. The SQL twin of `parley_event_names`, over any participant and event_place tables.
 */

/**
 * Turns the row-by-row document, contested and participant-date triggers, and the change log of
 * participants, places and claims, off for the rest of the transaction (migrations
 * `import_deferred_documents`, `import_deferred_dates_and_log`).
 */
export const DEFER_DOCUMENTS = `SELECT set_config('parley.deferred_documents', 'on', true)`;

/** `(event_id, actor_names, place_names)` of the events `$1`, as `parley_event_names` gives them. */
export function eventNames(participants: string, places: string): string {
  return `WITH pa AS (SELECT DISTINCT event_id, actor_id FROM ${participants} WHERE event_id = ANY($1::int[])),
       an AS (SELECT pa.event_id, string_agg(n.name, ' | ' ORDER BY n.actor_id, n.alias_id) AS names
                FROM pa JOIN (SELECT id AS actor_id, 0 AS alias_id, name FROM actor
                              UNION ALL SELECT actor_id, id, name FROM actor_alias) n USING (actor_id)
               GROUP BY pa.event_id),
       pn AS (SELECT ep.event_id, string_agg(pl.name, ' | ' ORDER BY pl.id) AS names, array_agg(DISTINCT pl.country) AS countries
                FROM (SELECT DISTINCT event_id, place_id FROM ${places} WHERE event_id = ANY($1::int[])) ep
                JOIN place pl ON pl.id = ep.place_id GROUP BY ep.event_id),
       names AS (SELECT ids.id AS event_id, an.names AS actor_names,
                        nullif(concat_ws(' | ', pn.names,
                          (SELECT string_agg(parley_country_names(c), ' | ' ORDER BY c) FROM unnest(pn.countries) c)), '') AS place_names
                   FROM unnest($1::int[]) AS ids(id) LEFT JOIN an ON an.event_id = ids.id LEFT JOIN pn ON pn.event_id = ids.id)`;
}

/** Rewrites the documents of the events `$1` from their stored participants and places. */
export const REFRESH_DOCUMENTS = `${eventNames("participant", "event_place")}
  UPDATE event e SET document = parley_event_document(e.title, e.summary, names.actor_names, names.place_names)
    FROM names WHERE e.id = names.event_id`;

/** Sets the contested flag of the events `$1` from their claims, where it is wrong. */
export const REFRESH_CONTESTED = `
  UPDATE event e SET contested = coalesce(c.contested, false)
    FROM unnest($1::int[]) AS ids(id)
    LEFT JOIN (SELECT event_id, bool_or(stance = 'ASSERTS') AND bool_or(stance = 'DENIES') AS contested
                 FROM claim WHERE event_id = ANY($1::int[]) GROUP BY event_id) c ON c.event_id = ids.id
   WHERE e.id = ids.id AND e.id = ANY($1::int[]) AND e.contested IS DISTINCT FROM coalesce(c.contested, false)`;

/** Logs the events `$1` for the search index once each (what the deferred row triggers would have logged, several times). */
export const LOG_CHANGES = `SELECT parley_search_log($1::int[])`;
