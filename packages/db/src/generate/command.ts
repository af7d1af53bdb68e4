import { UsageError, type Command } from "../cli/args.ts";
import { openDatabase } from "../postgres.ts";
import { applyMigrations } from "../migrations/apply.ts";
import { generateCorpus } from "./write.ts";

/** A progress line on stderr, redrawn in place on a terminal. */
export function progressLine(label: string) {
  const started = performance.now();
  let lastDraw = 0;
  return (done: number, total: number) => {
    const now = performance.now();
    if (done < total && now - lastDraw < 200) return;
    lastDraw = now;
    const width = 30;
    const filled = Math.round((done / total) * width);
    const line = `${label} [${"#".repeat(filled)}${".".repeat(width - filled)}] ${Math.floor((done / total) * 100)}% ${done.toLocaleString("en")}/${total.toLocaleString("en")} ${((now - started) / 1000).toFixed(1)} s`;
    if (process.stderr.isTTY) process.stderr.write(`\r${line}${done === total ? "\n" : ""}`);
    else if (done === total || Math.floor((done / total) * 10) !== Math.floor(((done - 1) / total) * 10)) process.stderr.write(`${line}\n`);
  };
}

export const generateCommand: Command = {
  name: "generate",
  summary: "fill the database with a synthetic corpus for benchmarks (bulk COPY)",
  usage:
    "Usage: pnpm parley generate --events N [--seed S] [--replace]\n\n" +
    "Writes N synthetic events (skewed types and places, thousands of actors with transliterated\n" +
    "aliases, a decade of dates, several participants, places and claims per event) with bulk COPY\n" +
    "in one transaction. The same seed gives the same corpus.\n" +
    "  --events N   how many events (required), e.g. 1000000\n" +
    "  --seed S     random seed (default 1)\n" +
    "  --replace    empty the events, actors, places and sources first (required when there are events)",
  options: { events: { type: "string" }, seed: { type: "string" }, replace: { type: "boolean" } },
  async run({ values }) {
    const events = Number(String(values.events ?? "").replace(/_/g, ""));
    const seed = values.seed === undefined ? 1 : Number(values.seed);
    if (!Number.isInteger(events) || events < 1) throw new UsageError("--events must be a positive whole number, e.g. --events 1000000");
    if (!Number.isInteger(seed)) throw new UsageError("--seed must be a whole number");
    const say = (line: string) => process.stderr.write(`${line}\n`);
    const database = await openDatabase(say);
    try {
      await applyMigrations(database.url);
      const started = performance.now();
      const result = await generateCorpus({ url: database.url, events, seed, replace: Boolean(values.replace), onProgress: progressLine("events"), log: say });
      say(`Generated ${result.events.toLocaleString("en")} events, ${result.actors} actors, ${result.places} places, ${result.sources} sources in ${((performance.now() - started) / 1000).toFixed(1)} s (seed ${seed}).`);
    } finally {
      await database.stop();
    }
  },
};
