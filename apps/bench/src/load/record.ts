import type { Variant } from "@parley/testkit/load-mix";
import type pg from "pg";

export interface Statement {
  text: string;
  values: unknown[];
}

/** Collects the SQL statements sent while `recording` is on: Prisma's (with parameters) and the search pool's. */
export class StatementRecorder {
  private current: Statement[] | null = null;

  /** For createPrismaClient's `onQuery`. */
  readonly onPrismaQuery = (text: string, params: string) => {
    if (!this.current) return;
    // Prisma reports its own transaction control too; the replay brackets writes itself.
    if (/^(BEGIN|COMMIT|ROLLBACK)\b/i.test(text.trim())) return;
    this.current.push({ text, values: JSON.parse(params || "[]") as unknown[] });
  };

  /** Wraps a pool's `query` so that its statements are recorded too; the returned function unwraps it. */
  watch(pool: pg.Pool): () => void {
    const original = pool.query;
    const query = pool.query.bind(pool) as (...args: unknown[]) => Promise<unknown>;
    const unwatch = () => {
      pool.query = original;
    };
    (pool as unknown as { query: (...args: unknown[]) => Promise<unknown> }).query = (...args: unknown[]) => {
      const [first, second] = args;
      if (this.current) {
        if (typeof first === "string") this.current.push({ text: first, values: (second as unknown[]) ?? [] });
        else if (first && typeof first === "object")
          this.current.push({ text: (first as pg.QueryConfig).text, values: (first as pg.QueryConfig).values ?? [] });
      }
      return query(...args);
    };
    return unwatch;
  }

  /** The statements one request of each variant issues through the API, in order. */
  async record(variants: Variant[], send: (v: Variant) => Promise<void>): Promise<Statement[][]> {
    const recorded: Statement[][] = [];
    for (const v of variants) {
      await send(v); // once unrecorded, so that one-time work (the index catching up) is not counted
      this.current = [];
      await send(v);
      recorded.push(this.current);
      this.current = null;
    }
    return recorded;
  }
}
