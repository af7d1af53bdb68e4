import { createServer, type Server } from "node:http";
import pg from "pg";
import type { Statement } from "./record.ts";

/**
 * The baseline: a bare node:http server on a pg pool that answers each request of the mix by
 * sending the very statements the API sent for it (recorded), one after the other, and returning
 * every result's rows as JSON. Writes run inside BEGIN … ROLLBACK, so they do the same work and
 * leave nothing behind. No GraphQL parsing, validation, authorisation, resolvers or facet counting:
 * what it measures is the cost of the SQL plus HTTP, the floor under the API's own work.
 */
export async function startBaseline(url: string, recorded: Statement[][], writes: Set<number>, max: number): Promise<{ endpoint: string; close(): Promise<void> }> {
  const pool = new pg.Pool({ connectionString: url, max });
  pool.on("error", () => {});
  const replay = async (index: number): Promise<unknown[][]> => {
    const client = await pool.connect();
    try {
      const write = writes.has(index);
      if (write) await client.query("BEGIN");
      const rows: unknown[][] = [];
      for (const s of recorded[index]!) rows.push((await client.query(s.text, s.values)).rows);
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
