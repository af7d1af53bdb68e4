import { cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { ensureDatabaseExists, paths, withDatabase } from "@parley/db";
import { authorMigration, migrationTimestamp, snakeCase } from "@parley/db/migrations";
import { defined } from "@parley/schema";
import { startThrowawayPostgres } from "@parley/testkit";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

let adminUrl: string;
const url = (database: string) => withDatabase(adminUrl, database);

let work: string;
let server: Awaited<ReturnType<typeof startThrowawayPostgres>>;
let schemaPath: string;
let migrationsDir: string;

beforeAll(async () => {
  work = mkdtempSync(path.join(tmpdir(), "parley-author-"));
  server = await startThrowawayPostgres();
  adminUrl = server.adminUrl;
  await ensureDatabaseExists(url("shadow"));
  await ensureDatabaseExists(url("target"));

  // The committed schema and migrations, copied so that the test can change them.
  schemaPath = path.join(work, "schema", "schema.prisma");
  mkdirSync(path.dirname(schemaPath));
  cpSync(paths.schema, schemaPath);
  migrationsDir = path.join(work, "migrations");
  cpSync(paths.migrations, migrationsDir, { recursive: true });
}, 120_000);

afterAll(async () => {
  await server?.stop();
  rmSync(work, { recursive: true, force: true });
});

const listDir = () => readdirSync(migrationsDir).sort();

describe("authorMigration", () => {
  it("writes nothing when the schema matches the committed migrations", async () => {
    const before = listDir();
    expect(before.some((name) => name.endsWith("_init"))).toBe(true);
    const result = await authorMigration({
      name: "nothing",
      migrationsDir,
      schemaPath,
      shadowDatabaseUrl: url("shadow"),
    });
    expect(result).toEqual({ directory: null, sql: "" });
    expect(listDir()).toEqual(before);
  });

  it("keeps hand-written functions, triggers and extensions", async () => {
    const dir = path.join(migrationsDir, "29990101000000_hand_written");
    mkdirSync(dir);
    writeFileSync(
      path.join(dir, "migration.sql"),
      `CREATE EXTENSION IF NOT EXISTS pg_trgm;
CREATE FUNCTION touch_event() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  UPDATE "event" SET contested = contested WHERE id = NEW.event_id;
  RETURN NEW;
END;
$$;
CREATE TRIGGER claim_touch_event AFTER INSERT ON "claim" FOR EACH ROW EXECUTE FUNCTION touch_event();
ALTER TABLE "event" ADD CONSTRAINT fatalities_in_order CHECK (fatalities_low <= fatalities_high);
`,
    );
    try {
      const result = await authorMigration({
        name: "nothing",
        migrationsDir,
        schemaPath,
        shadowDatabaseUrl: url("shadow"),
      });
      expect(result).toEqual({ directory: null, sql: "" });
    } finally {
      rmSync(dir, { recursive: true });
    }
  });

  it("writes a migration for a new model and a new column, which then applies and leaves nothing to do", async () => {
    const schema = readFileSync(schemaPath, "utf8")
      .replace(/(model Actor \{\n)/, "$1  nickname     String?\n")
      .concat(`
model Note {
  id        Int      @id @default(autoincrement())
  actorId   Int      @map("actor_id")
  body      String
  createdAt DateTime @default(now()) @map("created_at") @db.Timestamptz(3)

  @@index([actorId])
  @@map("note")
}
`);
    writeFileSync(schemaPath, schema);

    const now = new Date("2099-03-04T05:06:07Z");
    const result = await authorMigration({
      name: "Add notes",
      migrationsDir,
      schemaPath,
      shadowDatabaseUrl: url("shadow"),
      now,
    });
    expect(result.directory).toBe(path.join(migrationsDir, "20990304050607_add_notes"));
    expect(readFileSync(path.join(defined(result.directory, "result.directory"), "migration.sql"), "utf8")).toBe(
      result.sql,
    );
    expect(result.sql).toContain('ALTER TABLE "actor" ADD COLUMN     "nickname" TEXT;');
    expect(result.sql).toMatch(/CREATE TABLE "note" \(\n\s+"id" SERIAL NOT NULL,/);
    expect(result.sql).toContain('CREATE INDEX "note_actor_id_idx" ON "note"("actor_id");');
    expect(result.sql).not.toMatch(/\bDROP\b/);
    expect(readFileSync(path.join(migrationsDir, "migration_lock.toml"), "utf8")).toContain('provider = "postgresql"');

    // Every migration, the new one included, applies to an empty database ...
    const client = new pg.Client({ connectionString: url("target") });
    await client.connect();
    try {
      for (const name of listDir().filter((entry) => existsSync(path.join(migrationsDir, entry, "migration.sql")))) {
        await client.query(readFileSync(path.join(migrationsDir, name, "migration.sql"), "utf8"));
      }
      const { rows } = await client.query(
        "SELECT column_name FROM information_schema.columns WHERE table_name = 'note' ORDER BY ordinal_position",
      );
      expect(rows.map((row) => row.column_name)).toEqual(["id", "actor_id", "body", "created_at"]);
    } finally {
      await client.end();
    }

    // ... and the schema now matches them.
    const again = await authorMigration({ name: "again", migrationsDir, schemaPath, shadowDatabaseUrl: url("shadow") });
    expect(again).toEqual({ directory: null, sql: "" });
  });

  it("names directories like Prisma", () => {
    expect(migrationTimestamp(new Date("2024-12-31T23:59:58.999Z"))).toBe("20241231235958");
    expect(snakeCase("addClaimIndex")).toBe("add_claim_index");
    expect(snakeCase(" Drop  the-old thing! ")).toBe("drop_the_old_thing");
    expect(() => snakeCase("!!")).toThrow();
  });
});
