import { execFile, spawn } from "node:child_process";
import path from "node:path";
import { promisify } from "node:util";
import { inheritedEnv } from "@parley/testkit";

const CLI = path.resolve(import.meta.dirname, "../src/main.ts");
const ARGS = ["--import", "tsx", CLI];

const options = (databaseUrl: string) => ({
  cwd: path.dirname(CLI),
  env: { ...inheritedEnv(), DATABASE_URL: databaseUrl },
  maxBuffer: 50_000_000,
});

/** `pnpm parley …` as a person runs it: the real CLI in a process of its own, on the database at `databaseUrl`. */
export async function parley(
  databaseUrl: string,
  ...args: string[]
): Promise<{ code: number; stdout: string; stderr: string }> {
  try {
    const { stdout, stderr } = await promisify(execFile)(process.execPath, [...ARGS, ...args], options(databaseUrl));
    return { code: 0, stdout, stderr };
  } catch (error) {
    const e = error as { code: number; stdout: string; stderr: string };
    return { code: e.code, stdout: e.stdout, stderr: e.stderr };
  }
}

/** The same, started and left running: for a test that kills it. */
export function startParley(databaseUrl: string, ...args: string[]) {
  return spawn(process.execPath, [...ARGS, ...args], { ...options(databaseUrl), stdio: "ignore" });
}
