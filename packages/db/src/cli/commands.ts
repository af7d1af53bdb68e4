import path from "node:path";
import { existsSync } from "node:fs";
import pg from "pg";
import { TOKEN_ROLES, type TokenRole } from "@parley/schema";
import { createPrismaClient, type PrismaClient } from "../client.ts";
import { paths } from "../env.ts";
import { applyMigrations } from "../migrations/apply.ts";
import { openDatabase, withDatabase, type RunningDatabase } from "../postgres.ts";
import { demoFiles, loadDemoIfEmpty } from "../loader/demo.ts";
import { loadDataFiles, type LoadSummary } from "../loader/load.ts";
import { createApiToken, revokeApiToken } from "../tokens.ts";
import { importCommand } from "../import/command.ts";
import { UsageError, type Command } from "./args.ts";
import { ingestCommands } from "./ingest-commands.ts";
import { generateCommand } from "../generate/command.ts";
import { evalCommand } from "../ingest/eval/command.ts";
import { backupCommand, restoreCommand } from "../backup/command.ts";

const say = (line: string) => process.stderr.write(`${line}\n`);

/** Opens the database (starting the embedded one if needed), migrates it, runs `work`, and cleans up. */
export async function withDb<T>(work: (db: PrismaClient, database: RunningDatabase) => Promise<T>): Promise<T> {
  const database = await openDatabase(say);
  try {
    const applied = await applyMigrations(database.url);
    if (applied.length) say(`Applied ${applied.length} migration(s): ${applied.join(", ")}`);
    const db = createPrismaClient(database.url, { max: 4 });
    try {
      return await work(db, database);
    } finally {
      await db.$disconnect();
    }
  } finally {
    await database.stop();
  }
}

function printSummary(summary: LoadSummary) {
  const rows = Object.entries(summary.byKind).filter(([, t]) => t.created + t.updated + t.unchanged > 0);
  for (const [kind, t] of rows) say(`  ${kind.padEnd(8)} created ${t.created}, updated ${t.updated}, unchanged ${t.unchanged}`);
  say(`Done: ${summary.created} created, ${summary.updated} updated, ${summary.unchanged} unchanged.`);
}

export const commands: Command[] = [
  {
    name: "migrate",
    summary: "apply the committed migrations to the database",
    usage: "Usage: pnpm db:migrate\n\nApplies every migration in packages/db/prisma/migrations that the database lacks.\nUses DATABASE_URL, or the embedded PostgreSQL in .parley/ when it is unset.",
    async run() {
      await withDb(async () => say("Database is up to date."));
    },
  },
  {
    name: "migration",
    summary: "author a new migration from changes to prisma/schema.prisma (offline)",
    usage: "Usage: pnpm db:migration:new <name>\n\nCompares the schema with the committed migrations (replayed in a scratch database)\nand writes prisma/migrations/<timestamp>_<name>/migration.sql. Review it, then commit it.",
    async run({ positionals }) {
      const [verb, name] = positionals;
      if (verb !== "new" || !name) throw new UsageError("Name the migration: pnpm db:migration:new <name>");
      const { authorMigration } = await import("../migrations/author.ts");
      const database = await openDatabase(say);
      const shadow = withDatabase(database.url, `parley_shadow_${process.pid}`);
      const admin = new pg.Client({ connectionString: withDatabase(database.url, "postgres") });
      await admin.connect();
      try {
        await admin.query(`CREATE DATABASE "parley_shadow_${process.pid}"`);
        const result = await authorMigration({ name, migrationsDir: paths.migrations, schemaPath: paths.schema, shadowDatabaseUrl: shadow });
        say(result.directory ? `Wrote ${path.relative(process.cwd(), result.directory)}` : "The schema matches the migrations: nothing to write.");
      } finally {
        await admin.query(`DROP DATABASE IF EXISTS "parley_shadow_${process.pid}" WITH (FORCE)`);
        await admin.end();
        await database.stop();
      }
    },
  },
  {
    name: "prepare",
    summary: "migrate, and load the demo dataset into an empty database",
    usage: "Usage: pnpm parley prepare\n\nWhat `pnpm start` does before serving: applies migrations and, if the database\nholds no events, loads the demo dataset from packages/db/demo.",
    async run() {
      await withDb(async (db) => {
        const summary = await loadDemoIfEmpty(db);
        if (summary) {
          say("Loaded the demo dataset:");
          printSummary(summary);
        } else say("The database already holds events; the demo dataset was not loaded.");
      });
    },
  },
  {
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
      const files = [...(values.demo ? demoFiles() : []), ...positionals.map((f) => path.resolve(process.env.INIT_CWD ?? process.cwd(), f))];
      if (files.length === 0) throw new UsageError("Name at least one file, or --demo.");
      const absent = files.filter((f) => !existsSync(f));
      if (absent.length) throw new UsageError(`No such file: ${absent.join(", ")}`);
      await withDb(async (db) => printSummary(await loadDataFiles(db, files, { author: (values.author as string) ?? "parley load" })));
    },
  },
  importCommand(withDb),
  {
    name: "reset",
    summary: "empty the database and load the demo dataset again",
    usage: "Usage: pnpm db:reset --yes\n\nDrops every table of the Parley database, re-applies the migrations and loads the demo dataset.",
    options: { yes: { type: "boolean" } },
    async run({ values }) {
      if (!values.yes) throw new UsageError("This deletes all data. Run it again with --yes to confirm.");
      await withDb(async (db, database) => {
        await db.$executeRawUnsafe("DROP SCHEMA public CASCADE; CREATE SCHEMA public;");
        await applyMigrations(database.url);
        printSummary((await loadDemoIfEmpty(db))!);
      });
    },
  },
  {
    name: "token",
    summary: "create, list or revoke API tokens for writing through GraphQL",
    usage:
      "Usage:\n  pnpm parley token create --role editor|admin|reader [--name NAME]\n  pnpm parley token list\n  pnpm parley token revoke <id>\n\n" +
      "The secret is printed once; only its SHA-256 hash is stored. Send it as `Authorization: Bearer <secret>`.",
    options: { role: { type: "string" }, name: { type: "string" } },
    async run({ values, positionals }) {
      const [verb, arg] = positionals;
      if (verb === "create") {
        const role = String(values.role ?? "").toUpperCase();
        if (!TOKEN_ROLES.codes.includes(role as TokenRole)) throw new UsageError(`--role must be one of ${TOKEN_ROLES.codes.join(", ").toLowerCase()}`);
        await withDb(async (db) => {
          const { token, secret } = await createApiToken(db, { role: role as TokenRole, name: (values.name as string) ?? `${role.toLowerCase()} token`, author: "parley token create" });
          say(`Created token ${token.id} (${token.role}). Keep the secret now; it is not shown again:`);
          process.stdout.write(`${secret}\n`);
        });
      } else if (verb === "list") {
        await withDb(async (db) => {
          for (const t of await db.apiToken.findMany({ orderBy: { id: "asc" } })) {
            const used = t.lastUsedAt ? `last used ${t.lastUsedAt.toISOString()}` : "never used";
            process.stdout.write(`${t.id}\t${t.role}\t${t.prefix}…\t${t.name}\t${t.revokedAt ? `revoked ${t.revokedAt.toISOString()}` : "active"}\t${used}\n`);
          }
        });
      } else if (verb === "revoke" && arg && /^\d+$/.test(arg)) {
        await withDb(async (db) => {
          const token = await revokeApiToken(db, Number(arg), "parley token revoke");
          if (!token) throw new UsageError(`No token has the id ${arg}`);
          say(`Token ${token.id} is revoked.`);
        });
      } else throw new UsageError("Say create, list or revoke <id>.");
    },
  },
  ...ingestCommands,
  evalCommand,
  generateCommand,
  backupCommand,
  restoreCommand,
];
