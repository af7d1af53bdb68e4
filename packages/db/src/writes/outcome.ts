import type { PrismaClient, Tx } from "../client.ts";
import { isDatabaseUnavailable } from "../availability.ts";

/** A write transaction as PostgreSQL knows it: its transaction ID (with epoch) and the backend that ran it. */
export interface TransactionMark {
  txid: string;
  pid: number;
}

export type Outcome = "committed" | "aborted" | "unknown";

/** Read as the transaction's last statement, before COMMIT, so that its fate can be asked for later. */
export async function markTransaction(tx: Tx): Promise<TransactionMark> {
  const [mark] = await tx.$queryRaw<TransactionMark[]>`SELECT txid_current()::text AS txid, pg_backend_pid() AS pid`;
  return mark!;
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
const ASK_EVERY_MS = 200;

class NoAnswer extends Error {}

function within<T>(promise: Promise<T>, ms: number): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const late = new Promise<never>((_, reject) => (timer = setTimeout(() => reject(new NoAnswer()), ms)));
  promise.catch(() => undefined);
  return Promise.race([promise, late]).finally(() => clearTimeout(timer));
}

/**
 * Whether the transaction committed, asked on another connection until `deadline` (epoch ms):
 * `txid_status` on its ID. While it is still in progress (its COMMIT unanswered, or its backend
 * still exiting), its backend is ended first: that connection was given up, and only an ended
 * transaction has an outcome. "unknown" when PostgreSQL could not be asked before the deadline.
 */
export async function outcomeOf(db: PrismaClient, mark: TransactionMark, deadline: number): Promise<Outcome> {
  for (;;) {
    const left = deadline - Date.now();
    if (left <= 0) return "unknown";
    try {
      const status = await within(statusOf(db, mark), left);
      if (status === "committed" || status === "aborted") return status;
      if (status === null) return "unknown";
      await within(endBackend(db, mark), deadline - Date.now());
    } catch (error) {
      // A crash can lose even the ID's assignment; a transaction that left no trace did not commit.
      if (/is in the future/.test(String((error as Error).message))) return "aborted";
      if (!(error instanceof NoAnswer) && !isDatabaseUnavailable(error)) throw error;
    }
    await sleep(Math.min(ASK_EVERY_MS, Math.max(0, deadline - Date.now())));
  }
}

async function statusOf(db: PrismaClient, mark: TransactionMark): Promise<string | null> {
  const [row] = await db.$queryRaw<{ status: string | null }[]>`SELECT txid_status(${mark.txid}::bigint) AS status`;
  return row!.status;
}

async function endBackend(db: PrismaClient, mark: TransactionMark): Promise<void> {
  // Only while that backend still runs this transaction: its process ID may have been reused since.
  await db.$queryRaw`SELECT pg_terminate_backend(pid) FROM pg_stat_activity
    WHERE pid = ${mark.pid} AND backend_xid::text = (${mark.txid}::bigint % 4294967296)::text`;
}
