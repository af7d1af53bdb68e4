import {
  applyMigrations,
  createPrismaClient,
  ensureDatabaseExists,
  markTransaction,
  outcomeOf,
  type PrismaClient,
  type TransactionMark,
  withDatabase,
} from "@parley/db";
import { defined } from "@parley/schema";
import { type ControlledPostgres, startControlledPostgres } from "@parley/testkit";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

/**
 * How the outcome of a transaction whose COMMIT answer was lost is learnt, on a PostgreSQL of this
 * file's own. Its WAL writer waits 10 s between flushes and autovacuum is off, so that nothing but a
 * COMMIT flushes the WAL: a transaction that never committed leaves no trace after a crash.
 */
let pg: ControlledPostgres;
let url: string;
let db: PrismaClient;

beforeAll(async () => {
  pg = await startControlledPostgres({ settings: { wal_writer_delay: "10s", autovacuum: "off" } });
  url = withDatabase(pg.adminUrl, "parley_lost_commit");
  await ensureDatabaseExists(url);
  await applyMigrations(url);
  db = createPrismaClient(url);
}, 120_000);
afterAll(async () => {
  await db?.$disconnect();
  await pg?.remove();
});

const soon = () => Date.now() + 5_000;
const status = async (client: PrismaClient, txid: string) =>
  defined(
    (await client.$queryRaw<{ s: string }[]>`SELECT txid_status(${txid}::bigint) AS s`)[0],
    "(await client.$queryRaw<{ s: string }[]>`SELECT txid_status({txid}:…",
  ).s;

/** A transaction that has written its marker and waits, uncommitted, until `release` lets it try COMMIT. */
async function holdOpen(client: PrismaClient) {
  let release!: () => void;
  let marked!: (mark: TransactionMark) => void;
  const mark = new Promise<TransactionMark>((resolve) => (marked = resolve));
  const done = client
    .$transaction(
      async (tx) => {
        marked(await markTransaction(tx));
        await new Promise<void>((resolve) => (release = resolve));
      },
      { timeout: 60_000 },
    )
    .then(
      () => "committed",
      () => "failed",
    );
  return { mark: await mark, release: () => release(), done };
}

describe("the outcome of a transaction whose COMMIT answer was lost", () => {
  it("is committed for one that committed, and aborted for one rolled back", async () => {
    const committed = await db.$transaction((tx) => markTransaction(tx));
    expect(await outcomeOf(db, committed, soon())).toBe("committed");
    const rolledBack = await db
      .$transaction(async (tx) => Promise.reject(Object.assign(new Error("no"), { mark: await markTransaction(tx) })))
      .catch((e: { mark: TransactionMark }) => e.mark);
    expect(await outcomeOf(db, rolledBack, soon())).toBe("aborted");
  });

  it("ends a transaction still open on the connection that was given up, and says aborted", async () => {
    const open = await holdOpen(db);
    expect(await outcomeOf(db, open.mark, soon())).toBe("aborted");
    open.release();
    expect(await open.done).toBe("failed");
  });

  it("tells a transaction lost in a crash from the later one that got its ID, which txid_status calls committed", async () => {
    const open = await holdOpen(db);
    await pg.stop("immediate");
    await pg.start();
    open.release();
    expect(await open.done).toBe("failed");

    const after = createPrismaClient(url);
    try {
      // Writes after the restart take IDs again from where the flushed WAL ends, up to and past the lost one's.
      let reused = "0";
      while (BigInt(reused) < BigInt(open.mark.txid))
        reused = await after.$transaction(async (tx) => (await markTransaction(tx)).txid);
      expect(reused).toBe(open.mark.txid);
      expect(await status(after, open.mark.txid)).toBe("committed");
      expect(await outcomeOf(after, open.mark, soon())).toBe("aborted");
    } finally {
      await after.$disconnect();
    }
  });
});
