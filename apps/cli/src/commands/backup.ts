import { existsSync } from "node:fs";
import { backupDatabase, RestoreError, restoreDatabase } from "@parley/backup";
import { applyMigrations, openDatabase } from "@parley/db";
import { progressLine } from "@parley/terminal";
import { type Command, UsageError } from "../args.ts";
import { userFile } from "../env.ts";
import { say } from "../output.ts";

export const backupCommand: Command = {
  name: "backup",
  summary: "write a consistent snapshot of every table to a file (gzip'd JSON lines)",
  usage:
    "Usage: pnpm parley backup [--out FILE]\n\n" +
    "Reads every table (events, actors, sources, claims, revisions, tokens as hashes, candidates…) in one\n" +
    "REPEATABLE READ read-only transaction, so the snapshot is consistent while others write, and\n" +
    "streams it to FILE (default parley-backup-<date>.jsonl.gz). Needs no pg_dump. The format is\n" +
    "described in the README (Reliability). Restore with `pnpm parley restore FILE`.",
  options: { out: { type: "string" } },
  async run({ values }) {
    const file = userFile(
      (values.out as string | undefined) ?? `parley-backup-${new Date().toISOString().replace(/[:.]/g, "-")}.jsonl.gz`,
    );
    if (existsSync(file)) throw new UsageError(`${file} exists; name another file with --out.`);
    const database = await openDatabase(say);
    try {
      const header = await backupDatabase(database.url, file, { onProgress: progressLine("rows") });
      const rows = header.tables.reduce((sum, t) => sum + t.rows, 0);
      say(
        `Backed up ${rows.toLocaleString("en")} rows of ${header.tables.length} tables (migration ${header.migration}) to ${file}`,
      );
    } finally {
      await database.stop();
    }
  },
};

export const restoreCommand: Command = {
  name: "restore",
  summary: "restore a backup into an empty database, in one transaction",
  usage:
    "Usage: pnpm parley restore FILE [--force]\n\n" +
    "Migrates the database, checks that the backup was taken at the same migration, and copies every\n" +
    "table in one transaction: on any error nothing is changed. Refuses a database that holds data\n" +
    "unless --force, which replaces everything in it. Sequences continue after the restored IDs, and\n" +
    "running API processes rebuild their search index on their next search.",
  options: { force: { type: "boolean" } },
  async run({ values, positionals }) {
    const [name] = positionals;
    if (!name) throw new UsageError("Name the backup file: pnpm parley restore FILE");
    const file = userFile(name);
    if (!existsSync(file)) throw new UsageError(`No such file: ${file}`);
    const database = await openDatabase(say);
    try {
      await applyMigrations(database.url);
      const header = await restoreDatabase(database.url, file, {
        force: Boolean(values.force),
        onProgress: progressLine("rows"),
      }).catch((error: unknown) => {
        if (!(error instanceof RestoreError)) throw error;
        say(error.message);
        return null;
      });
      if (!header) return 1;
      const rows = header.tables.reduce((sum, t) => sum + t.rows, 0);
      say(
        `Restored ${rows.toLocaleString("en")} rows of ${header.tables.length} tables from ${file} (taken ${header.createdAt}).`,
      );
    } finally {
      await database.stop();
    }
  },
};
