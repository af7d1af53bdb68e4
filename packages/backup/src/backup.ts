import { once } from "node:events";
import { createWriteStream } from "node:fs";
import { createInterface } from "node:readline";
import type { Readable } from "node:stream";
import { pipeline } from "node:stream/promises";
import { createGzip } from "node:zlib";
import { defined } from "@parley/schema";
import pg from "pg";
import { to as copyTo } from "pg-copy-streams";
import { parseCopyLine } from "./copy-text.ts";
import { dataTables, migrationVersion, quoteIdent, type TableInfo } from "./tables.ts";

export const BACKUP_FORMAT = "parley-backup";
export const BACKUP_FORMAT_VERSION = 1;

export interface BackupHeader {
  format: typeof BACKUP_FORMAT;
  formatVersion: number;
  /** The newest migration of the database it was taken from: restore needs the same. */
  migration: string;
  createdAt: string;
  postgres: string;
  tables: (TableInfo & { rows: number })[];
}

export interface BackupOptions {
  onTable?: (table: string, rows: number) => void;
  onProgress?: (done: number, total: number) => void;
}

/**
 * Writes every data table of the database to `file`, gzip'd JSON lines, from one REPEATABLE READ
 * READ ONLY transaction (one snapshot: writes made meanwhile are either wholly in or wholly out):
 * a header line, then per table a `{"table": name}` line followed by one JSON array per row (the
 * columns' values in PostgreSQL's text form, null for NULL), and a last `{"end": true, "rows": N}`.
 */
export async function backupDatabase(url: string, file: string, options: BackupOptions = {}): Promise<BackupHeader> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  const gzip = createGzip();
  const written = pipeline(gzip, createWriteStream(file));
  const write = async (line: string) => {
    if (!gzip.write(`${line}\n`)) await once(gzip, "drain");
  };
  try {
    await client.query("BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY");
    const migration = await migrationVersion(client);
    if (!migration) throw new Error("The database has no migrations applied: there is nothing to back up.");
    const tables = await dataTables(client);
    const counted = [];
    for (const t of tables)
      counted.push({
        ...t,
        rows: Number(
          defined((await client.query<{ n: string }>(`SELECT count(*) AS n FROM ${quoteIdent(t.name)}`)).rows[0]).n,
        ),
      });
    const postgres = defined(
      (await client.query<{ server_version: string }>("SHOW server_version")).rows[0],
    ).server_version;
    const header: BackupHeader = {
      format: BACKUP_FORMAT,
      formatVersion: BACKUP_FORMAT_VERSION,
      migration,
      createdAt: new Date().toISOString(),
      postgres,
      tables: counted,
    };
    await write(JSON.stringify(header));
    const total = counted.reduce((sum, t) => sum + t.rows, 0);
    let done = 0;
    for (const t of counted) {
      await write(JSON.stringify({ table: t.name }));
      const stream = client.query(
        copyTo(`COPY ${quoteIdent(t.name)} (${t.columns.map(quoteIdent).join(", ")}) TO STDOUT`),
      );
      let rows = 0;
      for await (const line of createInterface({ input: stream as unknown as Readable, crlfDelay: Infinity })) {
        await write(JSON.stringify(parseCopyLine(line)));
        rows++;
        options.onProgress?.(++done, total);
      }
      if (rows !== t.rows) throw new Error(`${t.name}: counted ${t.rows} rows but read ${rows}`);
      options.onTable?.(t.name, rows);
    }
    await write(JSON.stringify({ end: true, rows: total }));
    await client.query("COMMIT");
    gzip.end();
    await written;
    return header;
  } catch (error) {
    gzip.destroy();
    await written.catch(() => {});
    throw error;
  } finally {
    await client.end();
  }
}
