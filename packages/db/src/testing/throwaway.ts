import { chmodSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { freePort, serverUrl, startEmbeddedPostgres } from "../postgres.ts";

export { freePort };

/** An embedded PostgreSQL in a temporary folder on a free port, removed again by `stop`. */
export async function startThrowawayPostgres(): Promise<{ adminUrl: string; port: number; stop(): Promise<void> }> {
  const dir = mkdtempSync(path.join(tmpdir(), "parley-test-pg-"));
  // mkdtemp makes the folder 0700; as root, PostgreSQL runs as the postgres user and must reach it.
  chmodSync(dir, 0o755);
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
