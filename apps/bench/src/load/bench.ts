import { type ChildProcessByStdio, spawn } from "node:child_process";
import { createServer as createHttpServer } from "node:http";
import { availableParallelism, cpus, loadavg, totalmem } from "node:os";
import path from "node:path";
import { monitorEventLoopDelay, PerformanceObserver } from "node:perf_hooks";
import type { Readable, Writable } from "node:stream";
import { createServer } from "@parley/api/server";
import { createApiToken, createPrismaClient, PRISMA_POOL_MAX } from "@parley/db";
import { defined } from "@parley/schema";
import { createSearchEngine } from "@parley/search";
import { buildMix, type Kind, type Variant, WEIGHTS, WRITE_TITLE } from "@parley/testkit/load-mix";
import pg from "pg";
import { benchDatabase } from "../database.ts";
import { sendConfig } from "../worker.ts";
import type { BaselineConfig } from "./baseline.ts";
import type { ClientConfig } from "./client.ts";
import { StatementRecorder } from "./record.ts";
import { type ClientRaw, type ClientResult, MEASURING, summarize } from "./summary.ts";

const say = (line: string) => process.stderr.write(`${line}\n`);

/** What `pnpm bench load` runs; apps/cli reads it from the command line (its --help says what each is). */
export interface LoadBenchOptions {
  /** Events in the generated corpus. */
  events: number;
  /** Seconds measured, over all rounds, for each server. */
  durationS: number;
  connections: number;
  rounds: number;
  /** Seconds of unmeasured load at the start of each round. */
  warmupS: number;
  seed: number;
  /** Seconds of each kind of request alone afterwards (where the API's CPU goes); 0 leaves it out. */
  byKindS: number;
}

/** Runs `script` (next to this file) in a node process of its own, given `config` on its standard input (worker.ts). */
function spawnWithConfig(script: string, config: object): ChildProcessByStdio<Writable, Readable, null> {
  const child = spawn(process.execPath, ["--import", "tsx", path.join(import.meta.dirname, script)], {
    stdio: ["pipe", "pipe", "inherit"],
  });
  sendConfig(child, config);
  return child;
}

/** Runs the load client in a child process against `url`; `onMeasuring` is called when its warm-up ends. */
function runClient(config: ClientConfig, onMeasuring: () => void): Promise<ClientRaw> {
  const child = spawnWithConfig("client.ts", config);
  return new Promise((resolve, reject) => {
    let out = "";
    let told = false;
    child.stdout.on("data", (chunk: Buffer) => {
      out += chunk.toString();
      if (!told && out.startsWith(`${MEASURING}\n`)) {
        told = true;
        onMeasuring();
      }
    });
    child.on("exit", (code) => {
      if (code === 0) resolve(JSON.parse(defined(out.trim().split("\n").pop())) as ClientRaw);
      else reject(new Error(`the load client exited with ${code}`));
    });
  });
}

/** Starts the baseline in a process of its own; resolves once it listens. */
function spawnBaseline(
  config: BaselineConfig,
): Promise<{ endpoint: string; cpuMs(): Promise<number>; close(): Promise<void> }> {
  const child = spawnWithConfig("baseline-process.ts", config);
  const exited = new Promise<void>((resolve) => child.on("exit", () => resolve()));
  return new Promise((resolve, reject) => {
    let out = "";
    const onData = (chunk: Buffer) => {
      out += chunk.toString();
      if (!out.includes("\n")) return;
      child.stdout.off("data", onData);
      const { endpoint } = JSON.parse(defined(out.split("\n")[0])) as { endpoint: string };
      resolve({
        endpoint,
        cpuMs: async () => ((await (await fetch(`${endpoint}cpu`)).json()) as { ms: number }).ms,
        async close() {
          child.kill("SIGTERM");
          await exited;
        },
      });
    };
    child.stdout.on("data", onData);
    child.on("exit", (code) => reject(new Error(`the baseline server exited with ${code} before it listened`)));
  });
}

/** What a server's process spent while a client ran against it. */
interface ServerCpu {
  /** Process CPU time over the run's wall time: 100 is one core busy throughout. */
  percent_of_a_core: number;
  ms_per_request: number;
}

/** One server's share of the run: what the client saw in each round, and the server process's CPU time meanwhile. */
interface Phase {
  raws: ClientRaw[];
  /** The server process's CPU time so far, in milliseconds. */
  cpu: () => Promise<number>;
  cpuMs: number;
  wallMs: number;
}

/**
 * The API's own pauses while it is under load (it runs in this process): the longest delay of its
 * event loop and the longest garbage collection. A slow request whose time is not in them waited
 * outside the process (for PostgreSQL, a lock, a pooled connection).
 */
function watchStalls(): { stop(): string } {
  const loop = monitorEventLoopDelay({ resolution: 10 });
  let longestGc = 0;
  const gc = new PerformanceObserver((list) => {
    for (const entry of list.getEntries()) longestGc = Math.max(longestGc, entry.duration);
  });
  loop.enable();
  gc.observe({ entryTypes: ["gc"] });
  return {
    stop() {
      loop.disable();
      gc.disconnect();
      return `longest event-loop delay ${Math.round(loop.max / 1e6)} ms, longest GC ${Math.round(longestGc)} ms`;
    },
  };
}

/**
 * Runs the client for one round and adds what it saw after its warm-up, and the server's CPU time
 * over those measured seconds, to the phase.
 */
async function measured(config: ClientConfig, phase: Phase): Promise<ClientRaw & { cpuMs: number }> {
  let from: Promise<{ cpu: number; at: number }> | null = null;
  const raw = await runClient(config, () => (from = phase.cpu().then((cpu) => ({ cpu, at: performance.now() }))));
  if (!from) throw new Error("the load client did not say when its warm-up ended");
  const start: { cpu: number; at: number } = await from;
  const cpuMs = (await phase.cpu()) - start.cpu;
  phase.cpuMs += cpuMs;
  phase.wallMs += performance.now() - start.at;
  phase.raws.push(raw);
  return { ...raw, cpuMs };
}

function figures(phase: Phase): ClientResult & { server_cpu: ServerCpu } {
  const result = summarize(phase.raws);
  const server_cpu = {
    percent_of_a_core: Math.round((phase.cpuMs / phase.wallMs) * 100),
    ms_per_request: Number((phase.cpuMs / Math.max(1, result.requests)).toFixed(2)),
  };
  return { ...result, server_cpu };
}

function line(name: string, r: ClientResult & { server_cpu: ServerCpu }) {
  return `${name.padEnd(9)} ${String(r.rps).padStart(8)} req/s  p50 ${String(r.p50_ms).padStart(7)}  p95 ${String(r.p95_ms).padStart(7)}  p99 ${String(r.p99_ms).padStart(7)}  max ${String(r.max_ms).padStart(7)} ms  errors ${r.errors.total} (${r.requests} requests)  server process ${r.server_cpu.percent_of_a_core} % of a core, ${r.server_cpu.ms_per_request} ms CPU a request`;
}

/** The load test: prints the figures, then one JSON object as the last line; 1 if any request of the API failed. */
export async function runLoadBench(options: LoadBenchOptions): Promise<number> {
  const { events, durationS, connections, rounds, warmupS, seed, byKindS } = options;
  const database = await benchDatabase(events, seed);
  const recorder = new StatementRecorder();
  const engine = createSearchEngine({ url: database.url, log: say });
  const unwatch = recorder.watch(engine.pool);
  // The statements are recorded through a server of their own, whose Prisma client reports every
  // query; the server under load has a client like the API's, which reports none (reporting costs
  // Prisma work on every statement). Both share the search engine and its index.
  const recordingDb = createPrismaClient(database.url, { onQuery: recorder.onPrismaQuery, max: 2 });
  const db = createPrismaClient(database.url);
  const admin = new pg.Pool({ connectionString: database.url, max: 2 });
  admin.on("error", (error) => say(`bench: idle connection closed (${error.message})`));
  const recordingHttp = createHttpServer(createServer({ db: recordingDb, search: engine }));
  const http = createHttpServer(createServer({ db, search: engine }));
  let baseline: Awaited<ReturnType<typeof spawnBaseline>> | null = null;
  let tokenId: number | null = null;
  try {
    const started = performance.now();
    await engine.ready();
    say(`search index ready in ${((performance.now() - started) / 1000).toFixed(1)} s`);
    await new Promise<void>((resolve) => http.listen(0, "127.0.0.1", resolve));
    await new Promise<void>((resolve) => recordingHttp.listen(0, "127.0.0.1", resolve));
    const endpoint = `http://127.0.0.1:${(http.address() as { port: number }).port}/graphql`;
    const recordingEndpoint = `http://127.0.0.1:${(recordingHttp.address() as { port: number }).port}/graphql`;
    const { token, secret } = await createApiToken(db, {
      role: "EDITOR",
      name: "bench load",
      author: "pnpm bench load",
    });
    tokenId = token.id;
    const authorization = `Bearer ${secret}`;

    const variants: Variant[] = await buildMix(admin);
    say(`recording the SQL of ${variants.length} request variants`);
    // Each search is recorded as a search the cache does not hold costs (the first run of it): the
    // baseline replays that SQL every time, as the API sends it for every search the cache misses.
    const recorded = await recorder.record(variants, async (v) => {
      engine.forgetRecentSearches();
      const response = await fetch(recordingEndpoint, {
        method: "POST",
        headers: { "content-type": "application/json", ...(v.write ? { authorization } : {}) },
        body: v.body,
      });
      const text = await response.text();
      if (response.status !== 200 || text.includes('"errors":['))
        throw new Error(`${v.kind} failed before the load started: ${text.slice(0, 300)}`);
    });
    const perKind = new Map<string, number[]>();
    for (const [i, r] of recorded.entries()) {
      const { kind } = defined(variants[i]);
      perKind.set(kind, [...(perKind.get(kind) ?? []), r.length]);
    }
    say(
      `SQL statements per request: ${[...perKind].map(([k, n]) => `${k} ${Math.min(...n)}–${Math.max(...n)}`).join(", ")}`,
    );
    // A search sends the change-log read and at least the page's rows; one statement alone means it
    // was answered from the cache, and the baseline would replay less than the API's searches cost.
    for (const [kind, counts] of perKind)
      if (kind.startsWith("search_") && Math.min(...counts) < 2)
        throw new Error(
          `the recording of ${kind} sent ${Math.min(...counts)} SQL statement: was it answered from the cache?`,
        );
    const writes = new Set(variants.flatMap((v, i) => (v.write ? [i] : [])));
    unwatch();
    recordingHttp.close();
    await recordingDb.$disconnect();

    // As many connections as the API's two pools together (Prisma's and the search engine's).
    baseline = await spawnBaseline({
      url: database.url,
      recorded,
      writes: [...writes],
      max: PRISMA_POOL_MAX + (engine.pool.options.max ?? 0),
    });
    const load = () => loadavg().map((n) => Number(n.toFixed(2)));
    const loadBefore = load();
    // The rounds alternate (API first, then baseline first, …), and each round's two runs draw the
    // same requests, so that a slower or faster minute of the machine falls on both alike.
    const sliceS = durationS / rounds;
    const ownCpu = async () => {
      const { user, system } = process.cpuUsage();
      return (user + system) / 1000;
    };
    const phases: Record<"api" | "baseline", Phase> = {
      api: { raws: [], cpu: ownCpu, cpuMs: 0, wallMs: 0 },
      baseline: { raws: [], cpu: baseline.cpuMs, cpuMs: 0, wallMs: 0 },
    };
    const roundRatios: number[] = [];
    // The engine's cache of recent searches, over the API's runs (warm-ups included).
    const cache = { hits: 0, misses: 0, nameHits: 0, nameMisses: 0 };
    for (let round = 0; round < rounds; round++) {
      const order = round % 2 === 0 ? (["api", "baseline"] as const) : (["baseline", "api"] as const);
      const rps: Record<string, number> = {};
      for (const which of order) {
        const name = which === "api" ? "API" : "baseline";
        say(
          `round ${round + 1} of ${rounds}: ${name}, ${connections} connections for ${warmupS} s of warm-up and ${sliceS} s measured (load average ${load().join(" ")})`,
        );
        const url = which === "api" ? endpoint : baseline.endpoint;
        const stalls = which === "api" ? watchStalls() : null;
        const cacheBefore = { ...engine.stats };
        const raw = await measured(
          {
            url,
            connections,
            durationS: sliceS,
            warmupS,
            variants,
            authorization,
            baseline: which === "baseline",
            seed: 42 + round,
          },
          phases[which],
        );
        rps[which] = raw.latencies.length / sliceS;
        if (which === "api") {
          cache.hits += engine.stats.cacheHits - cacheBefore.cacheHits;
          cache.misses += engine.stats.cacheMisses - cacheBefore.cacheMisses;
          cache.nameHits += engine.stats.nameHits - cacheBefore.nameHits;
          cache.nameMisses += engine.stats.nameMisses - cacheBefore.nameMisses;
        }
        say(
          `  ${name}: ${defined(rps[which]).toFixed(1)} req/s, server process ${(raw.cpuMs / Math.max(1, raw.latencies.length)).toFixed(2)} ms CPU a request; slowest warm-up request ${Math.round(raw.warmupMaxMs)} ms${stalls ? `; ${stalls.stop()}` : ""}`,
        );
      }
      roundRatios.push(Number((defined(rps.api) / defined(rps.baseline)).toFixed(3)));
    }
    const api = figures(phases.api);
    const base = figures(phases.baseline);
    process.stdout.write(`${line("API", api)}\n`);
    process.stdout.write(`${line("baseline", base)}\n`);
    if (rounds > 1) process.stdout.write(`API / baseline by round: ${roundRatios.join(", ")}\n`);
    const searches = cache.hits + cache.misses;
    const hitRate = searches === 0 ? 0 : Number((cache.hits / searches).toFixed(3));
    process.stdout.write(
      `search cache: ${cache.hits} of ${searches} searches answered from the cache of recent searches (${(hitRate * 100).toFixed(1)} %); a write forgets those it can change\n`,
    );
    const nameSearches = cache.nameHits + cache.nameMisses;
    const nameHitRate = nameSearches === 0 ? 0 : Number((cache.nameHits / nameSearches).toFixed(3));
    process.stdout.write(
      `name-search cache: ${cache.nameHits} of ${nameSearches} typeahead searches answered from the cache of recent name searches (${(nameHitRate * 100).toFixed(1)} %); a change of actors or aliases forgets them all, a change of events those whose ties it touches\n`,
    );
    const loadAfter = load();

    // Three decimals, and the target judged before rounding: 0.499 is not 0.5.
    const ratio = Number((api.rps / base.rps).toFixed(3));
    const targets = {
      zero_errors: api.errors.total === 0,
      p99_under_1s: api.p99_ms < 1000,
      ratio_at_least_0_5: api.rps / base.rps >= 0.5,
    };
    process.stdout.write(
      `API / baseline throughput: ${ratio} (target ≥ 0.5: ${targets.ratio_at_least_0_5 ? "met" : "MISSED"}); p99 < 1 s: ${targets.p99_under_1s ? "met" : "MISSED"}; errors: ${api.errors.total}\n`,
    );
    for (const [kind, k] of Object.entries(api.by_kind))
      process.stdout.write(
        `  ${kind.padEnd(16)} ${String(k.requests).padStart(7)} requests  p50 ${k.p50_ms}  p95 ${k.p95_ms}  p99 ${k.p99_ms}  max ${k.max_ms} ms  errors ${k.errors}\n`,
      );
    for (const example of api.errors.examples) process.stdout.write(`  error: ${example}\n`);
    const byKind =
      byKindS > 0
        ? await cpuByKind({
            variants,
            hitRate,
            nameHitRate,
            phaseCpu: ownCpu,
            engine,
            seconds: byKindS,
            measuredMix: api.server_cpu.ms_per_request,
            client: { url: endpoint, connections, warmupS, authorization },
          })
        : null;
    process.stdout.write(
      `${JSON.stringify({
        bench: "load",
        events,
        duration_s: durationS,
        rounds,
        warmup_s_per_round: warmupS,
        round_ratios: roundRatios,
        connections,
        mix_percent: WEIGHTS,
        api,
        baseline: base,
        search_cache: { hits: cache.hits, misses: cache.misses, hit_rate: hitRate },
        name_search_cache: { hits: cache.nameHits, misses: cache.nameMisses, hit_rate: nameHitRate },
        ...(byKind ? { cpu_by_kind: byKind } : {}),
        throughput_ratio: ratio,
        targets,
        machine: {
          cpus: availableParallelism(),
          cpu: cpus()[0]?.model ?? "unknown",
          memory_gb: Math.round(totalmem() / 1e9),
          node: process.version,
          load_average_before: loadBefore,
          load_average_after: loadAfter,
        },
      })}\n`,
    );
    const byKindErrors = byKind?.kinds.reduce((n, k) => n + k.errors, 0) ?? 0;
    return api.errors.total === 0 && byKindErrors === 0 ? 0 : 1;
  } finally {
    http.close();
    if (recordingHttp.listening) recordingHttp.close();
    await baseline?.close();
    // Leave the corpus as generated: remove what the writes added and the bench's token.
    await admin.query(`DELETE FROM event WHERE title LIKE $1`, [`${WRITE_TITLE} %`]).catch(() => {});
    await admin
      .query(`DELETE FROM revision WHERE author LIKE $1 OR author = 'pnpm bench load'`, [`token:${tokenId} %`])
      .catch(() => {});
    if (tokenId !== null) await admin.query(`DELETE FROM api_token WHERE id = $1`, [tokenId]).catch(() => {});
    await admin.end();
    await engine.close();
    await db.$disconnect();
    await recordingDb.$disconnect().catch(() => {});
    await database.stop();
  }
}

/** Kinds the API answers from a cache when it can: measured both ways. */
const cachedKind = (kind: Kind) => kind.startsWith("search_") || kind === "actor_typeahead";

interface KindCpu {
  kind: Kind;
  share_percent: number;
  /** "cached": every search (or typeahead) answered from the cache; "uncached": the cache off; null for other kinds. */
  cache: "cached" | "uncached" | null;
  requests: number;
  errors: number;
  ms_per_request: number;
}

/**
 * Each kind of the mix alone against the API, with the API's CPU a request: where its CPU goes,
 * measured rather than read off a profile. Searches and the typeahead run twice, from the cache and
 * with it off; the cache's limit is put back afterwards.
 */
async function cpuByKind(options: {
  variants: Variant[];
  hitRate: number;
  nameHitRate: number;
  phaseCpu: () => Promise<number>;
  engine: { keepRecentSearches(n: number): number };
  seconds: number;
  measuredMix: number;
  client: Pick<ClientConfig, "url" | "connections" | "warmupS" | "authorization">;
}): Promise<{ kinds: KindCpu[]; predicted_mix_ms: number; measured_mix_ms: number }> {
  const kinds: KindCpu[] = [];
  // The cached pass keeps as many searches as the API does by default: the mix's are far fewer.
  const kept = options.engine.keepRecentSearches(64);
  try {
    for (const kind of Object.keys(WEIGHTS) as Kind[]) {
      const list = options.variants.filter((v) => v.kind === kind);
      const passes: KindCpu["cache"][] = cachedKind(kind) ? ["cached", "uncached"] : [null];
      for (const cache of passes) {
        options.engine.keepRecentSearches(cache === "uncached" ? 0 : 64);
        const phase: Phase = { raws: [], cpu: options.phaseCpu, cpuMs: 0, wallMs: 0 };
        // Writes from as few clients as the mix has writing at once (2 % of 50), not 50 at a time.
        const connections = kind === "write" ? 2 : options.client.connections;
        const raw = await measured(
          { ...options.client, connections, durationS: options.seconds, variants: list, baseline: false, seed: 7 },
          phase,
        );
        const requests = raw.latencies.length;
        const errors = summarize([raw]).errors.total;
        kinds.push({
          kind,
          share_percent: WEIGHTS[kind],
          cache,
          requests,
          errors,
          ms_per_request: Number((raw.cpuMs / Math.max(1, requests)).toFixed(2)),
        });
      }
    }
  } finally {
    options.engine.keepRecentSearches(kept);
  }
  // What the kinds predict for the mix: searches and the typeahead at the hit rates the run saw.
  let predicted = 0;
  for (const kind of Object.keys(WEIGHTS) as Kind[]) {
    const of = (cache: KindCpu["cache"]) =>
      kinds.find((k) => k.kind === kind && k.cache === cache)?.ms_per_request ?? 0;
    const rate = kind === "actor_typeahead" ? options.nameHitRate : options.hitRate;
    const cost = cachedKind(kind) ? rate * of("cached") + (1 - rate) * of("uncached") : of(null);
    predicted += (WEIGHTS[kind] / 100) * cost;
  }
  process.stdout.write(`API CPU a request by kind (each alone, ${options.seconds} s):\n`);
  for (const k of kinds)
    process.stdout.write(
      `  ${`${k.kind}${k.cache ? ` (${k.cache})` : ""}`.padEnd(28)} ${String(k.share_percent).padStart(3)} % of the mix  ${k.ms_per_request.toFixed(2).padStart(6)} ms  (${k.requests} requests${k.errors ? `, ${k.errors} FAILED` : ""})\n`,
    );
  process.stdout.write(
    `  the mix as these predict it: ${predicted.toFixed(2)} ms a request (searches at the run's ${(options.hitRate * 100).toFixed(1)} % hit rate, the typeahead at ${(options.nameHitRate * 100).toFixed(1)} %); measured in the rounds: ${options.measuredMix} ms\n`,
  );
  return { kinds, predicted_mix_ms: Number(predicted.toFixed(2)), measured_mix_ms: options.measuredMix };
}
