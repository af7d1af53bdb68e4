import { spawn } from "node:child_process";
import { constants } from "node:os";
import path from "node:path";
import { errorText } from "@parley/db";
import { type Command, UsageError } from "./args.ts";
import { benchProcessEnv, isProduction } from "./env.ts";
import { say } from "./output.ts";

const MAIN = path.resolve(import.meta.dirname, "main.ts");

/**
 * The benches measure the API as it runs in production: NODE_ENV=production, and the node flags of
 * apps/api's start script (--expose-gc: a search index build ends with a full collection;
 * --max-semi-space-size=64). `pnpm parley` starts node without them, so a bench command, once its
 * options are read, runs again in a node started with them: the same command line, in a process of
 * its own whose exit code it passes on. That is the one way to get them whether it was started as
 * `pnpm bench …` (an alias) or `pnpm parley bench …`; NODE_OPTIONS would also hand them to the
 * bench's own workers (the load client, the baseline, the importer), which run without them.
 */
const BENCH_NODE_FLAGS = ["--expose-gc", "--max-semi-space-size=64"];

function inBenchProcess(): boolean {
  return isProduction() && BENCH_NODE_FLAGS.every((flag) => process.execArgv.includes(flag));
}

/** `parley <argv…>` again, in a node process with the bench's flags; resolves to its exit code. */
function inBenchProcessAgain(argv: string[]): Promise<number> {
  const child = spawn(process.execPath, [...BENCH_NODE_FLAGS, "--import", "tsx", MAIN, ...argv], {
    env: benchProcessEnv(),
    stdio: "inherit",
  });
  // Ctrl-C reaches both processes; a signal sent to this one alone must stop the bench too.
  const forward = (signal: NodeJS.Signals) => child.kill(signal);
  process.on("SIGINT", forward);
  process.on("SIGTERM", forward);
  return new Promise((resolve, reject) => {
    child.on("error", reject);
    child.on("exit", (code, signal) => {
      process.off("SIGINT", forward);
      process.off("SIGTERM", forward);
      resolve(code ?? 128 + (signal ? constants.signals[signal] : 0));
    });
  });
}

/**
 * `parley bench <name>`: reads its options with `parse` (a UsageError for a bad one, exit 2), then
 * runs `bench` with them in a process with the bench's node flags. Any other failure is reported
 * as `bench: …` with exit 1.
 */
export function benchCommand<Options>(spec: {
  name: string;
  summary: string;
  usage: string;
  options: NonNullable<Command["options"]>;
  parse(values: Record<string, unknown>): Options;
  bench(options: Options): Promise<number>;
}): Command {
  return {
    name: spec.name,
    summary: spec.summary,
    usage: spec.usage,
    options: spec.options,
    async run({ values, argv }) {
      try {
        const options = spec.parse(values);
        if (!inBenchProcess()) return await inBenchProcessAgain(["bench", spec.name, ...argv]);
        return await spec.bench(options);
      } catch (error) {
        if (error instanceof UsageError) throw error;
        say(`bench: ${errorText(error)}`);
        return 1;
      }
    },
  };
}

/** A string option's text, or undefined when it was not given. */
export function optionText(values: Record<string, unknown>, name: string): string | undefined {
  const value = values[name];
  return typeof value === "string" ? value : undefined;
}
