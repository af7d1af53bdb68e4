import "./provided.ts";
import { randomBytes } from "node:crypto";
import pg from "pg";
import { inject } from "vitest";
import { createPrismaClient, type ClientOptions, type PrismaClient } from "../client.ts";
import { withDatabase } from "../postgres.ts";

export { freePort, startThrowawayPostgres, startRestartablePostgres, type RestartablePostgres } from "./throwaway.ts";
export { startControlledPostgres, DEBIAN_PG15_BIN, type ControlledPostgres } from "./pg-ctl.ts";

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
