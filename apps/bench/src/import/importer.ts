import { importDataset } from "@parley/datasets";
import { createPrismaClient } from "@parley/db";
import { readConfig } from "../worker.ts";

/** What the importer imports; bench.ts sends it on standard input (worker.ts). */
export interface ImporterConfig {
  url: string;
  file: string;
  batchSize: number;
}

/**
 * The importer as a process of its own, so that its peak memory is its own: imports an ACLED file
 * into the database at the URL and prints its summary, peak resident memory and CPU seconds as one JSON line.
 */
const { url, file, batchSize } = await readConfig<ImporterConfig>();
const db = createPrismaClient(url, { max: 2 });
let lastReport = 0;
try {
  const summary = await importDataset(db, {
    dataset: "acled",
    file,
    batchSize,
    rejectsPath: `${file}.rejects.csv`,
    progress: (csv) => ({
      update(state) {
        const now = performance.now();
        if (now - lastReport < 5_000) return;
        lastReport = now;
        const { heapUsed, rss } = process.memoryUsage();
        process.stderr.write(
          `  ${Math.floor((state.bytes / csv.size) * 100)}% read, ${state.rows.toLocaleString("en")} rows written (${state.created} created, ${state.unchanged} unchanged); heap ${Math.round(heapUsed / 1e6)} MB, RSS ${Math.round(rss / 1e6)} MB\n`,
        );
      },
      stop() {},
    }),
  });
  const peakRssMb = Math.round(process.resourceUsage().maxRSS / 1024);
  const { user, system } = process.cpuUsage();
  const cpuSeconds = (user + system) / 1e6;
  process.stdout.write(
    `${JSON.stringify({ ...summary, matchedActors: summary.matchedActors.length, peakRssMb, cpuSeconds })}\n`,
  );
} finally {
  await db.$disconnect();
}
