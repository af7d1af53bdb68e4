import "./provided.ts";
import { randomBytes } from "node:crypto";
import { type ClientOptions, createPrismaClient, type PrismaClient, withDatabase } from "@parley/db";
import pg from "pg";
import { inject } from "vitest";

export interface TestDatabase {
  url: string;
  name: string;
  db: PrismaClient;
  drop(): Promise<void>;
}

/**
 * A fresh, migrated database of its own for one test file, cloned from the run's template; with
 * `demo: true`, from the template that holds the demo dataset as `parley load --demo` leaves it.
 */
export async function createTestDatabase(options: ClientOptions & { demo?: boolean } = {}): Promise<TestDatabase> {
  const serverUrl = inject("parleyServerUrl");
  const template = inject(options.demo ? "parleyDemoTemplate" : "parleyTemplate");
  const name = `parley_test_${template.split("_")[2]}_${randomBytes(5).toString("hex")}`;
  const admin = new pg.Client({ connectionString: serverUrl });
  await admin.connect();
  try {
    await admin.query(`CREATE DATABASE "${name}" TEMPLATE "${template}"`);
  } finally {
    await admin.end();
  }
  const url = withDatabase(serverUrl, name);
  const { demo: _demo, ...clientOptions } = options;
  const db = createPrismaClient(url, clientOptions);
  return {
    url,
    name,
    db,
    async drop() {
      await db.$disconnect();
      const admin = new pg.Client({ connectionString: serverUrl });
      await admin.connect();
      await admin.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`).finally(() => admin.end());
    },
  };
}

/** Every row of every table of a database but those named, as text, in a stable order: to compare two databases. */
export async function databaseContents(url: string, except: readonly string[] = []): Promise<Record<string, string[]>> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    const { rows: tables } = await client.query<{ name: string }>(
      `SELECT relname AS name FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace WHERE n.nspname = 'public' AND relkind = 'r' AND relname <> ALL($1) ORDER BY 1`,
      [except],
    );
    const out: Record<string, string[]> = {};
    for (const { name } of tables)
      out[name] = (await client.query<{ r: string }>(`SELECT t::text AS r FROM "${name}" t ORDER BY 1`)).rows.map(
        (r) => r.r,
      );
    return out;
  } finally {
    await client.end();
  }
}
