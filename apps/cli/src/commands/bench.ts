import type { ImportBenchOptions } from "@parley/bench/import";
import type { LoadBenchOptions } from "@parley/bench/load";
import type { SearchBenchOptions } from "@parley/bench/search";
import type { StartBenchOptions } from "@parley/bench/start";
import type { WebBenchOptions } from "@parley/bench/web";
import { DEFAULT_BATCH_SIZE } from "@parley/datasets";
import { type CommandGroup, UsageError } from "../args.ts";
import { benchCommand, optionText } from "../bench-process.ts";
import { searchBenchEnv } from "../env.ts";
import { IMPORT_USAGE, LOAD_USAGE, SEARCH_USAGE, START_USAGE, WEB_USAGE } from "./bench-usage.ts";

// Each bench is loaded (import()) only when it runs: other commands never load the API, autocannon
// or the testkit.

/** A whole number as written on the command line (1_000_000 too), or `fallback` when not given. */
const number = (text: string | undefined, fallback: number) =>
  text === undefined ? fallback : Number(text.replace(/_/g, ""));

/** Throws the usage error `message(flag)` for the first option that is not a whole number of at least `min(flag)` (1 unless said). */
function wholeNumbers(options: Record<string, number>, message: (flag: string) => string, min = (_flag: string) => 1) {
  for (const [flag, n] of Object.entries(options))
    if (!Number.isInteger(n) || n < min(flag)) throw new UsageError(message(flag));
}

const searchBench = benchCommand({
  name: "search",
  summary: "the search query mix through GraphQL, directly and the naive way",
  usage: SEARCH_USAGE,
  options: {
    events: { type: "string" },
    seed: { type: "string" },
    iterations: { type: "string" },
    naive: { type: "string" },
  },
  parse(values): SearchBenchOptions {
    const env = searchBenchEnv();
    const given = {
      events: optionText(values, "events"),
      seed: optionText(values, "seed"),
      iterations: optionText(values, "iterations"),
      naive: optionText(values, "naive"),
    };
    const events = number(given.events ?? env.events, 1_000_000);
    const seed = number(given.seed ?? env.seed, 1);
    const iterations = number(given.iterations ?? env.iterations, 200);
    const naive =
      given.naive === undefined
        ? Math.max(3, Math.min(iterations, Math.round(3_000_000 / events)))
        : number(given.naive, 0);
    if (!Number.isInteger(naive) || naive < 0)
      throw new UsageError(
        `bench: --naive must be 0 or a positive whole number (got ${JSON.stringify(given.naive)})\n${SEARCH_USAGE}`,
      );
    const numbers = { events, seed, iterations };
    wholeNumbers(
      numbers,
      (flag) =>
        `bench: --${flag} must be a positive whole number (got ${JSON.stringify(given[flag as keyof typeof given] ?? numbers[flag as keyof typeof numbers])})\n${SEARCH_USAGE}`,
    );
    return { events, seed, iterations, naive };
  },
  bench: (options) => import("@parley/bench/search").then(({ runSearchBench }) => runSearchBench(options)),
});

const loadBench = benchCommand({
  name: "load",
  summary: "the API under a request mix, against a bare node:http + pg baseline",
  usage: LOAD_USAGE,
  options: {
    events: { type: "string" },
    duration: { type: "string" },
    connections: { type: "string" },
    rounds: { type: "string" },
    warmup: { type: "string" },
    seed: { type: "string" },
    "by-kind": { type: "string" },
  },
  parse(values): LoadBenchOptions {
    // A bad number is an error here (exit 1), not a usage error: as the load bench always answered it.
    const positive = (name: string, fallback: number) => {
      const text = optionText(values, name);
      const n = number(text, fallback);
      if (!Number.isInteger(n) || n <= 0) throw new Error(`--${name} must be a positive whole number; got ${text}`);
      return n;
    };
    const durationS = positive("duration", 60);
    return {
      events: positive("events", 1_000_000),
      durationS,
      connections: positive("connections", 50),
      rounds: positive("rounds", durationS >= 60 ? 4 : durationS >= 30 ? 2 : 1),
      warmupS: optionText(values, "warmup") === "0" ? 0 : positive("warmup", 3),
      seed: positive("seed", 1),
      byKindS: optionText(values, "by-kind") === undefined ? 0 : positive("by-kind", 0),
    };
  },
  bench: (options) => import("@parley/bench/load").then(({ runLoadBench }) => runLoadBench(options)),
});

const webBench = benchCommand({
  name: "web",
  summary: "paint and facet-update timings of the web app's production build in Chromium",
  usage: WEB_USAGE,
  options: { runs: { type: "string" } },
  parse(values): WebBenchOptions {
    const text = optionText(values, "runs");
    const runs = text === undefined ? 10 : Number(text);
    if (!Number.isInteger(runs) || runs <= 0)
      throw new UsageError(
        `bench web: --runs must be a positive whole number; got "${text}"\nSee pnpm bench web --help`,
      );
    return { runs };
  },
  bench: (options) => import("@parley/bench/web").then(({ runWebBench }) => runWebBench(options)),
});

const startBench = benchCommand({
  name: "start",
  summary: "time from starting the API to its first answered search",
  usage: START_USAGE,
  options: {
    events: { type: "string" },
    seed: { type: "string" },
    runs: { type: "string" },
    writes: { type: "string" },
  },
  parse(values): StartBenchOptions {
    const options = {
      events: number(optionText(values, "events"), 1_000_000),
      seed: number(optionText(values, "seed"), 1),
      runs: number(optionText(values, "runs"), 3),
      writes: number(optionText(values, "writes"), 1_000),
    };
    wholeNumbers(
      options,
      (flag) =>
        `bench start: --${flag} must be a whole number${flag === "writes" ? "" : " above 0"} (got ${JSON.stringify(optionText(values, flag))})\n${START_USAGE}`,
      (flag) => (flag === "writes" ? 0 : 1),
    );
    return options;
  },
  bench: (options) => import("@parley/bench/start").then(({ runStartBench }) => runStartBench(options)),
});

const importBench = benchCommand({
  name: "import",
  summary: "ACLED import speed into a fresh database, then the same file again",
  usage: IMPORT_USAGE,
  options: {
    rows: { type: "string" },
    seed: { type: "string" },
    "batch-size": { type: "string" },
  },
  parse(values): ImportBenchOptions {
    const options = {
      rows: number(optionText(values, "rows"), 1_000_000),
      seed: number(optionText(values, "seed"), 1),
      "batch-size": number(optionText(values, "batch-size"), DEFAULT_BATCH_SIZE),
    };
    wholeNumbers(
      options,
      (flag) =>
        `bench import: --${flag} must be a positive whole number (got ${JSON.stringify(optionText(values, flag))})\n${IMPORT_USAGE}`,
    );
    return { rows: options.rows, seed: options.seed, batchSize: options["batch-size"] };
  },
  bench: (options) => import("@parley/bench/import").then(({ runImportBench }) => runImportBench(options)),
});

export const benchCommands: CommandGroup = {
  name: "bench",
  summary: "benchmarks: search, load, web, start, import (also `pnpm bench …`)",
  usage: SEARCH_USAGE,
  commands: [searchBench, loadBench, webBench, startBench, importBench],
};
