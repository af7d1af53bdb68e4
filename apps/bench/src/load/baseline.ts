import { randomUUID } from "node:crypto";
import { createServer, type Server } from "node:http";
import { defined } from "@parley/schema";
import { READ_CHANGES } from "@parley/search";
import pg from "pg";
import type { Statement } from "./record.ts";

/**
 * The search engine reads the change log from where its previous read left it (the `xmin` that read
 * returned), so it gets only what changed since. A replay of the recorded parameter would instead
 * read every change since the recording, a list that grows with each of the API's writes and slows
 * the baseline down as the bench goes on; this reader keeps its place as the engine does.
 */
class LogReader {
  private since: bigint | null = null;

  /** `recorded` is the parameter the engine sent when the statement was recorded: the first read starts there. */
  async read(client: pg.PoolClient, recorded: unknown[]): Promise<unknown[]> {
    const since = this.since ?? BigInt(String(recorded[0]));
    const { rows } = await client.query<{ xmin: string }>(READ_CHANGES, [since.toString()]);
    const xmin = BigInt(defined(rows[0]).xmin);
    if (this.since === null || xmin > this.since) this.since = xmin;
    return rows;
  }
}

/**
 * A write's last statement inserts its commit marker (a new UUID per write, see @parley/db's
 * commitWrite); the recorded one was committed when the API ran it, so each replay takes its own.
 */
function freshMarker(s: Statement): unknown[] {
  return s.text.includes("commit_marker") ? s.values.map(() => randomUUID()) : s.values;
}

/**
 * The baseline: a bare node:http server on a pg pool that answers each request of the mix by
 * sending the very statements the API sent for it (recorded), one after the other, and returning
 * every result's rows as JSON. Writes run inside BEGIN … ROLLBACK, so they do the same work and
 * leave nothing behind. No GraphQL parsing, validation, authorisation, resolvers or facet counting:
 * what it measures is the cost of the SQL plus HTTP, the floor under the API's own work. It runs in
 * a process of its own (baseline-process.ts), as a bare server would: not beside the API's index,
 * whose heap makes every garbage collection in that process slower.
 */
export async function startBaseline(
  url: string,
  recorded: Statement[][],
  writes: Set<number>,
  max: number,
): Promise<{ endpoint: string; close(): Promise<void> }> {
  const pool = new pg.Pool({ connectionString: url, max });
  pool.on("error", () => {});
  const log = new LogReader();
  const replay = async (index: number): Promise<unknown[][]> => {
    const client = await pool.connect();
    try {
      const write = writes.has(index);
      if (write) await client.query("BEGIN");
      const rows: unknown[][] = [];
      for (const s of defined(recorded[index])) {
        if (s.text === READ_CHANGES) rows.push(await log.read(client, s.values));
        else rows.push((await client.query(s.text, freshMarker(s))).rows);
      }
      if (write) await client.query("ROLLBACK");
      return rows;
    } catch (error) {
      await client.query("ROLLBACK").catch(() => {});
      throw error;
    } finally {
      client.release();
    }
  };
  const server: Server = createServer((req, res) => {
    if (req.method === "GET" && req.url === "/cpu") {
      // This process's CPU time so far, in milliseconds: the bench reads it before and after a run.
      const { user, system } = process.cpuUsage();
      res.writeHead(200, { "content-type": "application/json" });
      res.end(JSON.stringify({ ms: (user + system) / 1000 }));
      return;
    }
    let text = "";
    req.setEncoding("utf8");
    req.on("data", (chunk: string) => (text += chunk));
    req.on("end", () => {
      const index = Number((JSON.parse(text) as { v: number }).v);
      replay(index).then(
        (rows) => {
          res.writeHead(200, { "content-type": "application/json" });
          res.end(JSON.stringify({ data: rows }));
        },
        (error: Error) => {
          res.writeHead(500, { "content-type": "application/json" });
          res.end(JSON.stringify({ errors: [{ message: error.message }] }));
        },
      );
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  return {
    endpoint: `http://127.0.0.1:${(server.address() as { port: number }).port}/`,
    async close() {
      await new Promise((resolve) => server.close(resolve));
      await pool.end();
    },
  };
}

/** Runs the baseline in a process of its own: `baseline-process.ts <config.json>` prints its endpoint. */
export interface BaselineConfig {
  url: string;
  recorded: Statement[][];
  writes: number[];
  max: number;
}
