import path from "node:path";
import { generateCorpus } from "@parley/corpus";
import { applyMigrations, dbEnv, ensureDatabaseExists, freePort, serverUrl, startEmbeddedPostgres } from "@parley/db";
import { progressLine } from "@parley/terminal";
import pg from "pg";

const say = (line: string) => process.stderr.write(`${line}\n`);

/** What the bench database holds, recorded as a comment on it. */
interface CorpusMark {
  events: number;
  seed: number;
  generator: number;
}
const GENERATOR_VERSION = 3;

async function readMark(url: string): Promise<CorpusMark | null> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    const { rows } = await client.query<{ mark: string | null }>(
      "SELECT shobj_description(oid, 'pg_database') AS mark FROM pg_database WHERE datname = current_database()",
    );
    return rows[0]?.mark ? (JSON.parse(rows[0].mark) as CorpusMark) : null;
  } finally {
    await client.end();
  }
}

async function writeMark(url: string, mark: CorpusMark) {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    await client.query(`COMMENT ON DATABASE parley_bench IS '${JSON.stringify(mark)}'`);
  } finally {
    await client.end();
  }
}

/** The settings of the benches' own embedded PostgreSQL servers (docs/benchmarks.md says them). */
export const BENCH_POSTGRES_SETTINGS = {
  shared_buffers: "1GB",
  work_mem: "64MB",
  maintenance_work_mem: "512MB",
  max_wal_size: "4GB",
  jit: "off",
};

/**
 * The bench's own embedded PostgreSQL (data in .parley/bench/<events>, or under PARLEY_DATA_DIR,
 * apart from the user's),
 * holding a generated corpus of `events` events; reused when it already holds that corpus. Each
 * size has its own folder, so the CI-sized runs leave the million-event corpus alone.
 */
export async function benchDatabase(events: number, seed: number) {
  const dataDir = path.join(dbEnv().PARLEY_DATA_DIR, "bench", String(events), "postgres");
  const port = await freePort();
  const server = await startEmbeddedPostgres({
    dataDir,
    port,
    log: say,
    settings: { ...BENCH_POSTGRES_SETTINGS, effective_cache_size: "4GB" },
  });
  const url = serverUrl(port, "parley_bench");
  await ensureDatabaseExists(url);
  await applyMigrations(url);
  const mark = await readMark(url);
  if (!mark || mark.events !== events || mark.seed !== seed || mark.generator !== GENERATOR_VERSION) {
    say(`Generating ${events.toLocaleString("en")} events (seed ${seed}) into ${dataDir}`);
    const started = performance.now();
    await generateCorpus({ url, events, seed, replace: true, onProgress: progressLine("events"), log: say });
    say(`Generated in ${((performance.now() - started) / 1000).toFixed(1)} s`);
    await writeMark(url, { events, seed, generator: GENERATOR_VERSION });
  } else say(`Reusing the corpus of ${events.toLocaleString("en")} events (seed ${seed}) in ${dataDir}`);
  return { url, stop: () => server.stop() };
}
