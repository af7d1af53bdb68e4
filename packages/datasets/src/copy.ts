import { Readable } from "node:stream";
import { pipeline } from "node:stream/promises";
import type pg from "pg";
import { from as copyFrom } from "pg-copy-streams";

export type Cell = string | number | boolean | null;

/** One field of COPY's text format. */
function field(value: Cell): string {
  if (value === null) return "\\N";
  if (typeof value !== "string") return String(value);
  return /[\\\t\n\r]/.test(value)
    ? value.replace(/[\\\t\n\r]/g, (c) => (c === "\\" ? "\\\\" : c === "\t" ? "\\t" : c === "\n" ? "\\n" : "\\r"))
    : value;
}

/** Streams rows into a table with `COPY … FROM STDIN`, in chunks of about 64 kB. */
export async function copyRows(client: pg.ClientBase, table: string, rows: Iterable<Cell[]>): Promise<void> {
  function* lines() {
    let chunk = "";
    for (const row of rows) {
      chunk += `${row.map(field).join("\t")}\n`;
      if (chunk.length > 1 << 16) {
        yield chunk;
        chunk = "";
      }
    }
    if (chunk) yield chunk;
  }
  await pipeline(Readable.from(lines()), client.query(copyFrom(`COPY ${table} FROM STDIN`)));
}

/** Temporary tables the batches are copied into, emptied at every commit. */
export const STAGING_TABLES = `
  CREATE TEMPORARY TABLE IF NOT EXISTS import_event (
    key text PRIMARY KEY, id int, type text, title text, summary text, start_date date, end_date date,
    date_precision text, fatalities_low int, fatalities_best int, fatalities_high int) ON COMMIT DELETE ROWS;
  CREATE TEMPORARY TABLE IF NOT EXISTS import_place (
    key text, name text, kind text, country text, lat float8, lon float8) ON COMMIT DELETE ROWS;
  CREATE TEMPORARY TABLE IF NOT EXISTS import_source (
    key text, title text, published_at date, outlet_id int) ON COMMIT DELETE ROWS;
  CREATE TEMPORARY TABLE IF NOT EXISTS import_participant (event_id int, actor_id int, role text, ord int) ON COMMIT DELETE ROWS;
  CREATE TEMPORARY TABLE IF NOT EXISTS import_event_place (event_id int, place_id int, ord int) ON COMMIT DELETE ROWS;
  CREATE TEMPORARY TABLE IF NOT EXISTS import_claim (
    id int, key text, source_id int, event_id int, quote text, speaker_label text, note text, ord int) ON COMMIT DELETE ROWS;
  CREATE TEMPORARY TABLE IF NOT EXISTS import_ids (id int) ON COMMIT DELETE ROWS;`;
