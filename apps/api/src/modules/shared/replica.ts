import type { PrismaClient } from "@parley/db";
import { getOperationAST } from "graphql";
import type { Plugin } from "graphql-yoga";
import type { Context } from "../../context.ts";

/** A position in PostgreSQL's write-ahead log as `pg_lsn` prints it, e.g. `16/B374D848`. */
const LSN = /^[0-9A-F]{1,8}\/[0-9A-F]{1,8}$/i;
/** The header a write's answer carries and a later read sends back; the cookie carries the same. */
export const LSN_HEADER = "parley-lsn";
const LSN_COOKIE = "parley-lsn";
/** Far longer than a healthy replica lags; after it the client's reads go wherever they go. */
const COOKIE_MAX_AGE_S = 300;
const POLL_MS = 10;

export interface ReplicaOptions {
  /** Prisma on the streaming replica. */
  db: PrismaClient;
  /** How long a read that carries a write's position waits for the replica to replay it. */
  waitMs: number;
}

/** The write position a request asks to see: its `Parley-Lsn` header, else its `parley-lsn` cookie; malformed ones are ignored. */
export function lsnOf(request: Request): string | null {
  const cookie = request.headers
    .get("cookie")
    ?.split(";")
    .map((c) => c.trim())
    .find((c) => c.startsWith(`${LSN_COOKIE}=`))
    ?.slice(LSN_COOKIE.length + 1);
  const lsn = request.headers.get(LSN_HEADER)?.trim() || cookie;
  return lsn && LSN.test(lsn) ? lsn : null;
}

/** Whether the replica has replayed the write-ahead log up to `lsn` (a server not in recovery has everything). */
async function replayed(replica: PrismaClient, lsn: string): Promise<boolean> {
  const rows = await replica.$queryRawUnsafe<{ done: boolean }[]>(
    "SELECT coalesce(pg_last_wal_replay_lsn() >= $1::pg_lsn, NOT pg_is_in_recovery()) AS done",
    lsn,
  );
  return rows[0]?.done === true;
}

async function waitForReplay(replica: ReplicaOptions, lsn: string): Promise<boolean> {
  const deadline = performance.now() + replica.waitMs;
  try {
    for (;;) {
      if (await replayed(replica.db, lsn)) return true;
      if (performance.now() >= deadline) return false;
      await new Promise((resolve) => setTimeout(resolve, POLL_MS));
    }
  } catch {
    return false; // the replica is unreachable: this read goes to the primary
  }
}

/**
 * Waits until the replica has replayed everything the primary had written when called (at start:
 * the migrations and the demo data, before the search index reads the replica); throws after `timeoutMs`.
 */
export async function replicaCaughtUp(primary: PrismaClient, replica: PrismaClient, timeoutMs: number) {
  const rows = await primary.$queryRawUnsafe<{ lsn: string }[]>("SELECT pg_current_wal_lsn()::text AS lsn");
  const lsn = rows[0]?.lsn ?? "0/0";
  if (!(await waitForReplay({ db: replica, waitMs: timeoutMs }, lsn)))
    throw new Error(
      `The replica (DATABASE_REPLICA_URL) did not replay the primary's WAL up to ${lsn} within ${timeoutMs / 1000} s`,
    );
}

/**
 * Reads from the replica, with read-your-writes. Queries run on the replica (the search engine reads
 * it already); mutations, the reads inside their transactions and token checks stay on the primary.
 * A mutation's answer carries the primary's WAL position after it (`Parley-Lsn` header and cookie).
 * A query that sends it back waits up to `waitMs` for the replica to replay that far; if it has not,
 * its reads go to the primary and its searches answer DATABASE_UNAVAILABLE (503, Retry-After), never
 * an answer that leaves the client's own write out.
 */
export function replicaReads(primary: PrismaClient, replica: ReplicaOptions): Plugin<Context> {
  const wrote = new WeakSet<Request>();
  return {
    async onExecute({ args, extendContext }) {
      const request = (args.contextValue as { request: Request }).request;
      if (getOperationAST(args.document, args.operationName)?.operation === "mutation") {
        wrote.add(request);
        return;
      }
      const lsn = lsnOf(request);
      if (!lsn || (await waitForReplay(replica, lsn))) extendContext({ db: replica.db });
      else extendContext({ replicaBehind: true });
    },
    onResponse({ request, response }) {
      if (!wrote.has(request)) return;
      return primary.$queryRawUnsafe<{ lsn: string }[]>("SELECT pg_current_wal_lsn()::text AS lsn").then(
        (rows) => {
          const lsn = rows[0]?.lsn;
          if (!lsn) return;
          response.headers.set(LSN_HEADER, lsn);
          response.headers.append(
            "set-cookie",
            `${LSN_COOKIE}=${lsn}; Max-Age=${COOKIE_MAX_AGE_S}; Path=/; HttpOnly; SameSite=Lax`,
          );
        },
        () => undefined, // the primary is gone since: the answer says so already
      );
    },
  };
}

/** For `/health`: whether the replica answers, how far it has replayed, and how long ago it replayed a commit. */
export async function replicaHealth(replica: PrismaClient, timeoutMs: number) {
  let timer: NodeJS.Timeout | undefined;
  try {
    const timeout = new Promise<never>(
      (_, reject) => (timer = setTimeout(() => reject(new Error("timeout")), timeoutMs)),
    );
    const query = replica.$queryRawUnsafe<
      { recovering: boolean; replayed: string | null; sinceReplayMs: number | null }[]
    >(
      `SELECT pg_is_in_recovery() AS recovering, pg_last_wal_replay_lsn()::text AS replayed,
              (extract(epoch FROM now() - pg_last_xact_replay_timestamp()) * 1000)::int AS "sinceReplayMs"`,
    );
    const rows = await Promise.race([query, timeout]);
    const row = rows[0];
    return {
      database: "up",
      recovering: row?.recovering,
      replayedLsn: row?.replayed,
      sinceReplayMs: row?.sinceReplayMs,
    };
  } catch {
    return { database: "down" };
  } finally {
    clearTimeout(timer);
  }
}
