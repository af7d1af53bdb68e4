import { spawn } from "node:child_process";
import { existsSync, mkdirSync } from "node:fs";
import { availableParallelism, cpus, loadavg } from "node:os";
import path from "node:path";
import { writeAcledFile } from "@parley/corpus";
import type { ImportSummary } from "@parley/datasets";
import { applyMigrations, dbEnv, freePort, serverUrl, startEmbeddedPostgres } from "@parley/db";
import { progressLine } from "@parley/terminal";
import { inheritedEnv } from "@parley/testkit";
import pg from "pg";
import { BENCH_POSTGRES_SETTINGS } from "../database.ts";
import { table } from "../report.ts";
import { sendConfig } from "../worker.ts";
import { serverCpuSeconds } from "./cpu.ts";
import type { ImporterConfig } from "./importer.ts";

const say = (line: string) => process.stderr.write(`${line}\n`);
const IMPORTER = path.resolve(import.meta.dirname, "importer.ts");

type Run = ImportSummary & { peakRssMb: number; cpuSeconds: number; serverCpuSeconds: number | null };

/** What `pnpm bench import` runs; apps/cli reads it from the command line (its --help says what each is). */
export interface ImportBenchOptions {
  /** Rows of the generated ACLED-layout file. */
  rows: number;
  seed: number;
  batchSize: number;
}

/** Runs the importer as a child process; its stderr (progress) passes through. */
function runImporter(url: string, file: string, batchSize: number, dataDir: string): Promise<Run> {
  const serverCpuBefore = serverCpuSeconds(dataDir);
  const child = spawn(process.execPath, ["--import", "tsx", IMPORTER], {
    env: { ...inheritedEnv(), NODE_ENV: "production" },
    stdio: ["pipe", "pipe", "inherit"],
  });
  sendConfig(child, { url, file, batchSize } satisfies ImporterConfig);
  let out = "";
  child.stdout.on("data", (chunk: Buffer) => {
    out += chunk.toString("utf8");
  });
  return new Promise((resolve, reject) =>
    child.on("exit", (code) => {
      const last = out.trim().split("\n").pop() ?? "";
      const serverCpuAfter = serverCpuSeconds(dataDir);
      const serverCpu = serverCpuBefore === null || serverCpuAfter === null ? null : serverCpuAfter - serverCpuBefore;
      if (code === 0 && last.startsWith("{")) resolve({ ...(JSON.parse(last) as Run), serverCpuSeconds: serverCpu });
      else reject(new Error(`the importer exited with ${code}`));
    }),
  );
}

async function freshDatabase(adminUrl: string, port: number): Promise<string> {
  const admin = new pg.Client({ connectionString: adminUrl });
  await admin.connect();
  try {
    await admin.query("DROP DATABASE IF EXISTS parley_import_bench WITH (FORCE)");
    await admin.query("CREATE DATABASE parley_import_bench");
  } finally {
    await admin.end();
  }
  const url = serverUrl(port, "parley_import_bench");
  await applyMigrations(url);
  return url;
}

const load = () =>
  loadavg()
    .map((x) => x.toFixed(2))
    .join(" ");

/** The import benchmark: prints a table, then one JSON object as the last line. */
export async function runImportBench({ rows, seed, batchSize }: ImportBenchOptions): Promise<number> {
  const folder = path.join(dbEnv().PARLEY_DATA_DIR, "bench", "import");
  mkdirSync(folder, { recursive: true });
  const file = path.join(folder, `acled-${rows}-seed${seed}.csv`);
  if (existsSync(file)) say(`Reusing ${file}`);
  else {
    say(`Writing ${rows.toLocaleString("en")} ACLED rows (seed ${seed}) to ${file}`);
    await writeAcledFile({ file, rows, seed, onProgress: progressLine("rows") });
  }
  const port = await freePort();
  const dataDir = path.join(folder, "postgres");
  const server = await startEmbeddedPostgres({
    dataDir,
    port,
    log: say,
    settings: BENCH_POSTGRES_SETTINGS,
  });
  try {
    const url = await freshDatabase(serverUrl(port, "postgres"), port);
    const loadBefore = load();
    say(`Importing into a fresh database (load average ${loadBefore})`);
    const first = await runImporter(url, file, batchSize, dataDir);
    say(`Importing the same file again (load average ${load()})`);
    const again = await runImporter(url, file, batchSize, dataDir);
    const loadAfter = load();
    const line = (label: string, r: Run) => [
      label,
      Math.round(r.rows / r.seconds).toLocaleString("en"),
      r.seconds.toFixed(1),
      `${r.created}/${r.updated}/${r.unchanged}/${r.rejected}`,
      String(r.peakRssMb),
      r.time.parse.toFixed(1),
      r.time.copy.toFixed(1),
      r.time.merge.toFixed(1),
      r.cpuSeconds.toFixed(1),
      r.serverCpuSeconds?.toFixed(1) ?? "n/a",
    ];
    process.stdout.write(
      `\nImport benchmark: ${rows.toLocaleString("en")} ACLED rows, batches of ${batchSize.toLocaleString("en")}; ${availableParallelism()} cores (${cpus()[0]?.model ?? "unknown"}), load average ${loadBefore} before, ${loadAfter} after\n\n`,
    );
    process.stdout.write(
      `${table(
        [
          "run",
          "rows/s",
          "seconds",
          "created/updated/unchanged/rejected",
          "peak RSS MB",
          "parse s",
          "COPY s",
          "merge s",
          "importer CPU s",
          "PostgreSQL CPU s",
        ],
        [line("fresh database", first), line("same file again", again)],
        1,
      )}\n`,
    );
    const json = (r: Run) => ({
      rows_per_s: Math.round(r.rows / r.seconds),
      seconds: Number(r.seconds.toFixed(1)),
      created: r.created,
      unchanged: r.unchanged,
      rejected: r.rejected,
      batches: r.batches,
      peak_rss_mb: r.peakRssMb,
      parse_s: Number(r.time.parse.toFixed(1)),
      copy_s: Number(r.time.copy.toFixed(1)),
      merge_s: Number(r.time.merge.toFixed(1)),
      importer_cpu_s: Number(r.cpuSeconds.toFixed(1)),
      postgres_cpu_s: r.serverCpuSeconds === null ? null : Number(r.serverCpuSeconds.toFixed(1)),
      records: r.records,
    });
    process.stdout.write(
      `${JSON.stringify({ bench: "import", rows, seed, batch_size: batchSize, cpus: availableParallelism(), load_before: loadBefore, load_after: loadAfter, fresh: json(first), again: json(again) })}\n`,
    );
    return 0;
  } finally {
    await server.stop();
  }
}
