import { applyMigrations, createApiToken, createPrismaClient, ensureDatabaseExists, withDatabase } from "@parley/db";
import { defined } from "@parley/schema";
import { type RestartablePostgres, startRestartablePostgres } from "@parley/testkit";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type ApiProcess, startApiProcess } from "./api-process.ts";
import { dataOf } from "./harness.ts";

/**
 * A PostgreSQL of this file's own, an API process on it, and a stream of reads and writes while
 * PostgreSQL is stopped and started again.
 */
let server: RestartablePostgres;
let api: ApiProcess;
let url: string;
let editor: Record<string, string>;

beforeAll(async () => {
  server = await startRestartablePostgres();
  url = withDatabase(server.adminUrl, "parley_restart");
  await ensureDatabaseExists(url);
  await applyMigrations(url);
  const db = createPrismaClient(url);
  editor = {
    authorization: `Bearer ${(await createApiToken(db, { role: "EDITOR", name: "restart test", author: "tests" })).secret}`,
  };
  await db.$disconnect();
  api = await startApiProcess(url);
}, 180_000);
afterAll(async () => {
  await api?.stop();
  await server?.remove();
});

const CREATE = `mutation($input: CreateEventInput!) { createEvent(input: $input) { __typename ... on CreateEventSuccess { event { id } } ... on Error { message } } }`;
const SEARCH = `query($q: String) { searchEvents(query: $q, first: 5) { totalCount facets { field values { value count } } } }`;
const READ = `{ events(first: 3, orderBy: DATE_DESC) { totalCount edges { node { id title participants { role } } } } }`;

interface Outcome {
  kind: "write" | "search" | "read";
  phase: "before" | "down" | "after";
  status: number;
  ms: number;
  code?: unknown;
  message?: string;
  title?: string;
  ok: boolean;
  endedAt: number;
}

describe("restarting PostgreSQL under load", () => {
  it("answers 503 DATABASE_UNAVAILABLE fast while it is down, recovers by itself, and keeps exactly the writes it reported", async () => {
    const outcomes: Outcome[] = [];
    let phase: Outcome["phase"] = "before";
    let running = true;
    let n = 0;
    const request = async (kind: Outcome["kind"]) => {
      const started = performance.now();
      const at = phase;
      const title = `Restartprobe ${++n}`;
      const response =
        kind === "write"
          ? await api.gql<{ createEvent?: { __typename: string } }>(
              CREATE,
              { input: { type: "STATEMENT", title, startDate: "2024-05-01" } },
              editor,
            )
          : await api.gql<{ createEvent?: { __typename: string } }>(
              kind === "search" ? SEARCH : READ,
              kind === "search" ? { q: "Restartprobe" } : {},
            );
      const error = response.errors?.[0];
      const ok =
        response.status === 200 &&
        !error &&
        (kind !== "write" || dataOf(response).createEvent?.__typename === "CreateEventSuccess");
      outcomes.push({
        kind,
        phase: at,
        status: response.status,
        ms: performance.now() - started,
        code: error?.extensions?.code,
        message: error?.message,
        title: kind === "write" ? title : undefined,
        ok,
        endedAt: performance.now(),
      });
    };
    // Four clients, bounded: each stops when told to or after 2,000 requests.
    const clients = (["write", "search", "read", "write"] as const).map(async (kind) => {
      for (let i = 0; running && i < 2_000; i++) {
        await request(kind);
        await new Promise((resolve) => setTimeout(resolve, 20));
      }
    });
    const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

    await sleep(2_000);
    phase = "down";
    const stoppedAt = performance.now();
    await server.stop();
    await sleep(3_000);
    const downHealth = await api.health();
    await server.start();
    // Recovery is the API's own doing: no restart, only waiting for the next answers to succeed.
    const deadline = Date.now() + 30_000;
    while ((await api.health()).status !== 200 && Date.now() < deadline) await sleep(200);
    phase = "after";
    await sleep(2_000);
    running = false;
    await Promise.all(clients);

    const during = outcomes.filter((o) => o.phase === "down");
    const after = outcomes.filter((o) => o.phase === "after");
    const tally = (list: Outcome[]) =>
      `${list.filter((o) => o.ok).length} ok, ${list.filter((o) => !o.ok).length} failed, slowest ${Math.round(Math.max(...list.map((o) => o.ms)))} ms`;
    console.log(
      `before: ${tally(outcomes.filter((o) => o.phase === "before"))}; down: ${tally(during)}; after: ${tally(after)}`,
    );
    // Requests answered before the stop began all succeeded (those in flight then may fail).
    expect(outcomes.filter((o) => o.endedAt < stoppedAt && !o.ok)).toEqual([]);
    expect(during.length).toBeGreaterThan(10);
    // Every failure is a 503 saying the database is unavailable; none is a 500, none hangs.
    const failures = outcomes.filter((o) => !o.ok);
    expect(failures.length).toBeGreaterThan(0);
    for (const f of failures)
      expect({ status: f.status, code: f.code }).toEqual({ status: 503, code: "DATABASE_UNAVAILABLE" });
    expect(defined(failures[0], "failures[0]").message).toMatch(/database is unavailable/i);
    expect(Math.max(...during.map((o) => o.ms))).toBeLessThan(2_000);
    expect(downHealth).toMatchObject({ status: 503, body: { status: "unavailable", database: "down" } });
    expect(after.length).toBeGreaterThan(10);
    expect(after.filter((o) => !o.ok)).toEqual([]);

    // Every write reported successful is stored; every write reported failed is not.
    const db = createPrismaClient(url);
    const rows = await db.event.findMany({
      where: { title: { startsWith: "Restartprobe " } },
      select: { title: true },
    });
    await db.$disconnect();
    const writes = outcomes.filter((o) => o.kind === "write");
    const stored = new Set(rows.map((r) => r.title));
    expect(writes.filter((o) => !o.ok).length).toBeGreaterThan(0);
    expect([...stored].sort()).toEqual(
      writes
        .filter((o) => o.ok)
        .map((o) => defined(o.title, "o.title"))
        .sort(),
    );

    // The search index caught up with every write, including those made while it was away.
    const search = await api.gql<{
      searchEvents: { totalCount: number; facets: { field: string; values: unknown[] }[] };
    }>(SEARCH, { q: "Restartprobe" });
    expect(search.status).toBe(200);
    expect(dataOf(search).searchEvents.totalCount).toBe(stored.size);
    expect(
      defined(
        dataOf(search).searchEvents.facets.find((f) => f.field === "TYPE"),
        "the TYPE facet",
      ).values,
    ).toContainEqual({
      value: "STATEMENT",
      count: stored.size,
    });
  }, 120_000);
});
