import pg from "pg";
import type { TestProject } from "vitest/node";
import "./provided.ts";
import { applyMigrations, createPrismaClient, demoFiles, loadDataFiles, withDatabase } from "@parley/db";
import { testEnv } from "./env.ts";
import { startThrowawayPostgres } from "./servers.ts";

/**
 * Once per test run: a PostgreSQL server (DATABASE_URL's, or a throwaway embedded one), a
 * template database with every migration applied and a second one with the demo dataset loaded
 * too. Each test file then clones one of them, which takes a fraction of loading the demo again.
 */
export default async function setup(project: TestProject) {
  let serverAdminUrl: string;
  let stop = async () => {};
  const { DATABASE_URL } = testEnv();
  if (DATABASE_URL) {
    serverAdminUrl = withDatabase(DATABASE_URL, "postgres");
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
  const demoTemplate = template.replace("parley_template_", "parley_demo_");
  await admin.query(`CREATE DATABASE "${demoTemplate}" TEMPLATE "${template}"`);
  const demo = createPrismaClient(withDatabase(serverAdminUrl, demoTemplate));
  try {
    await loadDataFiles(demo, demoFiles(), { author: "demo dataset" });
  } finally {
    await demo.$disconnect();
  }
  project.provide("parleyServerUrl", serverAdminUrl);
  project.provide("parleyTemplate", template);
  project.provide("parleyDemoTemplate", demoTemplate);

  return async () => {
    const { rows } = await admin.query<{ datname: string }>(
      "SELECT datname FROM pg_database WHERE datname IN ($1, $2) OR datname LIKE $3",
      [template, demoTemplate, `parley_test_${process.pid}_%`],
    );
    for (const { datname } of rows) await admin.query(`DROP DATABASE IF EXISTS "${datname}" WITH (FORCE)`);
    await admin.end();
    await stop();
  };
}
