import { existsSync } from "node:fs";
import path from "node:path";
import {
  applyMigrations,
  demoFiles,
  type LoadSummary,
  loadDataFiles,
  loadDemoIfEmpty,
  openDatabase,
  paths,
  withDatabase,
} from "@parley/db";
import { defined } from "@parley/schema";
import pg from "pg";
import { type Command, UsageError } from "../args.ts";
import { withDb } from "../database.ts";
import { userFile } from "../env.ts";
import { say } from "../output.ts";

function printSummary(summary: LoadSummary) {
  const rows = Object.entries(summary.byKind).filter(([, t]) => t.created + t.updated + t.unchanged > 0);
  for (const [kind, t] of rows)
    say(`  ${kind.padEnd(8)} created ${t.created}, updated ${t.updated}, unchanged ${t.unchanged}`);
  say(`Done: ${summary.created} created, ${summary.updated} updated, ${summary.unchanged} unchanged.`);
}

export const migrateCommand: Command = {
  name: "migrate",
  summary: "apply the committed migrations to the database",
  usage:
    "Usage: pnpm db:migrate\n\nApplies every migration in packages/db/prisma/migrations that the database lacks.\nUses DATABASE_URL, or the embedded PostgreSQL in .parley/ when it is unset.",
  async run() {
    await withDb(async () => say("Database is up to date."));
  },
};

export const migrationCommand: Command = {
  name: "migration",
  summary: "author a new migration from changes to prisma/schema.prisma (offline)",
  usage:
    "Usage: pnpm db:migration:new <name>\n\nCompares the schema with the committed migrations (replayed in a scratch database)\nand writes prisma/migrations/<timestamp>_<name>/migration.sql. Review it, then commit it.",
  async run({ positionals }) {
    const [verb, name] = positionals;
    if (verb !== "new" || !name) throw new UsageError("Name the migration: pnpm db:migration:new <name>");
    const { authorMigration } = await import("@parley/db/migrations");
    const database = await openDatabase(say);
    const shadow = withDatabase(database.url, `parley_shadow_${process.pid}`);
    const admin = new pg.Client({ connectionString: withDatabase(database.url, "postgres") });
    await admin.connect();
    try {
      await admin.query(`CREATE DATABASE "parley_shadow_${process.pid}"`);
      const result = await authorMigration({
        name,
        migrationsDir: paths.migrations,
        schemaPath: paths.schema,
        shadowDatabaseUrl: shadow,
      });
      say(
        result.directory
          ? `Wrote ${path.relative(process.cwd(), result.directory)}`
          : "The schema matches the migrations: nothing to write.",
      );
    } finally {
      await admin.query(`DROP DATABASE IF EXISTS "parley_shadow_${process.pid}" WITH (FORCE)`);
      await admin.end();
      await database.stop();
    }
  },
};

export const prepareCommand: Command = {
  name: "prepare",
  summary: "migrate, and load the demo dataset into an empty database",
  usage:
    "Usage: pnpm parley prepare\n\nWhat `pnpm start` does before serving: applies migrations and, if the database\nholds no events, loads the demo dataset from packages/db/demo.",
  async run() {
    await withDb(async (db) => {
      const summary = await loadDemoIfEmpty(db);
      if (summary) {
        say("Loaded the demo dataset:");
        printSummary(summary);
      } else say("The database already holds events; the demo dataset was not loaded.");
    });
  },
};

export const loadCommand: Command = {
  name: "load",
  summary: "load YAML or JSON data files (upsert by key; loading twice changes nothing)",
  usage:
    "Usage: pnpm parley load <file.yaml|file.json>... [--demo] [--author NAME]\n\n" +
    "Validates every file, resolves every key reference, then writes all of them in one\n" +
    "transaction: a bad file is reported with file and field, and nothing is written.\n" +
    "  --demo          load the demo dataset (packages/db/demo)\n" +
    "  --author NAME   name recorded in the revision history (default: parley load)",
  options: { demo: { type: "boolean" }, author: { type: "string" } },
  async run({ values, positionals }) {
    const files = [...(values.demo ? demoFiles() : []), ...positionals.map(userFile)];
    if (files.length === 0) throw new UsageError("Name at least one file, or --demo.");
    const absent = files.filter((f) => !existsSync(f));
    if (absent.length) throw new UsageError(`No such file: ${absent.join(", ")}`);
    await withDb(async (db) =>
      printSummary(await loadDataFiles(db, files, { author: (values.author as string) ?? "parley load" })),
    );
  },
};

export const resetCommand: Command = {
  name: "reset",
  summary: "empty the database and load the demo dataset again",
  usage:
    "Usage: pnpm db:reset --yes\n\nDrops every table of the Parley database, re-applies the migrations and loads the demo dataset.",
  options: { yes: { type: "boolean" } },
  async run({ values }) {
    if (!values.yes) throw new UsageError("This deletes all data. Run it again with --yes to confirm.");
    await withDb(async (db, database) => {
      await db.$executeRawUnsafe("DROP SCHEMA public CASCADE; CREATE SCHEMA public;");
      await applyMigrations(database.url);
      printSummary(defined(await loadDemoIfEmpty(db)));
    });
  },
};
