import path from "node:path";
import { z } from "zod";

const schema = z.object({
  /** The folder `pnpm parley` was run from (pnpm runs the script itself in apps/cli). */
  INIT_CWD: z.string().optional(),
  /** `production` in a bench's process (see commands/bench.ts). */
  NODE_ENV: z.string().optional(),
  /** The search bench's options, as the environment may give them instead of flags. */
  BENCH_EVENTS: z.string().optional(),
  BENCH_SEED: z.string().optional(),
  BENCH_ITERATIONS: z.string().optional(),
});

/** The command line's settings, read once. Nothing else in the CLI reads process.env. */
function cliEnv() {
  return schema.parse(process.env);
}

/** The folder the user ran the command in: file names on the command line are relative to it. */
export function workingFolder(): string {
  return cliEnv().INIT_CWD ?? process.cwd();
}

/** A file named on the command line, as an absolute path. */
export function userFile(file: string): string {
  return path.resolve(workingFolder(), file);
}

/** `pnpm bench search`'s defaults from the environment, where its flags do not give them. */
export function searchBenchEnv() {
  const { BENCH_EVENTS, BENCH_SEED, BENCH_ITERATIONS } = cliEnv();
  return { events: BENCH_EVENTS, seed: BENCH_SEED, iterations: BENCH_ITERATIONS };
}

/** Whether this process runs with NODE_ENV=production, as the benches must. */
export function isProduction(): boolean {
  return cliEnv().NODE_ENV === "production";
}

/** The environment of a process that runs a bench: this one's, with NODE_ENV=production. */
export function benchProcessEnv(): NodeJS.ProcessEnv {
  return { ...process.env, NODE_ENV: "production" };
}
