import { type ChildProcess, spawn } from "node:child_process";
import path from "node:path";
import { freePort } from "@parley/db";
import { defined } from "@parley/schema";
import { inheritedEnv } from "@parley/testkit";
import type { GraphQLResponse } from "./harness.ts";

/** What `/health` answers (`healthEndpoint` in `src/modules/shared/availability.ts`). */
export interface HealthBody {
  status: "ok" | "unavailable";
  database: "up" | "down";
  databaseMs?: number;
  error?: string;
  message?: string;
  searchIndex: { events: number } | "building" | "off";
  replica?: {
    database: "up" | "down";
    recovering?: boolean;
    replayedLsn?: string | null;
    sinceReplayMs?: number | null;
  };
}

const API_DIR = path.resolve(import.meta.dirname, "..");

export interface ApiProcess {
  port: number;
  endpoint: string;
  /** What the process wrote to stderr so far. */
  log(): string;
  gql<T = Record<string, unknown>>(
    query: string,
    variables?: Record<string, unknown>,
    headers?: Record<string, string>,
  ): Promise<GraphQLResponse<NoInfer<T>>>;
  health(): Promise<{ status: number; body: HealthBody }>;
  stop(): Promise<void>;
  /** SIGKILL: the process dies at once, mid-request, as in a crash. */
  kill(): Promise<void>;
}

/**
 * A real API server in a Node process of its own (`src/main.ts`, as `pnpm start` runs it), on a
 * free port, against `databaseUrl`. Resolves once it serves (its search index built).
 */
export async function startApiProcess(
  databaseUrl: string,
  env: Record<string, string> = {},
  options: { port?: number } = {},
): Promise<ApiProcess> {
  const port = options.port ?? (await freePort());
  const child: ChildProcess = spawn(
    process.execPath,
    ["--expose-gc", "--max-semi-space-size=64", "--import", "tsx", "src/main.ts"],
    {
      cwd: API_DIR,
      env: {
        ...inheritedEnv(),
        ...env,
        DATABASE_URL: databaseUrl,
        API_PORT: String(port),
        API_HOST: "127.0.0.1",
        NODE_ENV: "production",
      },
      stdio: ["ignore", "ignore", "pipe"],
    },
  );
  let stderr = "";
  defined(child.stderr, "child.stderr").on("data", (chunk: Buffer) => (stderr += chunk.toString()));
  const exited = new Promise<number | null>((resolve) => child.once("exit", (code) => resolve(code)));
  const base = `http://127.0.0.1:${port}`;
  const api: ApiProcess = {
    port,
    endpoint: `${base}/graphql`,
    log: () => stderr,
    async gql<T>(query: string, variables?: Record<string, unknown>, headers: Record<string, string> = {}) {
      const response = await fetch(api.endpoint, {
        method: "POST",
        headers: { "content-type": "application/json", ...headers },
        body: JSON.stringify({ query, variables }),
      });
      return { status: response.status, ...((await response.json()) as Omit<GraphQLResponse<T>, "status">) };
    },
    async health() {
      const response = await fetch(`${base}/health`);
      return { status: response.status, body: (await response.json()) as HealthBody };
    },
    async stop() {
      if (child.exitCode === null && child.signalCode === null) child.kill("SIGTERM");
      const timer = setTimeout(() => child.kill("SIGKILL"), 10_000);
      await exited;
      clearTimeout(timer);
    },
    async kill() {
      if (child.exitCode === null && child.signalCode === null) child.kill("SIGKILL");
      await exited;
    },
  };
  const deadline = Date.now() + 90_000;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`The API process exited (${child.exitCode}):\n${stderr}`);
    if (
      await api.health().then(
        (h) => h.status === 200,
        () => false,
      )
    )
      return api;
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  await api.stop();
  throw new Error(`The API process did not serve within 90 s:\n${stderr}`);
}
