import { createPrismaClient, type PrismaClient } from "@parley/db";
import { defined } from "@parley/schema";
import { createSearchEngine, invalidateIndexes, pruneChanges, type SearchEngine } from "@parley/search";
import { encodeGlobalID } from "@pothos/plugin-relay";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createServer } from "../src/server.ts";
import { answerOf, dataOf, useApi } from "./harness.ts";
import { type Fixture, loadFixture } from "./search-fixture.ts";

/** A second API process on the same database: its own Prisma client, search index and server. */
const api = useApi({ demo: false });
let fx: Fixture;
let otherDb: PrismaClient;
let otherSearch: SearchEngine;
let other: ReturnType<typeof createServer>;

beforeAll(async () => {
  fx = await loadFixture(api.t.db, 40, 11);
  otherDb = createPrismaClient(api.t.url);
  otherSearch = createSearchEngine({ url: api.t.url });
  other = createServer({ db: otherDb, search: otherSearch });
  await api.search.ready();
  await otherSearch.ready();
});
afterAll(async () => {
  await otherSearch.close();
  await otherDb.$disconnect();
});

const QUERY = `query($filter: EventFilter, $query: String) { searchEvents(filter: $filter, query: $query) { totalCount facets { field values { value count } } } }`;

async function count(
  server: "first" | "second",
  filter: Record<string, unknown> = {},
  query?: string,
): Promise<number> {
  const init = {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ query: QUERY, variables: { filter, query } }),
  };
  const response = server === "first" ? await api.fetch(init) : await other.fetch("http://yoga/graphql", init);
  const body = await answerOf<{ searchEvents: { totalCount: number } }>(response);
  expect(body.errors).toBeUndefined();
  return dataOf(body).searchEvents.totalCount;
}

const both = async (filter: Record<string, unknown> = {}, query?: string) => [
  await count("first", filter, query),
  await count("second", filter, query),
];

describe("search index consistency", () => {
  it("shows a write through one process in the next search of every process", async () => {
    const place = await otherDb.place.create({ data: { name: "Zaranj", country: "IR" } });
    const outlet = await otherDb.actor.create({ data: { name: "Kabul Now", kind: "MEDIA_OUTLET" } });
    const source = await otherDb.source.create({ data: { title: "Report", outletId: outlet.id } });
    expect(await both({ countries: ["IR"] })).toEqual([0, 0]);
    // A date range searched before a write is counted again after it (not kept from before).
    const february = { from: "2024-02-01", to: "2024-02-29" };
    const [inFebruary] = await both(february);

    const event = await otherDb.event.create({
      data: {
        type: "RIOT",
        title: "Riot at the Zaranj crossing",
        startDate: new Date("2024-02-03T00:00:00Z"),
        places: { create: [{ placeId: place.id }] },
        participants: { create: [{ actorId: defined(fx.actorIds[0], "fx.actorIds[0]"), role: "TARGET" }] },
        claims: { create: [{ sourceId: source.id, quote: "a riot", stance: "ASSERTS" }] },
      },
    });
    expect(await both({ countries: ["IR"] })).toEqual([1, 1]);
    expect(await both(february)).toEqual([
      defined(inFebruary, "inFebruary") + 1,
      defined(inFebruary, "inFebruary") + 1,
    ]);
    expect(await both({ types: ["RIOT"] }, "Tehreek")).toEqual([1, 1]);
    expect(await both({ outletIds: [encodeGlobalID("Actor", outlet.id)] })).toEqual([1, 1]);

    await otherDb.claim.create({
      data: { eventId: event.id, sourceId: source.id, quote: "no riot", stance: "DENIES" },
    });
    expect(await both({ contested: true, countries: ["IR"] })).toEqual([1, 1]);

    await otherDb.event.update({
      where: { id: event.id },
      data: { type: "PROTEST", startDate: new Date("2019-05-05T00:00:00Z") },
    });
    expect(await both({ types: ["RIOT"] })).toEqual([0, 0]);
    expect(await both({ types: ["PROTEST"], to: "2019-12-31" })).toEqual([1, 1]);
    expect(await both(february)).toEqual([inFebruary, inFebruary]);

    await otherDb.place.update({ where: { id: place.id }, data: { country: "AF", name: "Zaranj City" } });
    expect(await both({ countries: ["IR"] })).toEqual([0, 0]);
    expect(await both({ types: ["PROTEST"] }, "Zaranj City")).toEqual([1, 1]);

    const other = await otherDb.actor.create({ data: { name: "Ariana News", kind: "MEDIA_OUTLET" } });
    await otherDb.source.update({ where: { id: source.id }, data: { outletId: other.id } });
    expect(await both({ outletIds: [encodeGlobalID("Actor", other.id)] })).toEqual([1, 1]);
    expect(await both({ outletIds: [encodeGlobalID("Actor", outlet.id)] })).toEqual([0, 0]);

    await otherDb.actorAlias.create({
      data: {
        actorId: defined(fx.actorIds[0], "fx.actorIds[0]"),
        name: "Tahrik Taliban",
        kind: "TRANSLITERATION",
        normalized: "tahrik taliban",
        translitKey: "trk tlbn",
      },
    });
    expect(await both({ types: ["PROTEST"] }, "Tahrik")).toEqual([1, 1]);

    await otherDb.event.update({ where: { id: event.id }, data: { title: "Sit-in at the crossing" } });
    expect(await both({}, "sit-in")).toEqual([1, 1]);
    expect(await both({}, "riot")).toEqual([0, 0]);
    await otherDb.actor.update({
      where: { id: defined(fx.actorIds[0], "fx.actorIds[0]") },
      data: { name: "Tehrik-e-Taliban Pakistan (TTP)" },
    });
    expect(await both({ types: ["PROTEST"] }, "Tehrik-e-Taliban")).toEqual([1, 1]);

    await otherDb.event.delete({ where: { id: event.id } });
    expect(await both({ types: ["PROTEST"] })).toEqual([0, 0]);
    expect(await both()).toEqual([fx.events.length, fx.events.length]);
  });

  it("does not miss a transaction that commits after a later one was already read", async () => {
    const slow = await otherSearch.pool.connect();
    try {
      await slow.query("BEGIN");
      await slow.query(
        `INSERT INTO event (type, title, start_date, updated_at) VALUES ('TAKEOVER', 'slow writer', '2024-01-01', now())`,
      );
      await otherDb.event.create({
        data: { type: "TAKEOVER", title: "fast writer", startDate: new Date("2024-01-02T00:00:00Z") },
      });
      expect(await both({ types: ["TAKEOVER"] })).toEqual([1, 1]);
      await slow.query("COMMIT");
      expect(await both({ types: ["TAKEOVER"] })).toEqual([2, 2]);
    } finally {
      slow.release();
    }
  });

  it("builds a fresh index when a process starts again", async () => {
    await otherSearch.close();
    await otherDb.event.create({
      data: {
        type: "FORMATION",
        title: "while the second process was down",
        startDate: new Date("2024-03-01T00:00:00Z"),
      },
    });
    otherSearch = createSearchEngine({ url: api.t.url });
    other = createServer({ db: otherDb, search: otherSearch });
    // Where the process runs with --expose-gc (the API's scripts), a build ends with one full collection.
    const host = globalThis as { gc?: () => void };
    const exposed = host.gc;
    const collections: number[] = [];
    host.gc = () => collections.push(otherSearch.stats.builds);
    try {
      await otherSearch.ready();
    } finally {
      host.gc = exposed;
    }
    expect(collections).toEqual([1]);
    expect(otherSearch.stats.builds).toBe(1);
    expect(await both({ types: ["FORMATION"] })).toEqual([1, 1]);
  });

  it("rebuilds itself when the change log was pruned past it or reset", async () => {
    const builds = api.search.stats.builds;
    await count("first");
    await otherDb.event.create({
      data: { type: "ARREST", title: "arrest", startDate: new Date("2024-04-01T00:00:00Z") },
    });
    await api.t.db.$executeRawUnsafe(`UPDATE search_change SET created_at = now() - interval '2 hours'`);
    const pruner = createSearchEngine({ url: api.t.url, pruneAfterMs: 3_600_000 });
    try {
      expect(await pruneChanges(pruner.pool, 3_600_000)).toBeGreaterThan(0);
    } finally {
      await pruner.close();
    }
    expect(await api.t.db.$queryRawUnsafe<{ n: number }[]>(`SELECT count(*)::int AS n FROM search_change`)).toEqual([
      { n: 0 },
    ]);
    expect(await count("first", { types: ["ARREST"] })).toBe(1);
    expect(api.search.stats.builds).toBe(builds + 1);

    await api.t.db.$executeRawUnsafe(`TRUNCATE claim`);
    expect(await count("first", { outletIds: fx.outletIds.map((id) => encodeGlobalID("Actor", id)) })).toBe(0);
    expect(await count("second", { outletIds: fx.outletIds.map((id) => encodeGlobalID("Actor", id)) })).toBe(0);
    expect(api.search.stats.builds).toBe(builds + 2);

    const otherBuilds = otherSearch.stats.builds;
    await invalidateIndexes(otherSearch.pool);
    await count("second");
    expect(otherSearch.stats.builds).toBe(otherBuilds + 1);
  });
});
