import { chmodSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { createServer } from "node:net";
import pg from "pg";
import type { TestProject } from "vitest/node";
import "./provided.ts";
import { applyMigrations } from "../migrations/apply.ts";
import { serverUrl, startEmbeddedPostgres, withDatabase } from "../postgres.ts";


async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once("error", reject);
    server.listen(0, "127.0.0.1", () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });
}

/**
 * Once per test run: a PostgreSQL server (DATABASE_URL's, or a throwaway embedded one) and a
 * template database with every migration applied. Each test file then clones the template.
 */
export default async function setup(project: TestProject) {
  let serverAdminUrl: string;
  let stop = async () => {};
  if (process.env.DATABASE_URL) {
    serverAdminUrl = withDatabase(process.env.DATABASE_URL, "postgres");
  } else {
    const dataDir = mkdtempSync(path.join(tmpdir(), "parley-test-pg-"));
    // mkdtemp makes the folder 0700; as root, PostgreSQL runs as the postgres user and must reach it.
    chmodSync(dataDir, 0o755);
    const port = await freePort();
    const server = await startEmbeddedPostgres({ dataDir: path.join(dataDir, "data"), port, persistent: false });
    serverAdminUrl = serverUrl(port, "postgres");
    stop = async () => {
      await server.stop();
      rmSync(dataDir, { recursive: true, force: true });
    };
  }
  const template = `parley_template_${process.pid}_${Date.now().toString(36)}`;
  const admin = new pg.Client({ connectionString: serverAdminUrl });
  await admin.connect();
  await admin.query(`CREATE DATABASE "${template}"`);
  await applyMigrations(withDatabase(serverAdminUrl, template));
  project.provide("parleyServerUrl", serverAdminUrl);
  project.provide("parleyTemplate", template);

  return async () => {
    const { rows } = await admin.query<{ datname: string }>(
      "SELECT datname FROM pg_database WHERE datname = $1 OR datname LIKE $2",
      [template, `parley_test_${process.pid}_%`],
    );
    for (const { datname } of rows) await admin.query(`DROP DATABASE IF EXISTS "${datname}" WITH (FORCE)`);
    await admin.end();
    await stop();
  };
}
