/**
 * Temporary tables the batches are copied into, emptied at every commit; and `import_seen`, every
 * dataset ID of the file so far with its line (kept for the whole import, in the database rather
 * than in the importer's memory, and rolled back with the batch that added it).
 */
export const STAGING_TABLES = `
  CREATE TEMPORARY TABLE IF NOT EXISTS import_event (
    key text PRIMARY KEY, id int, type text, title text, summary text, start_date date, end_date date,
    date_precision text, fatalities_low int, fatalities_best int, fatalities_high int) ON COMMIT DELETE ROWS;
  CREATE TEMPORARY TABLE IF NOT EXISTS import_place (
    key text, name text, kind text, country text, lat float8, lon float8) ON COMMIT DELETE ROWS;
  CREATE TEMPORARY TABLE IF NOT EXISTS import_source (
    key text, title text, published_at date, outlet_id int) ON COMMIT DELETE ROWS;
  CREATE TEMPORARY TABLE IF NOT EXISTS import_participant (event_id int, actor_id int, role text, ord int, event_start_date date) ON COMMIT DELETE ROWS;
  CREATE TEMPORARY TABLE IF NOT EXISTS import_event_place (event_id int, place_id int, ord int) ON COMMIT DELETE ROWS;
  CREATE TEMPORARY TABLE IF NOT EXISTS import_claim (
    id int, key text, source_id int, event_id int, quote text, speaker_label text, note text, ord int) ON COMMIT DELETE ROWS;
  CREATE TEMPORARY TABLE IF NOT EXISTS import_ids (id int) ON COMMIT DELETE ROWS;
  CREATE TEMPORARY TABLE IF NOT EXISTS import_seen (key text PRIMARY KEY, line int NOT NULL);`;
