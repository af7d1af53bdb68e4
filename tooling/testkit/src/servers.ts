import { chmodSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { freePort, serverUrl, startEmbeddedPostgres } from "@parley/db";

function temporaryFolder(): string {
  const dir = mkdtempSync(path.join(tmpdir(), "parley-test-pg-"));
  // mkdtemp makes the folder 0700; as root, PostgreSQL runs as the postgres user and must reach it.
  chmodSync(dir, 0o755);
  return dir;
}

/** An embedded PostgreSQL in a temporary folder on a free port, removed again by `stop`. */
export async function startThrowawayPostgres(): Promise<{ adminUrl: string; port: number; stop(): Promise<void> }> {
  const dir = temporaryFolder();
  const port = await freePort();
  const server = await startEmbeddedPostgres({ dataDir: path.join(dir, "data"), port, persistent: false });
  return {
    adminUrl: serverUrl(port, "postgres"),
    port,
    async stop() {
      await server.stop();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

export interface RestartablePostgres {
  adminUrl: string;
  port: number;
  dataDir: string;
  /** Stops the server (fast shutdown: open sessions are ended, their transactions rolled back). */
  stop(): Promise<void>;
  /** Starts it again on the same port and data. */
  start(): Promise<void>;
  /** Stops it if running and deletes its data. */
  remove(): Promise<void>;
}

/** A throwaway embedded PostgreSQL of a test's own, which the test may stop and start again; `settings` as `-c name=value`. */
export async function startRestartablePostgres(settings: Record<string, string> = {}): Promise<RestartablePostgres> {
  const dir = temporaryFolder();
  const port = await freePort();
  const options = { dataDir: path.join(dir, "data"), port, persistent: true, settings };
  let server: { stop(): Promise<void> } | null = await startEmbeddedPostgres(options);
  const stop = async () => {
    await server?.stop();
    server = null;
  };
  return {
    adminUrl: serverUrl(port, "postgres"),
    port,
    dataDir: options.dataDir,
    stop,
    async start() {
      server ??= await startEmbeddedPostgres(options);
    },
    async remove() {
      await stop();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
