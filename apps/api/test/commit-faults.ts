import { createPrismaClient } from "@parley/db";
import { defined } from "@parley/schema";

/**
 * Faults at COMMIT, for events of a chosen title, made by PostgreSQL itself: a deferred trigger runs
 * while the transaction commits. `standby` writes the commit record and then waits for a synchronous
 * standby that never comes (the server must run with `synchronous_standby_names` set and
 * `synchronous_commit=local`): ending that backend leaves the transaction committed. `sleep` holds
 * COMMIT before anything is written, then fails it: ending that backend leaves it aborted.
 */
export interface CommitFaults {
  arm(title: string, fault: "standby" | { sleepSeconds: number }): Promise<void>;
  disarm(title: string): Promise<void>;
  /** Waits until a backend of this database sits in COMMIT on that wait event; returns its process ID. */
  atCommit(waitEvent: "SyncRep" | "PgSleep"): Promise<number>;
  /** Waits until no backend of this database sits in COMMIT any more. */
  settled(): Promise<void>;
  /** Ends the backend from another session, as an operator's `pg_terminate_backend` or a lost connection would. */
  kill(pid: number): Promise<void>;
  /** `txid_status` of a transaction ID, asked from another session. */
  status(transactionId: string): Promise<string | null>;
  close(): Promise<void>;
}

export async function installCommitFaults(url: string): Promise<CommitFaults> {
  const db = createPrismaClient(url, { max: 2 });
  await db.$executeRawUnsafe(
    `CREATE TABLE IF NOT EXISTS test_commit_fault (title text PRIMARY KEY, fault text NOT NULL, seconds float8 NOT NULL DEFAULT 0)`,
  );
  await db.$executeRawUnsafe(`
    CREATE OR REPLACE FUNCTION test_commit_fault() RETURNS trigger LANGUAGE plpgsql AS $$
    DECLARE f test_commit_fault;
    BEGIN
      SELECT * INTO f FROM test_commit_fault WHERE title = NEW.title;
      IF f.fault = 'standby' THEN
        PERFORM set_config('synchronous_commit', 'on', true);
      ELSIF f.fault = 'sleep' THEN
        PERFORM pg_sleep(f.seconds);
        RAISE EXCEPTION 'test fault: COMMIT held for % s, then failed', f.seconds;
      END IF;
      RETURN NULL;
    END $$`);
  await db.$executeRawUnsafe(`DROP TRIGGER IF EXISTS test_commit_fault ON event`);
  await db.$executeRawUnsafe(
    `CREATE CONSTRAINT TRIGGER test_commit_fault AFTER INSERT ON event DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION test_commit_fault()`,
  );
  return {
    async arm(title, fault) {
      const [kind, seconds] = fault === "standby" ? ["standby", 0] : ["sleep", fault.sleepSeconds];
      await db.$executeRaw`INSERT INTO test_commit_fault (title, fault, seconds) VALUES (${title}, ${kind}, ${seconds}) ON CONFLICT (title) DO UPDATE SET fault = ${kind}, seconds = ${seconds}`;
    },
    async disarm(title) {
      await db.$executeRaw`DELETE FROM test_commit_fault WHERE title = ${title}`;
    },
    async atCommit(waitEvent) {
      const deadline = Date.now() + 20_000;
      while (Date.now() < deadline) {
        const [row] = await db.$queryRaw<
          { pid: number }[]
        >`SELECT pid FROM pg_stat_activity WHERE datname = current_database() AND query = 'COMMIT' AND wait_event = ${waitEvent}`;
        if (row) return row.pid;
        await new Promise((resolve) => setTimeout(resolve, 10));
      }
      throw new Error(`No backend reached COMMIT waiting on ${waitEvent} within 20 s`);
    },
    async settled() {
      const deadline = Date.now() + 20_000;
      while (Date.now() < deadline) {
        const [row] = await db.$queryRaw<
          { n: number }[]
        >`SELECT count(*)::int AS n FROM pg_stat_activity WHERE datname = current_database() AND query = 'COMMIT' AND state = 'active'`;
        if (defined(row, "the count of waiting COMMITs").n === 0) return;
        await new Promise((resolve) => setTimeout(resolve, 100));
      }
    },
    async kill(pid) {
      await db.$queryRaw`SELECT pg_terminate_backend(${pid})`;
    },
    async status(transactionId) {
      const [row] = await db.$queryRaw<
        { status: string | null }[]
      >`SELECT txid_status(${transactionId}::bigint) AS status`;
      return defined(row, "the row of txid_status").status;
    },
    close: () => db.$disconnect(),
  };
}
