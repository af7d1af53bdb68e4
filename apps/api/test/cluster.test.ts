import { randomUUID } from "node:crypto";
import { chmodSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { createApiToken, createPrismaClient } from "@parley/db";
import { defined } from "@parley/schema";
import {
  type Balancer,
  hasHaproxy,
  hasPostgres15,
  type ReplicatedPostgres,
  startBalancer,
  startReplicatedPostgres,
} from "@parley/testkit";
import { buildMix, type Kind, sampler, type Variant } from "@parley/testkit/load-mix";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type ApiProcess, startApiProcess } from "./api-process.ts";

/**
 * Issue 21's "past one machine", on one machine: Debian's PostgreSQL 15 as a primary and a streaming
 * replica, two API processes (src/main.ts, as `pnpm start` runs it) reading the replica and writing
 * the primary, and Debian's HAProxy in front with docs/haproxy.cfg. A load mix runs through HAProxy
 * while one API process is killed; then writes, read-your-writes, and the two processes' searches.
 */
const missing = [
  !hasHaproxy() && "HAProxy (apt-get install haproxy)",
  !hasPostgres15() && "PostgreSQL 15 (apt-get install postgresql-15)",
].filter(Boolean);
if (missing.length > 0) console.warn(`cluster.test.ts is skipped: ${missing.join(" and ")} is not installed`);

const LOAD_MS = 9_000;
const KILL_AT_MS = 3_500;
const WORKERS = 8;
const WAIT_MS = 1_000;

const CREATE = `mutation($input: CreateEventInput!) { createEvent(input: $input) { __typename
  ... on CreateEventSuccess { event { id } } ... on Error { message } } }`;
const SEARCH = `query($q: String) { searchEvents(query: $q, first: 0) { totalCount facets { field values { value count } } } }`;
const EVENT = `query($id: ID!) { event(id: $id) { id title } }`;

interface Outcome {
  kind: Kind;
  write: boolean;
  status: number;
  ok: boolean;
  /** When it was sent and answered, in ms since the load began. */
  sent: number;
  answered: number;
  detail: string;
}

interface Answer {
  status: number;
  lsn: string | null;
  body: { data?: ClusterData | null; errors?: { message: string; extensions?: { code?: string } }[] };
}

/** The fields of the answers this file reads, each query selecting some of them. */
interface ClusterData {
  createEvent?: { __typename: string; event?: { id: string } };
  searchEvents?: { totalCount: number };
  event?: { id: string } | null;
}

/** A GraphQL request over real HTTP: queries by GET (what HAProxy may replay), mutations by POST with a key. */
async function graphql(
  base: string,
  query: string,
  variables: object,
  headers: Record<string, string> = {},
): Promise<Answer> {
  const isMutation = query.trimStart().startsWith("mutation");
  const response = isMutation
    ? await fetch(`${base}/graphql`, {
        method: "POST",
        headers: { "content-type": "application/json", "idempotency-key": randomUUID(), ...headers },
        body: JSON.stringify({ query, variables }),
      })
    : await fetch(`${base}/graphql?${new URLSearchParams({ query, variables: JSON.stringify(variables) })}`, {
        headers,
      });
  return {
    status: response.status,
    lsn: response.headers.get("parley-lsn"),
    body: (await response.json()) as Answer["body"],
  };
}

async function createEvent(base: string, authorization: string, title: string) {
  const answer = await graphql(
    base,
    CREATE,
    { input: { type: "STATEMENT", title, startDate: "2025-11-02" } },
    { authorization },
  );
  expect(answer.body.data?.createEvent?.__typename, JSON.stringify(answer.body)).toBe("CreateEventSuccess");
  expect(answer.lsn).toMatch(/^[0-9A-F]+\/[0-9A-F]+$/);
  return { id: defined(answer.body.data?.createEvent?.event, "the event written").id, lsn: answer.lsn as string };
}

/** The load mix of `pnpm bench load` through the balancer: reads as GET, writes as POST with an idempotency key. */
async function runLoad(base: string, variants: Variant[], authorization: string, during: (at: number) => void) {
  const started = performance.now();
  const now = () => Math.round(performance.now() - started);
  const outcomes: Outcome[] = [];
  const timer = setTimeout(() => during(now()), KILL_AT_MS);
  let written = 0;
  const worker = async (seed: number) => {
    const next = sampler(variants, seed);
    while (now() < LOAD_MS) {
      const variant = variants[next()] as Variant;
      const { query, variables } = JSON.parse(variant.body) as {
        query: string;
        variables: { input?: { title?: string } };
      };
      if (variant.write) defined(variables.input, "the write's input").title = `Cluster load write ${++written}`;
      const sent = now();
      try {
        const answer = await graphql(base, query, variables, variant.write ? { authorization } : {});
        const ok =
          answer.status === 200 &&
          !answer.body.errors &&
          (!variant.write || answer.body.data?.createEvent?.__typename === "CreateEventSuccess");
        outcomes.push({
          kind: variant.kind,
          write: variant.write,
          status: answer.status,
          ok,
          sent,
          answered: now(),
          detail: ok ? "" : JSON.stringify(answer.body).slice(0, 300),
        });
      } catch (error) {
        outcomes.push({
          kind: variant.kind,
          write: variant.write,
          status: 0,
          ok: false,
          sent,
          answered: now(),
          detail: String((error as Error).cause ?? error),
        });
      }
    }
  };
  await Promise.all(Array.from({ length: WORKERS }, (_, i) => worker(100 + i)));
  clearTimeout(timer);
  return { outcomes, written };
}

describe.skipIf(missing.length > 0)("two API processes behind HAProxy, on a primary and a streaming replica", () => {
  let cluster: ReplicatedPostgres;
  let apis: [ApiProcess, ApiProcess];
  let balancer: Balancer;
  let authorization: string;
  let snapshots: string;
  let primary: pg.Pool;
  let replica: pg.Pool;
  const envOf = (n: number) => ({
    DATABASE_REPLICA_URL: cluster.replicaUrl("parley"),
    PARLEY_REPLICA_WAIT_MS: String(WAIT_MS),
    PARLEY_SEARCH_SNAPSHOTS: path.join(snapshots, `api${n}`),
    PARLEY_TRUSTED_PROXIES: "1",
  });

  beforeAll(async () => {
    cluster = await startReplicatedPostgres();
    const admin = new pg.Client({ connectionString: cluster.primaryUrl("postgres") });
    await admin.connect();
    await admin.query("CREATE DATABASE parley");
    await admin.end();
    snapshots = mkdtempSync(path.join(tmpdir(), "parley-cluster-"));
    chmodSync(snapshots, 0o755);
    // The first process migrates and loads the demo data; the second finds them there.
    const first = await startApiProcess(cluster.primaryUrl("parley"), envOf(1));
    const second = await startApiProcess(cluster.primaryUrl("parley"), envOf(2));
    apis = [first, second];
    balancer = await startBalancer([`127.0.0.1:${first.port}`, `127.0.0.1:${second.port}`]);
    primary = new pg.Pool({ connectionString: cluster.primaryUrl("parley"), max: 2 });
    replica = new pg.Pool({ connectionString: cluster.replicaUrl("parley"), max: 2 });
    const db = createPrismaClient(cluster.primaryUrl("parley"));
    authorization = `Bearer ${(await createApiToken(db, { role: "EDITOR", name: "cluster desk", author: "tests" })).secret}`;
    await db.$disconnect();
  }, 240_000);

  afterAll(async () => {
    await balancer?.stop();
    await Promise.all(apis?.map((api) => api.stop()) ?? []);
    await primary?.end();
    await replica?.end();
    await cluster?.remove();
    if (snapshots) rmSync(snapshots, { recursive: true, force: true });
  });

  it("serves every read and every keyed write of the load mix while one API process is killed", async () => {
    const variants = await buildMix(primary);
    let killedAt = -1;
    const { outcomes, written } = await runLoad(balancer.url, variants, authorization, (at) => {
      killedAt = at;
      void apis[1].kill();
    });
    const failed = outcomes.filter((o) => !o.ok);
    const retried = balancer.log().match(/\/\+\d+ /g)?.length ?? 0;
    console.log(
      `cluster load: ${outcomes.length} requests (${outcomes.filter((o) => o.write).length} writes) in ${LOAD_MS / 1000} s, ` +
        `API process 2 killed at ${killedAt} ms, ${failed.length} failed, ${retried} retried by HAProxy on the other process`,
    );
    expect(killedAt).toBeGreaterThan(0);
    expect(outcomes.filter((o) => o.sent > killedAt + 1_000).length).toBeGreaterThan(50);
    expect(failed.map((o) => `${o.kind} ${o.status} ${o.detail}`)).toEqual([]);
    expect(balancer.log()).toMatch(/api2 is DOWN/);

    // Each write was answered once and stored once, also the ones HAProxy sent again with their key.
    const { rows } = await primary.query<{ n: number; distinct: number }>(
      `SELECT count(*)::int AS n, count(DISTINCT title)::int AS distinct FROM event WHERE title LIKE 'Cluster load write %'`,
    );
    expect(rows[0]).toEqual({ n: written, distinct: written });

    // Restarted (as systemd would), it loads its snapshot, catches up from the change log, and HAProxy takes it back.
    apis[1] = await startApiProcess(cluster.primaryUrl("parley"), envOf(2), { port: apis[1].port });
    const deadline = Date.now() + 15_000;
    while (!/api2 is UP/.test(balancer.log()) && Date.now() < deadline)
      await new Promise((resolve) => setTimeout(resolve, 200));
    expect(balancer.log()).toMatch(/api2 is UP/);
  }, 120_000);

  it("lets a client that wrote read and search its own write at once through the balancer", async () => {
    for (let i = 0; i < 10; i++) {
      const word = `Quorvexa${i}`;
      const { id, lsn } = await createEvent(balancer.url, authorization, `${word} statement on the ceasefire`);
      const found = await graphql(balancer.url, SEARCH, { q: word }, { "parley-lsn": lsn });
      expect(found.body.data?.searchEvents?.totalCount, JSON.stringify(found.body)).toBe(1);
      const read = await graphql(balancer.url, EVENT, { id }, { cookie: `parley-lsn=${lsn}` });
      expect(read.body.data?.event?.id).toBe(id);
    }
  }, 60_000);

  it("sends a read whose write the replica has not replayed to the primary, and holds back its search until it has", async () => {
    const api = apis[0];
    const base = `http://127.0.0.1:${api.port}`;
    await replica.query("SELECT pg_wal_replay_pause()");
    let written: { id: string; lsn: string };
    try {
      written = await createEvent(base, authorization, "Zembrati statement written while the replica is paused");
      // Without the write's position, reads go to the replica, which does not have it yet.
      expect((await graphql(base, EVENT, { id: written.id })).body.data?.event).toBeNull();
      // With it, the read waits PARLEY_REPLICA_WAIT_MS for the replica, then asks the primary.
      const read = await graphql(base, EVENT, { id: written.id }, { "parley-lsn": written.lsn });
      expect(read.body.data?.event?.id).toBe(written.id);
      // A search reads the replica's index: it answers 503 rather than leave the client's write out.
      const search = await graphql(base, SEARCH, { q: "Zembrati" }, { "parley-lsn": written.lsn });
      expect(search.status).toBe(503);
      expect(search.body.errors?.[0]?.extensions?.code).toBe("DATABASE_UNAVAILABLE");
    } finally {
      await replica.query("SELECT pg_wal_replay_resume()");
    }
    const search = await graphql(base, SEARCH, { q: "Zembrati" }, { "parley-lsn": written.lsn });
    expect(search.body.data?.searchEvents?.totalCount).toBe(1);
  }, 60_000);

  it("goes on writing while the replica is down, answers reads 503 meanwhile, and reads it again once it is back", async () => {
    const api = apis[0];
    const base = `http://127.0.0.1:${api.port}`;
    await replica.end();
    await cluster.stopReplica();
    let written: { id: string; lsn: string };
    try {
      written = await createEvent(base, authorization, "Vostrelli statement written while the replica is down");
      const read = await graphql(base, EVENT, { id: written.id });
      expect(read.status).toBe(503);
      expect(read.body.errors?.[0]?.extensions?.code).toBe("DATABASE_UNAVAILABLE");
      const search = await graphql(base, SEARCH, { q: "Vostrelli" });
      expect(search.status).toBe(503);
      // The client that wrote still reads its write, from the primary.
      const own = await graphql(base, EVENT, { id: written.id }, { "parley-lsn": written.lsn });
      expect(own.body.data?.event?.id).toBe(written.id);
      // HAProxy keeps the process: the primary answers, and /health says what is down.
      const health = await api.health();
      expect(health.status).toBe(200);
      expect(health.body.replica).toEqual({ database: "down" });
    } finally {
      await cluster.startReplica();
      replica = new pg.Pool({ connectionString: cluster.replicaUrl("parley"), max: 2 });
    }
    const search = await graphql(base, SEARCH, { q: "Vostrelli" }, { "parley-lsn": written.lsn });
    expect(search.body.data?.searchEvents?.totalCount, JSON.stringify(search.body)).toBe(1);
    expect((await graphql(base, EVENT, { id: written.id })).body.data?.event?.id).toBe(written.id);
  }, 60_000);

  it("gives the same search answer from both processes once they have caught up with the writes", async () => {
    const last = await createEvent(balancer.url, authorization, "Last Quorvexa statement before the comparison");
    const { rows } = await primary.query<{ n: number }>("SELECT count(*)::int AS n FROM event");
    for (const q of [null, "Quorvexa0", "ceasefire", "Cluster load write"]) {
      const [a, b] = await Promise.all(
        apis.map((api) => graphql(`http://127.0.0.1:${api.port}`, SEARCH, { q }, { "parley-lsn": last.lsn })),
      );
      expect(a?.body.errors).toBeUndefined();
      expect(a?.body.data?.searchEvents).toEqual(b?.body.data?.searchEvents);
      if (q === null) expect(a?.body.data?.searchEvents?.totalCount).toBe(rows[0]?.n);
    }
    // The reads went to the replica: both processes hold connections there.
    const { rows: sessions } = await replica.query<{ n: number }>(
      `SELECT count(*)::int AS n FROM pg_stat_activity WHERE datname = 'parley' AND pid <> pg_backend_pid()`,
    );
    expect(sessions[0]?.n).toBeGreaterThan(2);
    const health = await apis[1].health();
    expect(health.body.replica).toMatchObject({ database: "up", recovering: true });
  }, 60_000);
});
