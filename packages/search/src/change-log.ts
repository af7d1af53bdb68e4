import type pg from "pg";

/** Where an index stands in the change log: what it has seen, and the log's state then. */
export interface LogPosition {
  /** Rows of transactions with an ID below this were all visible at the last read. */
  xmin: bigint;
  generation: number;
  /** Drawn anew with every generation and for every new database: what a saved index is checked against. */
  epoch: string;
}

export interface LogRead {
  position: LogPosition;
  prunedBelowXid: bigint;
  /** `eventId` null: actors or their aliases changed. */
  changes: { seq: string; xid: bigint; eventId: number | null }[];
}

const STATE = `SELECT pg_snapshot_xmin(pg_current_snapshot())::text AS xmin, s.generation, s.epoch::text AS epoch, s.pruned_below_xid::text AS pruned FROM search_state s WHERE s.id = 1`;

/** The log's state in the caller's current snapshot (use inside the transaction the index is built in). */
export async function readLogState(db: pg.PoolClient | pg.Pool): Promise<LogPosition> {
  const { rows } = await db.query<{ xmin: string; generation: number; epoch: string }>(STATE);
  const row = rows[0];
  if (!row) throw new Error("search_state has no row: are the migrations applied?");
  return { xmin: BigInt(row.xmin), generation: row.generation, epoch: row.epoch };
}

/**
 * The statement `readChanges` sends, with its one parameter (`since`): the load bench's baseline
 * replays it as the engine does, from the `xmin` its previous read returned.
 */
export const READ_CHANGES = `SELECT pg_snapshot_xmin(pg_current_snapshot())::text AS xmin, s.generation, s.epoch::text AS epoch, s.pruned_below_xid::text AS pruned,
            coalesce((SELECT json_agg(json_build_array(c.seq::text, c.xid::text, c.event_id)) FROM search_change c WHERE c.xid >= $1::bigint), '[]'::json) AS changes
       FROM search_state s WHERE s.id = 1`;

/**
 * Every log row a reader at `since` may not have seen: those of transactions that had not finished
 * at its previous read (xid >= its xmin). A transaction that commits late is caught this way even if
 * its rows have lower sequence numbers than rows already read. Rows can come back; applying a row is
 * idempotent and the caller skips sequence numbers it has applied.
 */
export async function readChanges(db: pg.Pool, since: bigint): Promise<LogRead> {
  const { rows } = await db.query<{
    xmin: string;
    generation: number;
    epoch: string;
    pruned: string;
    changes: [string, string, number | null][];
  }>(READ_CHANGES, [since.toString()]);
  const row = rows[0];
  if (!row) throw new Error("search_state has no row: are the migrations applied?");
  return {
    position: { xmin: BigInt(row.xmin), generation: row.generation, epoch: row.epoch },
    prunedBelowXid: BigInt(row.pruned),
    changes: row.changes.map(([seq, xid, eventId]) => ({ seq, xid: BigInt(xid), eventId })),
  };
}

/**
 * Deletes log rows older than `olderThanMs` and records how far it deleted: an index whose last read
 * is older than that cannot trust the log any more and rebuilds.
 */
export async function pruneChanges(db: pg.Pool, olderThanMs: number): Promise<number> {
  const { rows } = await db.query<{ deleted: number }>(
    `WITH gone AS (DELETE FROM search_change WHERE created_at < now() - make_interval(secs => $1::double precision / 1000) RETURNING xid),
          mark AS (UPDATE search_state SET pruned_below_xid = greatest(pruned_below_xid, (SELECT max(xid) + 1 FROM gone))
                    WHERE id = 1 AND EXISTS (SELECT 1 FROM gone) RETURNING 1)
     SELECT (SELECT count(*) FROM gone)::int AS deleted`,
    [olderThanMs],
  );
  return rows[0]?.deleted ?? 0;
}

/** Tells every index to rebuild: for bulk loads that bypass the log. */
export async function invalidateIndexes(db: pg.Pool | pg.PoolClient): Promise<void> {
  await db.query(`UPDATE search_state SET generation = generation + 1 WHERE id = 1`);
}
