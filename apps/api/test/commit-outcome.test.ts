import { createServer as createHttpServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import {
  applyMigrations,
  createApiToken,
  createPrismaClient,
  ensureDatabaseExists,
  type PrismaClient,
  withDatabase,
} from "@parley/db";
import { decodeGlobalId, defined } from "@parley/schema";
import { type RestartablePostgres, startRestartablePostgres } from "@parley/testkit";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createServer } from "../src/server.ts";
import { type CommitFaults, installCommitFaults } from "./commit-faults.ts";
import { dataOf } from "./harness.ts";

/**
 * A PostgreSQL of this file's own, whose connections are killed exactly at COMMIT: the API must
 * answer what is stored. The server runs with a synchronous standby named that never connects, so
 * a COMMIT told to wait for it has written its commit record and waits; everything else commits
 * locally (`synchronous_commit=local`).
 */
let server: RestartablePostgres;
let db: PrismaClient;
let faults: CommitFaults;
let http: Server;
let endpoint: string;
let editor: Record<string, string>;

beforeAll(async () => {
  server = await startRestartablePostgres({ synchronous_standby_names: "nobody", synchronous_commit: "local" });
  const url = withDatabase(server.adminUrl, "parley_commit");
  await ensureDatabaseExists(url);
  await applyMigrations(url);
  db = createPrismaClient(url);
  faults = await installCommitFaults(url);
  editor = {
    authorization: `Bearer ${(await createApiToken(db, { role: "EDITOR", name: "commit test", author: "tests" })).secret}`,
  };
  http = createHttpServer(createServer({ db, env: { PARLEY_OUTCOME_TIMEOUT_MS: 1_500 } }));
  await new Promise<void>((resolve) => http.listen(0, "127.0.0.1", resolve));
  endpoint = `http://127.0.0.1:${(http.address() as AddressInfo).port}/graphql`;
}, 180_000);
afterAll(async () => {
  await new Promise((resolve) => http?.close(resolve));
  await faults?.close();
  await db?.$disconnect();
  await server?.remove();
});

const CREATE = `mutation($input: CreateEventInput!) { createEvent(input: $input) { __typename ... on CreateEventSuccess { event { id title } } } }`;

async function create(title: string, key?: string) {
  const headers = { "content-type": "application/json", ...editor, ...(key ? { "idempotency-key": key } : {}) };
  const response = await fetch(endpoint, {
    method: "POST",
    headers,
    body: JSON.stringify({
      query: CREATE,
      variables: { input: { type: "STATEMENT", title, startDate: "2025-10-01" } },
    }),
  });
  const body = (await response.json()) as {
    data?: { createEvent: { __typename: string; event?: { id: string; title: string } } } | null;
    errors?: { message: string; path?: string[]; extensions?: { code?: string; transactionId?: string } }[];
  };
  return { status: response.status, ...body };
}

const stored = async (title: string) =>
  (await db.event.findMany({ where: { title }, select: { id: true } })).map((e) => e.id);
const idOf = (answer: Awaited<ReturnType<typeof create>>) =>
  decodeGlobalId(defined(dataOf(answer).createEvent.event, "the event created").id, "Event");

/** Stops PostgreSQL while a COMMIT waits, keeps it down until the API has answered, and starts it again. */
async function answerWhileDown(answer: Promise<Awaited<ReturnType<typeof create>>>) {
  await server.stop();
  const result = await answer;
  await server.start();
  await faults.close();
  faults = await installCommitFaults(withDatabase(server.adminUrl, "parley_commit"));
  return result;
}

describe("a write whose connection is killed at COMMIT", () => {
  it("answers the stored event when the COMMIT had committed, and stores it once", async () => {
    const title = "Committed while its answer was lost";
    await faults.arm(title, "standby");
    const answer = create(title);
    await faults.kill(await faults.atCommit("SyncRep"));
    const result = await answer;
    expect(result.status).toBe(200);
    expect(dataOf(result).createEvent).toMatchObject({ __typename: "CreateEventSuccess", event: { title } });
    expect(await stored(title)).toEqual([idOf(result)]);
  });

  it("answers DATABASE_UNAVAILABLE when the COMMIT had not committed, and stores nothing", async () => {
    const title = "Lost before it committed";
    await faults.arm(title, { sleepSeconds: 60 });
    const answer = create(title);
    await faults.kill(await faults.atCommit("PgSleep"));
    const result = await answer;
    expect({ status: result.status, code: result.errors?.[0]?.extensions?.code }).toEqual({
      status: 503,
      code: "DATABASE_UNAVAILABLE",
    });
    expect(await stored(title)).toEqual([]);
  });
});

describe("a write whose COMMIT is cut off by PostgreSQL stopping", () => {
  it("answers OUTCOME_UNKNOWN with the transaction ID when it cannot ask in time; the retry with its key writes it once", async () => {
    const title = "Cut off before it committed";
    await faults.arm(title, { sleepSeconds: 60 });
    const answer = create(title, "cut-off-1");
    await faults.atCommit("PgSleep");
    const result = await answerWhileDown(answer);
    expect(result.status).toBe(503);
    const error = defined(result.errors?.[0], "the error of the write cut off");
    expect(error.extensions).toMatchObject({ code: "OUTCOME_UNKNOWN", transactionId: expect.stringMatching(/^\d+$/) });
    expect(error.message).toMatch(/may or may not be stored/);
    expect(error.path).toEqual(["createEvent"]);
    expect(await faults.status(defined(error.extensions?.transactionId, "the error's transaction ID"))).toBe("aborted");
    expect(await stored(title)).toEqual([]);

    await faults.disarm(title);
    const retried = await create(title, "cut-off-1");
    expect(dataOf(retried).createEvent.__typename).toBe("CreateEventSuccess");
    const again = await create(title, "cut-off-1");
    expect(idOf(again)).toBe(idOf(retried));
    expect(await stored(title)).toEqual([idOf(retried)]);
  });

  it("answers OUTCOME_UNKNOWN for a write that did commit, and the retry with its key answers that event without a second", async () => {
    const title = "Cut off after it committed";
    await faults.arm(title, "standby");
    const answer = create(title, "cut-off-2");
    await faults.atCommit("SyncRep");
    const result = await answerWhileDown(answer);
    expect(result.errors?.[0]?.extensions?.code).toBe("OUTCOME_UNKNOWN");
    expect(
      await faults.status(defined(result.errors?.[0]?.extensions?.transactionId, "the error's transaction ID")),
    ).toBe("committed");
    const [id] = await stored(title);
    expect(id).toBeDefined();

    await faults.disarm(title);
    const retried = await create(title, "cut-off-2");
    expect(dataOf(retried).createEvent.__typename).toBe("CreateEventSuccess");
    expect(idOf(retried)).toBe(id);
    expect(await stored(title)).toEqual([id]);
  });
});

describe("retries with idempotency keys across a restart of PostgreSQL", () => {
  it("leaves exactly one event per key, whether the first attempt was stored or refused", async () => {
    const titles = Array.from({ length: 10 }, (_, i) => `Retried across a restart ${i}`);
    const firsts = [];
    for (const title of titles.slice(0, 5)) firsts.push(await create(title, `restart-${title}`));
    await server.stop();
    for (const title of titles.slice(5)) firsts.push(await create(title, `restart-${title}`));
    await server.start();

    expect(firsts.slice(0, 5).map((r) => r.data?.createEvent.__typename)).toEqual(Array(5).fill("CreateEventSuccess"));
    expect(firsts.slice(5).map((r) => r.errors?.[0]?.extensions?.code)).toEqual(Array(5).fill("DATABASE_UNAVAILABLE"));
    const retries = await Promise.all(titles.map((title) => create(title, `restart-${title}`)));
    expect(retries.map((r) => r.data?.createEvent.__typename)).toEqual(Array(10).fill("CreateEventSuccess"));
    expect(retries.slice(0, 5).map(idOf)).toEqual(firsts.slice(0, 5).map(idOf));
    for (const [i, title] of titles.entries())
      expect(await stored(title)).toEqual([idOf(defined(retries[i], `retry ${i}`))]);
  });
});
