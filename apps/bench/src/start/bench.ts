import { spawn } from "node:child_process";
import { mkdtemp, readFile, rm } from "node:fs/promises";
import { availableParallelism, cpus, loadavg, tmpdir, totalmem } from "node:os";
import path from "node:path";
import { freePort } from "@parley/db";
import { inheritedEnv } from "@parley/testkit";
import pg from "pg";
import { benchDatabase } from "../database.ts";
import { table } from "../report.ts";

const say = (line: string) => process.stderr.write(`${line}\n`);
const API_MAIN = path.resolve(import.meta.dirname, "../../../api/src/main.ts");
const SEARCH = `{ searchEvents(first: 20) { totalCount edges { node { id } } facets { field values { value count } } } }`;

interface Start {
  kind: "build" | "snapshot";
  firstSearchMs: number;
  peakRssMb: number;
  log: string[];
}

/** Peak resident memory of a process so far (Linux), in MB. */
async function peakRss(pid: number): Promise<number> {
  const status = await readFile(`/proc/${pid}/status`, "utf8").catch(() => "");
  const kb = Number(/VmHWM:\s+(\d+)/.exec(status)?.[1] ?? 0);
  return Math.round(kb / 1024);
}

/** Starts the API, waits for its first answered search, stops it (SIGTERM: it saves its index). */
async function timeStart(url: string, snapshots: string): Promise<Start> {
  const port = await freePort();
  const started = performance.now();
  const child = spawn(process.execPath, ["--import", "tsx", "--expose-gc", "--max-semi-space-size=64", API_MAIN], {
    env: {
      ...inheritedEnv(),
      NODE_ENV: "production",
      DATABASE_URL: url,
      API_PORT: String(port),
      API_HOST: "127.0.0.1",
      PARLEY_SEARCH_SNAPSHOTS: snapshots,
    },
    stdio: ["ignore", "ignore", "pipe"],
  });
  const log: string[] = [];
  child.stderr.on("data", (chunk: Buffer) => log.push(...chunk.toString("utf8").split("\n").filter(Boolean)));
  const exited = new Promise<number | null>((resolve) => child.on("exit", (code) => resolve(code)));
  let early: number | null | undefined;
  void exited.then((code) => (early = code));
  try {
    for (;;) {
      if (early !== undefined) throw new Error(`the API exited with ${early} before it answered:\n${log.join("\n")}`);
      const answered = await fetch(`http://127.0.0.1:${port}/graphql`, {
        method: "POST",
        headers: { "content-type": "application/json" },
        body: JSON.stringify({ query: SEARCH }),
      })
        .then(async (r) => r.ok && !((await r.json()) as { errors?: unknown }).errors)
        .catch(() => false);
      if (answered) break;
      await new Promise((resolve) => setTimeout(resolve, 25));
    }
    const firstSearchMs = performance.now() - started;
    const peakRssMb = await peakRss(child.pid ?? 0);
    child.kill("SIGTERM");
    const code = await exited;
    if (code !== 0) throw new Error(`the API exited with ${code} on SIGTERM:\n${log.join("\n")}`);
    return {
      kind: log.some((l) => /loaded from the snapshot/.test(l)) ? "snapshot" : "build",
      firstSearchMs,
      peakRssMb,
      log,
    };
  } finally {
    if (early === undefined) child.kill("SIGKILL");
  }
}

/** Changes K events as a user would between two starts: the change log records them. */
async function changeEvents(url: string, k: number, round: number) {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    await client.query(
      `UPDATE event SET contested = NOT contested, updated_at = now() WHERE id IN (SELECT id FROM event ORDER BY id OFFSET $1 LIMIT $2)`,
      [round * k, k],
    );
  } finally {
    await client.end();
  }
}

/** What `pnpm bench start` runs; apps/cli reads it from the command line (its --help says what each is). */
export interface StartBenchOptions {
  /** Events in the generated corpus. */
  events: number;
  seed: number;
  /** Starts from the saved index, after the first (which builds it). */
  runs: number;
  /** Events changed before each start from the saved index. */
  writes: number;
}

/** The start-up benchmark: prints a table, then one JSON object as the last line; 1 if a target was missed. */
export async function runStartBench(options: StartBenchOptions): Promise<number> {
  const database = await benchDatabase(options.events, options.seed);
  const snapshots = await mkdtemp(path.join(tmpdir(), "parley-bench-start-"));
  const starts: (Start & { changed: number })[] = [];
  try {
    const load = loadavg().map((n) => Number(n.toFixed(1)));
    say(`start 1: no saved index (load average ${load.join(" ")})`);
    starts.push({ ...(await timeStart(database.url, snapshots)), changed: 0 });
    for (let run = 1; run <= options.runs; run++) {
      if (options.writes > 0) await changeEvents(database.url, options.writes, run);
      say(
        `start ${run + 1}: from the saved index, ${options.writes} events changed since (load average ${loadavg()
          .map((n) => n.toFixed(1))
          .join(" ")})`,
      );
      starts.push({ ...(await timeStart(database.url, snapshots)), changed: options.writes });
    }
  } finally {
    await rm(snapshots, { recursive: true, force: true });
    await database.stop();
  }
  const target = options.events <= 1_000_000 ? 5_000 : 30_000;
  process.stdout.write(
    `\nStart-up: ${options.events.toLocaleString("en")} events, time from spawn to the first answered search\n`,
  );
  process.stdout.write(
    table(
      ["start", "index", "events changed since", "first search (s)", "peak RSS (MB)"],
      starts.map((s, i) => [
        String(i + 1),
        s.kind === "build" ? "built" : "loaded",
        String(s.changed),
        (s.firstSearchMs / 1000).toFixed(1),
        String(s.peakRssMb),
      ]),
      2,
    ),
  );
  for (const s of starts) for (const line of s.log.filter((l) => /search index:|after start/.test(l))) say(`  ${line}`);
  const loaded = starts.filter((s) => s.kind === "snapshot");
  const met = loaded.length === options.runs && loaded.every((s) => s.firstSearchMs <= target);
  process.stdout.write(
    `from a saved index: ${loaded.length} of ${options.runs} starts loaded it; target first search <= ${target / 1000} s: ${met ? "met" : "MISSED"}\n`,
  );
  process.stdout.write(
    `${JSON.stringify({
      bench: "start",
      events: options.events,
      target_ms: target,
      starts: starts.map((s) => ({
        index: s.kind,
        changed: s.changed,
        first_search_ms: Math.round(s.firstSearchMs),
        peak_rss_mb: s.peakRssMb,
      })),
      target_met: met,
      machine: {
        cpus: availableParallelism(),
        cpu: cpus()[0]?.model ?? "unknown",
        memory_gb: Math.round(totalmem() / 1e9),
        node: process.version,
        load_average_after: loadavg().map((n) => Number(n.toFixed(2))),
      },
    })}\n`,
  );
  return met ? 0 : 1;
}
