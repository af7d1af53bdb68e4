import { spawn } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { createServer as createHttpServer } from "node:http";
import { availableParallelism, cpus, loadavg, tmpdir, totalmem } from "node:os";
import path from "node:path";
import { parseArgs } from "node:util";
import pg from "pg";
import { createApiToken, createPrismaClient, PRISMA_POOL_MAX } from "@parley/db";
import { createSearchEngine } from "@parley/search";
import { createServer } from "@parley/api/server";
import { benchDatabase } from "../database.ts";
import { startBaseline } from "./baseline.ts";
import type { ClientConfig, ClientResult } from "./client.ts";
import { buildMix, WEIGHTS, WRITE_TITLE, type Variant } from "./mix.ts";
import { StatementRecorder } from "./record.ts";

const USAGE = `Usage: pnpm bench load [--events N] [--duration S] [--connections C] [--seed S]

Load test: N generated events (default 1,000,000; reused from .parley/bench/<N>), the API served
over HTTP, and C concurrent clients (default 50, autocannon in a process of its own) sending a mix
for S seconds (default 60): searchEvents (landing, facet filters, text), detail reads (event, actor,
source by ID), searchActors typeahead and a few createEvent writes with an editor token. Then the
same for a baseline: a bare node:http + pg server that replays, for each request, the SQL the API
sent for it. Prints throughput, p50/p95/p99 latency, errors and the server process's CPU use (both
servers run in this process, one after the other; 100 % of a core means one Node thread is the
limit), then one JSON object as the last line. Exits 1 if any request of the API failed.`;

const say = (line: string) => process.stderr.write(`${line}\n`);

function options(argv: string[]) {
  const { values } = parseArgs({
    args: argv,
    options: { events: { type: "string" }, duration: { type: "string" }, connections: { type: "string" }, seed: { type: "string" }, help: { type: "boolean", short: "h" } },
    allowPositionals: true,
  });
  if (values.help) {
    process.stdout.write(`${USAGE}\n`);
    process.exit(0);
  }
  const number = (text: string | undefined, fallback: number, name: string) => {
    const n = text === undefined ? fallback : Number(text.replace(/_/g, ""));
    if (!Number.isInteger(n) || n <= 0) throw new Error(`--${name} must be a positive whole number; got ${text}`);
    return n;
  };
  return {
    events: number(values.events, 1_000_000, "events"),
    durationS: number(values.duration, 60, "duration"),
    connections: number(values.connections, 50, "connections"),
    seed: number(values.seed, 1, "seed"),
  };
}

/** Runs the load client in a child process against `url`. */
function runClient(config: ClientConfig): Promise<ClientResult> {
  const dir = mkdtempSync(path.join(tmpdir(), "parley-load-"));
  const file = path.join(dir, "config.json");
  writeFileSync(file, JSON.stringify(config));
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ["--import", "tsx", path.join(import.meta.dirname, "client.ts"), file], { stdio: ["ignore", "pipe", "inherit"] });
    let out = "";
    child.stdout.on("data", (chunk: Buffer) => (out += chunk.toString()));
    child.on("exit", (code) => {
      rmSync(dir, { recursive: true, force: true });
      if (code === 0) resolve(JSON.parse(out.trim().split("\n").pop()!) as ClientResult);
      else reject(new Error(`the load client exited with ${code}`));
    });
  });
}

/** What the server's process (this one: the API and the baseline run in it) spent while a client ran. */
interface ServerCpu {
  /** Process CPU time over the run's wall time: 100 is one core busy throughout. */
  percent_of_a_core: number;
  ms_per_request: number;
}

/** Runs the client and measures this process's CPU time meanwhile. */
async function measured(config: ClientConfig): Promise<ClientResult & { server_cpu: ServerCpu }> {
  const cpu = process.cpuUsage();
  const started = performance.now();
  const result = await runClient(config);
  const used = process.cpuUsage(cpu);
  const ms = (used.user + used.system) / 1000;
  const server_cpu = { percent_of_a_core: Math.round((ms / (performance.now() - started)) * 100), ms_per_request: Number((ms / Math.max(1, result.requests)).toFixed(2)) };
  return { ...result, server_cpu };
}

function line(name: string, r: ClientResult & { server_cpu: ServerCpu }) {
  return `${name.padEnd(9)} ${String(r.rps).padStart(8)} req/s  p50 ${String(r.p50_ms).padStart(7)}  p95 ${String(r.p95_ms).padStart(7)}  p99 ${String(r.p99_ms).padStart(7)}  max ${String(r.max_ms).padStart(7)} ms  errors ${r.errors.total} (${r.requests} requests)  server process ${r.server_cpu.percent_of_a_core} % of a core, ${r.server_cpu.ms_per_request} ms CPU a request`;
}

export async function loadCommand(argv: string[]): Promise<number> {
  const { events, durationS, connections, seed } = options(argv);
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
  let baseline: Awaited<ReturnType<typeof startBaseline>> | null = null;
  let tokenId: number | null = null;
  try {
    const started = performance.now();
    await engine.ready();
    say(`search index ready in ${((performance.now() - started) / 1000).toFixed(1)} s`);
    await new Promise<void>((resolve) => http.listen(0, "127.0.0.1", resolve));
    await new Promise<void>((resolve) => recordingHttp.listen(0, "127.0.0.1", resolve));
    const endpoint = `http://127.0.0.1:${(http.address() as { port: number }).port}/graphql`;
    const recordingEndpoint = `http://127.0.0.1:${(recordingHttp.address() as { port: number }).port}/graphql`;
    const { token, secret } = await createApiToken(db, { role: "EDITOR", name: "bench load", author: "pnpm bench load" });
    tokenId = token.id;
    const authorization = `Bearer ${secret}`;

    const variants: Variant[] = await buildMix(admin);
    say(`recording the SQL of ${variants.length} request variants`);
    const recorded = await recorder.record(variants, async (v) => {
      const response = await fetch(recordingEndpoint, { method: "POST", headers: { "content-type": "application/json", ...(v.write ? { authorization } : {}) }, body: v.body });
      const text = await response.text();
      if (response.status !== 200 || text.includes('"errors":[')) throw new Error(`${v.kind} failed before the load started: ${text.slice(0, 300)}`);
    });
    const perKind = new Map<string, number[]>();
    recorded.forEach((r, i) => perKind.set(variants[i]!.kind, [...(perKind.get(variants[i]!.kind) ?? []), r.length]));
    say(`SQL statements per request: ${[...perKind].map(([k, n]) => `${k} ${Math.min(...n)}–${Math.max(...n)}`).join(", ")}`);
    const writes = new Set(variants.flatMap((v, i) => (v.write ? [i] : [])));
    unwatch();
    recordingHttp.close();
    await recordingDb.$disconnect();

    const load = () => loadavg().map((n) => Number(n.toFixed(2)));
    const loadBefore = load();
    say(`API: ${connections} connections for ${durationS} s (load average ${loadBefore.join(" ")})`);
    const api = await measured({ url: endpoint, connections, durationS, variants, authorization, baseline: false });
    process.stdout.write(`${line("API", api)}\n`);

    // As many connections as the API's two pools together (Prisma's and the search engine's).
    baseline = await startBaseline(database.url, recorded, writes, PRISMA_POOL_MAX + (engine.pool.options.max ?? 0));
    say(`baseline: ${connections} connections for ${durationS} s`);
    const base = await measured({ url: baseline.endpoint, connections, durationS, variants, authorization, baseline: true });
    process.stdout.write(`${line("baseline", base)}\n`);
    const loadAfter = load();

    // Three decimals, and the target judged before rounding: 0.499 is not 0.5.
    const ratio = Number((api.rps / base.rps).toFixed(3));
    const targets = { zero_errors: api.errors.total === 0, p99_under_1s: api.p99_ms < 1000, ratio_at_least_0_5: api.rps / base.rps >= 0.5 };
    process.stdout.write(`API / baseline throughput: ${ratio} (target ≥ 0.5: ${targets.ratio_at_least_0_5 ? "met" : "MISSED"}); p99 < 1 s: ${targets.p99_under_1s ? "met" : "MISSED"}; errors: ${api.errors.total}\n`);
    for (const [kind, k] of Object.entries(api.by_kind)) process.stdout.write(`  ${kind.padEnd(16)} ${String(k.requests).padStart(7)} requests  p50 ${k.p50_ms}  p95 ${k.p95_ms}  p99 ${k.p99_ms} ms  errors ${k.errors}\n`);
    for (const example of api.errors.examples) process.stdout.write(`  error: ${example}\n`);
    process.stdout.write(
      `${JSON.stringify({
        bench: "load",
        events,
        duration_s: durationS,
        connections,
        mix_percent: WEIGHTS,
        api,
        baseline: base,
        throughput_ratio: ratio,
        targets,
        machine: { cpus: availableParallelism(), cpu: cpus()[0]?.model ?? "unknown", memory_gb: Math.round(totalmem() / 1e9), node: process.version, load_average_before: loadBefore, load_average_after: loadAfter },
      })}\n`,
    );
    return api.errors.total === 0 ? 0 : 1;
  } finally {
    http.close();
    if (recordingHttp.listening) recordingHttp.close();
    await baseline?.close();
    // Leave the corpus as generated: remove what the writes added and the bench's token.
    await admin.query(`DELETE FROM event WHERE title LIKE $1`, [`${WRITE_TITLE} %`]).catch(() => {});
    await admin.query(`DELETE FROM revision WHERE author LIKE $1 OR author = 'pnpm bench load'`, [`token:${tokenId} %`]).catch(() => {});
    if (tokenId !== null) await admin.query(`DELETE FROM api_token WHERE id = $1`, [tokenId]).catch(() => {});
    await admin.end();
    await engine.close();
    await db.$disconnect();
    await recordingDb.$disconnect().catch(() => {});
    await database.stop();
  }
}
