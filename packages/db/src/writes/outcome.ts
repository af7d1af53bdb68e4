import { randomUUID } from "node:crypto";
import { isDatabaseUnavailable } from "../availability.ts";
import type { PrismaClient, Tx } from "../client.ts";
import { onlyRow } from "../rows.ts";

/**
 * A write transaction as PostgreSQL knows it: its transaction ID (with epoch), the backend that ran
 * it, and the ID of the commit marker row it wrote.
 */
export interface TransactionMark {
  txid: string;
  pid: number;
  marker: string;
}

export type Outcome = "committed" | "aborted" | "unknown";

/** Markers are needed for the seconds it takes to resolve a lost COMMIT; older ones are deleted. */
export const MARKER_RETENTION_HOURS = 1;

/** The transaction's last statement, before COMMIT: its marker row, and what to ask about it later. */
export async function markTransaction(tx: Tx): Promise<TransactionMark> {
  const marker = randomUUID();
  const row = onlyRow(
    await tx.$queryRaw<{ txid: string; pid: number }[]>`
    INSERT INTO commit_marker (id) VALUES (${marker}::uuid) RETURNING txid_current()::text AS txid, pg_backend_pid() AS pid`,
  );
  return { ...row, marker };
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
const ASK_EVERY_MS = 200;

class NoAnswer extends Error {}

function within<T>(promise: Promise<T>, ms: number): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const late = new Promise<never>((_, reject) => (timer = setTimeout(() => reject(new NoAnswer()), Math.max(0, ms))));
  promise.catch(() => undefined);
  return Promise.race([promise, late]).finally(() => clearTimeout(timer));
}

/**
 * Whether the transaction committed, asked on another connection until `deadline` (epoch ms). First
 * whether it is over (`txid_status`, and whether its backend still runs it); a transaction still
 * running on a connection that was given up is ended (`pg_terminate_backend`). Then, in a later
 * statement that sees everything committed by then, whether its marker row exists. The marker, not
 * `txid_status` alone, decides: a crash can lose an uncommitted transaction together with the
 * assignment of its ID, and a transaction after the restart then gets the same ID and commits.
 * "unknown" when PostgreSQL could not be asked before the deadline.
 */
export async function outcomeOf(db: PrismaClient, mark: TransactionMark, deadline: number): Promise<Outcome> {
  for (;;) {
    if (deadline - Date.now() <= 0) return "unknown";
    try {
      if (await within(isOver(db, mark), deadline - Date.now()))
        return (await within(isMarked(db, mark), deadline - Date.now())) ? "committed" : "aborted";
      await within(endBackend(db, mark), deadline - Date.now());
    } catch (error) {
      if (!(error instanceof NoAnswer) && !isDatabaseUnavailable(error)) throw error;
    }
    await sleep(Math.min(ASK_EVERY_MS, Math.max(0, deadline - Date.now())));
  }
}

async function isOver(db: PrismaClient, { pid, txid }: TransactionMark): Promise<boolean> {
  try {
    const row = onlyRow(
      await db.$queryRaw<{ status: string | null; running: boolean }[]>`
      SELECT txid_status(${txid}::bigint) AS status,
             EXISTS (SELECT 1 FROM pg_stat_activity WHERE pid = ${pid} AND backend_xid::text = (${txid}::bigint % 4294967296)::text) AS running`,
    );
    return row.status !== "in progress" || !row.running;
  } catch (error) {
    // The crash lost even the ID's assignment: nothing of the transaction survived it.
    if (/is in the future/.test(String((error as Error).message))) return true;
    throw error;
  }
}

async function isMarked(db: PrismaClient, mark: TransactionMark): Promise<boolean> {
  const row = onlyRow(
    await db.$queryRaw<
      { marked: boolean }[]
    >`SELECT EXISTS (SELECT 1 FROM commit_marker WHERE id = ${mark.marker}::uuid) AS marked`,
  );
  return row.marked;
}

async function endBackend(db: PrismaClient, { pid, txid }: TransactionMark): Promise<void> {
  // Only while that backend still runs this transaction: its process ID may have been reused since.
  await db.$queryRaw`SELECT pg_terminate_backend(pid) FROM pg_stat_activity
    WHERE pid = ${pid} AND backend_xid::text = (${txid}::bigint % 4294967296)::text`;
}

/** Deletes commit markers older than their retention; returns how many. */
export async function purgeMarkers(db: PrismaClient | Tx, now = new Date()): Promise<number> {
  const before = new Date(now.getTime() - MARKER_RETENTION_HOURS * 3_600_000);
  const { count } = await db.commitMarker.deleteMany({ where: { createdAt: { lt: before } } });
  return count;
}
