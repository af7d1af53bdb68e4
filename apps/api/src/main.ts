import { createServer as createHttpServer } from "node:http";
import path from "node:path";
import {
  applyMigrations,
  createPrismaClient,
  dbEnv,
  errorText,
  isDatabaseUnavailable,
  loadDemoIfEmpty,
  openDatabase,
  purgeKeys,
  purgeMarkers,
} from "@parley/db";
import { createSearchEngine } from "@parley/search";
import { apiEnv } from "./env.ts";
import { replicaCaughtUp } from "./modules/shared/replica.ts";
import { createServer } from "./server.ts";

const log = (line: string) => process.stderr.write(`[api] ${line}\n`);

/** Waits for a database that is not up yet (a server starting beside the API) for up to a minute. */
async function openWhenReachable() {
  for (let attempt = 1; ; attempt++) {
    try {
      const database = await openDatabase(log);
      const applied = await applyMigrations(database.url);
      if (applied.length) log(`Applied migrations: ${applied.join(", ")}`);
      return database;
    } catch (error) {
      if (!isDatabaseUnavailable(error) || attempt >= 30) throw error;
      log(`the database is not reachable yet (${(error as Error).message}); retrying in 2 s`);
      await new Promise((resolve) => setTimeout(resolve, 2_000));
    }
  }
}

async function main() {
  const env = apiEnv();
  const database = await openWhenReachable();
  const db = createPrismaClient(database.url);
  const demo = await loadDemoIfEmpty(db);
  if (demo) log(`Loaded the demo dataset (${demo.created} records).`);

  // With a replica, queries and the search index read it; writes and token checks use the primary.
  const replicaUrl = env.DATABASE_REPLICA_URL;
  const replica = replicaUrl ? { db: createPrismaClient(replicaUrl), waitMs: env.PARLEY_REPLICA_WAIT_MS } : undefined;
  if (replica) {
    await replicaCaughtUp(db, replica.db, 60_000);
    log("reads and searches go to the replica (DATABASE_REPLICA_URL), writes to the primary");
  }

  const snapshotDir =
    env.PARLEY_SEARCH_SNAPSHOTS === "off"
      ? undefined
      : (env.PARLEY_SEARCH_SNAPSHOTS ?? path.join(dbEnv().PARLEY_DATA_DIR, "search"));
  log(`database ready ${process.uptime().toFixed(1)} s after start`);
  const search = createSearchEngine({
    url: replicaUrl ?? database.url,
    ...(replicaUrl ? { primaryUrl: database.url } : {}),
    log,
    snapshotDir,
    snapshotEveryMs: env.PARLEY_SEARCH_SNAPSHOT_EVERY_S * 1000,
  });
  await search.ready();

  // Idempotency keys are kept 24 hours, commit markers an hour; older ones are deleted at start and then hourly.
  const purge = () =>
    void Promise.all([purgeKeys(db), purgeMarkers(db)]).catch((error: unknown) =>
      log(`could not purge old idempotency keys or commit markers: ${errorText(error)}`),
    );
  purge();
  const purging = setInterval(purge, 3_600_000).unref();

  const yoga = createServer({ db, search, replica });
  const server = createHttpServer(yoga);
  server.listen(env.API_PORT, env.API_HOST, () =>
    log(
      `GraphQL API and GraphiQL at http://localhost:${env.API_PORT}/graphql (${process.uptime().toFixed(1)} s after start)`,
    ),
  );

  let stopping = false;
  const stop = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    log(`${signal}: shutting down`);
    server.close();
    clearInterval(purging);
    await search.close();
    await db.$disconnect();
    await replica?.db.$disconnect();
    await database.stop();
    process.exit(0);
  };
  process.on("SIGINT", () => void stop("SIGINT"));
  process.on("SIGTERM", () => void stop("SIGTERM"));
}

main().catch((error: unknown) => {
  log(`could not start: ${errorText(error)}`);
  process.exit(1);
});
