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
