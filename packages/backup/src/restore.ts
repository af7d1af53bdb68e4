import { once } from "node:events";
import { createReadStream } from "node:fs";
import { createInterface } from "node:readline";
import { finished } from "node:stream/promises";
import { createGunzip } from "node:zlib";
import { defined } from "@parley/schema";
import pg from "pg";
import { from as copyFrom } from "pg-copy-streams";
import { BACKUP_FORMAT, BACKUP_FORMAT_VERSION, type BackupHeader } from "./backup.ts";
import { formatCopyLine } from "./copy-text.ts";
import { dataTables, migrationVersion, quoteIdent } from "./tables.ts";

export class RestoreError extends Error {}

export interface RestoreOptions {
  /** Replace what the database holds instead of refusing a database that is not empty. */
  force?: boolean;
  onTable?: (table: string, rows: number) => void;
  onProgress?: (done: number, total: number) => void;
}

function parseHeader(line: string | undefined, file: string): BackupHeader {
  let header: Partial<BackupHeader>;
  try {
    header = JSON.parse(line ?? "") as Partial<BackupHeader>;
  } catch {
    throw new RestoreError(`${file} is not a Parley backup (its first line is not a JSON header).`);
  }
  if (header.format !== BACKUP_FORMAT)
    throw new RestoreError(`${file} is not a Parley backup (format "${String(header.format)}").`);
  if (header.formatVersion !== BACKUP_FORMAT_VERSION)
    throw new RestoreError(
      `${file} is in backup format ${header.formatVersion}; this Parley reads format ${BACKUP_FORMAT_VERSION}.`,
    );
  return header as BackupHeader;
}

/**
 * Restores a backup made by `backupDatabase` into a migrated database, in one transaction: the
 * database must be at the backup's migration and hold no data (unless `force`). User triggers are
 * off while rows are copied (the backup holds what they computed), sequences continue after the
 * highest restored IDs, and running search indexes are told to rebuild. On any error nothing changes.
 */
export async function restoreDatabase(url: string, file: string, options: RestoreOptions = {}): Promise<BackupHeader> {
  const lines = createInterface({ input: createReadStream(file).pipe(createGunzip()), crlfDelay: Infinity })[
    Symbol.asyncIterator
  ]();
  const header = parseHeader((await lines.next()).value as string | undefined, file);
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    await client.query("BEGIN");
    const current = await migrationVersion(client);
    if (current !== header.migration) {
      throw new RestoreError(
        `This backup was taken at migration ${header.migration}; this database is at ${current ?? "no migration"}. ` +
          `Restore it with the Parley version that wrote it, then upgrade (the migrations run at start).`,
      );
    }
    const tables = await dataTables(client);
    const known = new Map(tables.map((t) => [t.name, t]));
    for (const t of header.tables) {
      const here = known.get(t.name);
      if (!here || here.columns.join() !== t.columns.join())
        throw new RestoreError(
          `Table ${t.name} in the backup does not match this database's (columns ${t.columns.join(", ")}).`,
        );
    }
    const held = [];
    for (const t of tables) {
      const { rows } = await client.query<{ any: boolean }>(
        `SELECT EXISTS (SELECT 1 FROM ${quoteIdent(t.name)}) AS any`,
      );
      if (defined(rows[0]).any) held.push(t.name);
    }
    if (held.length && !options.force)
      throw new RestoreError(
        `The database already holds data (in ${held.join(", ")}). Restore into an empty database, or pass --force to replace everything in it.`,
      );
    const names = tables.map((t) => quoteIdent(t.name)).join(", ");
    if (held.length) await client.query(`TRUNCATE ${names} CASCADE`);
    for (const t of tables) await client.query(`ALTER TABLE ${quoteIdent(t.name)} DISABLE TRIGGER USER`);

    const total = header.tables.reduce((sum, t) => sum + t.rows, 0);
    let done = 0;
    let ended = false;
    for (let next = await lines.next(); !next.done; ) {
      const marker = JSON.parse(next.value as string) as { table?: string; end?: boolean; rows?: number };
      if (marker.end) {
        if (marker.rows !== total)
          throw new RestoreError(`${file} ends after ${marker.rows} rows; its header promised ${total}.`);
        ended = true;
        break;
      }
      const table = header.tables.find((t) => t.name === marker.table);
      if (!table) throw new RestoreError(`${file}: unexpected line ${String(next.value).slice(0, 80)}`);
      const stream = client.query(
        copyFrom(`COPY ${quoteIdent(table.name)} (${table.columns.map(quoteIdent).join(", ")}) FROM STDIN`),
      );
      let rows = 0;
      for (next = await lines.next(); !next.done && (next.value as string).startsWith("["); next = await lines.next()) {
        if (!stream.write(`${formatCopyLine(JSON.parse(next.value as string) as (string | null)[])}\n`))
          await once(stream, "drain");
        rows++;
        options.onProgress?.(++done, total);
      }
      stream.end();
      await finished(stream);
      if (rows !== table.rows)
        throw new RestoreError(`${file}: table ${table.name} has ${rows} rows; its header promised ${table.rows}.`);
      options.onTable?.(table.name, rows);
    }
    if (!ended) throw new RestoreError(`${file} is truncated: it stops before its end line. Nothing was restored.`);

    for (const t of tables) await client.query(`ALTER TABLE ${quoteIdent(t.name)} ENABLE TRIGGER USER`);
    // Sequences continue after the highest restored ID.
    await client.query(`
      DO $$ DECLARE s record; BEGIN
        FOR s IN SELECT c.relname AS tbl, a.attname AS col, pg_get_serial_sequence(quote_ident(c.relname), a.attname) AS seq
                   FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace JOIN pg_attribute a ON a.attrelid = c.oid
                  WHERE n.nspname = 'public' AND c.relkind = 'r' AND a.attnum > 0 AND NOT a.attisdropped
                    AND pg_get_serial_sequence(quote_ident(c.relname), a.attname) IS NOT NULL LOOP
          EXECUTE format('SELECT setval(%L, coalesce((SELECT max(%I) FROM %I), 0) + 1, false)', s.seq, s.col, s.tbl);
        END LOOP;
      END $$`);
    // Search indexes built before the restore describe other data: make every one rebuild.
    await client.query(`UPDATE search_state SET generation = generation + 1`);
    await client.query("COMMIT");
    return header;
  } catch (error) {
    await client.query("ROLLBACK").catch(() => {});
    throw error;
  } finally {
    await client.end();
  }
}
