import { generateCorpus, writeAcledFile } from "@parley/corpus";
import { applyMigrations, openDatabase } from "@parley/db";
import { progressLine } from "@parley/terminal";
import { type Command, UsageError } from "../args.ts";
import { userFile } from "../env.ts";
import { say } from "../output.ts";

export const generateCommand: Command = {
  name: "generate",
  summary: "fill the database with a synthetic corpus for benchmarks (bulk COPY)",
  usage:
    "Usage: pnpm parley generate --events N [--seed S] [--replace]\n" +
    "       pnpm parley generate --acled FILE --rows N [--seed S]\n\n" +
    "Writes N synthetic events (skewed types and places, thousands of actors with transliterated\n" +
    "aliases, a decade of dates, several participants, places and claims per event) with bulk COPY\n" +
    "in one transaction. The same seed gives the same corpus.\n" +
    "  --events N   how many events (required), e.g. 1000000\n" +
    "  --seed S     random seed (default 1)\n" +
    "  --replace    empty the events, actors, places and sources first (required when there are events)\n\n" +
    "With --acled, writes no database but an ACLED CSV (current layout, as `parley import acled` reads\n" +
    "it) of N synthetic rows, streamed: thousands of actors, tens of thousands of places, a few hundred\n" +
    "outlets, a decade of dates. The same seed gives the same file.\n" +
    "  --acled FILE   the CSV to write\n" +
    "  --rows N       how many rows (required with --acled), e.g. 1000000",
  options: {
    events: { type: "string" },
    seed: { type: "string" },
    replace: { type: "boolean" },
    acled: { type: "string" },
    rows: { type: "string" },
  },
  async run({ values }) {
    if (values.acled !== undefined) {
      const rows = Number(String(values.rows ?? "").replace(/_/g, ""));
      const seed = values.seed === undefined ? 1 : Number(values.seed);
      if (!Number.isInteger(rows) || rows < 1)
        throw new UsageError("--rows must be a positive whole number, e.g. --acled acled.csv --rows 1000000");
      if (!Number.isInteger(seed)) throw new UsageError("--seed must be a whole number");
      const file = userFile(String(values.acled));
      const started = performance.now();
      await writeAcledFile({ file, rows, seed, onProgress: progressLine("rows") });
      say(
        `Wrote ${rows.toLocaleString("en")} ACLED rows to ${file} in ${((performance.now() - started) / 1000).toFixed(1)} s (seed ${seed}).`,
      );
      return;
    }
    const events = Number(String(values.events ?? "").replace(/_/g, ""));
    const seed = values.seed === undefined ? 1 : Number(values.seed);
    if (!Number.isInteger(events) || events < 1)
      throw new UsageError("--events must be a positive whole number, e.g. --events 1000000");
    if (!Number.isInteger(seed)) throw new UsageError("--seed must be a whole number");
    const database = await openDatabase(say);
    try {
      await applyMigrations(database.url);
      const started = performance.now();
      const result = await generateCorpus({
        url: database.url,
        events,
        seed,
        replace: Boolean(values.replace),
        onProgress: progressLine("events"),
        log: say,
      });
      say(
        `Generated ${result.events.toLocaleString("en")} events, ${result.actors} actors, ${result.places} places, ${result.sources} sources in ${((performance.now() - started) / 1000).toFixed(1)} s (seed ${seed}).`,
      );
    } finally {
      await database.stop();
    }
  },
};
