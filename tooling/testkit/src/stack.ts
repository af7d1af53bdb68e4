import { type ChildProcess, spawn } from "node:child_process";
import path from "node:path";
import { freePort, withDatabase } from "@parley/db";
import { inheritedEnv, testEnv } from "./env.ts";
import { startThrowawayPostgres } from "./servers.ts";

/** The web app's folder; its production build is `.next` in here. */
export const WEB_DIR = path.resolve(import.meta.dirname, "../../../apps/web");
const API_DIR = path.resolve(import.meta.dirname, "../../../apps/api");

async function waitFor(url: string, what: string, child: ChildProcess, timeoutMs = 90_000) {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`${what} exited with code ${child.exitCode} before it was ready`);
    try {
      const res = await fetch(url, { signal: AbortSignal.timeout(2000) });
      if (res.status < 500) return;
    } catch {
      // not up yet
    }
    await new Promise((r) => setTimeout(r, 250));
  }
  throw new Error(`${what} did not answer at ${url} within ${timeoutMs / 1000} s`);
}

function run(command: string, args: string[], cwd: string, env: Record<string, string>, label: string): ChildProcess {
  const child = spawn(command, args, { cwd, env: { ...inheritedEnv(), ...env }, stdio: ["ignore", "pipe", "pipe"] });
  const verbose = Boolean(testEnv().E2E_VERBOSE);
  const log = (chunk: Buffer) => {
    if (verbose) process.stderr.write(`[${label}] ${chunk}`);
  };
  child.stdout?.on("data", log);
  child.stderr?.on("data", log);
  return child;
}

export interface Stack {
  webUrl: string;
  /** An open API on the same database, for tests' own questions (the web app's answers trusted documents only). */
  apiUrl: string;
  databaseUrl: string;
  stop(): Promise<void>;
}

/** An API process as `pnpm start` runs it, on a free port, against `databaseUrl`; its URL ends in /graphql. */
export async function startApi(
  databaseUrl: string,
  env: Record<string, string> = {},
): Promise<{ url: string; stop(): Promise<void> }> {
  const port = await freePort();
  const api = run(
    "node",
    ["--expose-gc", "--max-semi-space-size=64", "--import", "tsx", "src/main.ts"],
    API_DIR,
    { DATABASE_URL: databaseUrl, API_PORT: String(port), ...env },
    "api",
  );
  await waitFor(`http://127.0.0.1:${port}/health`, "The API", api);
  return { url: `http://127.0.0.1:${port}/graphql`, stop: async () => void api.kill("SIGTERM") };
}

/** The production build of the web app, as `pnpm start` runs it, on a free port, over the API at `apiUrl`. */
export async function startWeb(apiUrl: string): Promise<{ url: string; stop(): Promise<void> }> {
  const port = await freePort();
  const next = path.join(WEB_DIR, "node_modules", ".bin", "next");
  const web = run(
    next,
    ["start", "-p", String(port), "-H", "127.0.0.1"],
    WEB_DIR,
    { PARLEY_API_URL: apiUrl, NEXT_TELEMETRY_DISABLED: "1" },
    "web",
  );
  const url = `http://127.0.0.1:${port}`;
  await waitFor(url, "The web app", web);
  return { url, stop: async () => void web.kill("SIGTERM") };
}

/**
 * The real thing, as `pnpm start` runs it: a PostgreSQL of its own (DATABASE_URL's server or a
 * throwaway embedded one), the API (which migrates and loads the demo data), and the production
 * build of the web app.
 */
export async function startStack(): Promise<Stack> {
  const stops: (() => Promise<void>)[] = [];
  let databaseUrl: string;
  const { DATABASE_URL } = testEnv();
  if (DATABASE_URL) {
    databaseUrl = withDatabase(DATABASE_URL, `parley_e2e_${process.pid}`);
  } else {
    const pg = await startThrowawayPostgres();
    databaseUrl = withDatabase(pg.adminUrl, "parley");
    stops.push(pg.stop);
  }

  // The web app's API answers trusted documents only: a query missing from trusted-documents.json
  // fails its page. Tests ask their own questions of a second API, open as `pnpm start` runs it.
  // One after the other: the first migrates the database and loads the demo data.
  const trusted = await startApi(databaseUrl, {
    PARLEY_DOCUMENTS: "trusted",
    PARLEY_TRUSTED_DOCUMENTS: path.join(WEB_DIR, "trusted-documents.json"),
  });
  stops.unshift(trusted.stop);
  const open = await startApi(databaseUrl);
  stops.unshift(open.stop);
  const apiUrl = open.url;

  const web = await startWeb(trusted.url);
  stops.unshift(web.stop);
  const webUrl = web.url;

  return {
    webUrl,
    apiUrl,
    databaseUrl,
    async stop() {
      for (const stop of stops) await stop().catch(() => {});
    },
  };
}
