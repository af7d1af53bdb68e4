import { seededRandom } from "@parley/corpus";
import { defined, nameKeys } from "@parley/schema";
import { createSearchEngine, type SearchEngine } from "@parley/search";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { dataOf, useApi } from "./harness.ts";

/**
 * The engine keeps recent name searches (the typeahead) and answers the same one again from them.
 * These tests write straight to the database, as another process would, and compare every answer
 * with the answer of an engine that keeps nothing: the cache must be exact, not merely recent.
 */
const api = useApi({ demo: false });
let fresh: SearchEngine;

beforeAll(async () => {
  fresh = createSearchEngine({ url: api.t.url, recentSearches: 0 });
  await Promise.all([api.search.ready(), fresh.ready()]);
});
afterAll(() => fresh.close());

const ACTORS = `query($query: String!, $first: Int) {
  searchActors(query: $query, first: $first) { matchedName score actor { id name kind description } }
}`;
type Found = {
  searchActors: {
    matchedName: string;
    score: number;
    actor: { id: string; name: string; kind: string; description: string | null };
  }[];
};

async function typeahead(query: string, first = 5) {
  const response = await api.gql<Found>(ACTORS, { query, first });
  expect(response.errors).toBeUndefined();
  return dataOf(response).searchActors;
}

/** What an engine without a cache answers, in the API's shape. */
async function uncached(query: string, first = 5) {
  return (await fresh.searchActors({ query, first })).map((m) => ({
    matchedName: m.matchedName,
    score: m.score,
    actor: {
      id: Buffer.from(`Actor:${m.actor.id}`).toString("base64"),
      name: m.actor.name,
      kind: m.actor.kind,
      description: m.actor.description,
    },
  }));
}

const alias = (actorId: number, name: string) => ({ actorId, name, kind: "INFORMAL_NAME" as const, ...nameKeys(name) });

const stats = () => ({ hits: api.search.stats.nameHits, misses: api.search.stats.nameMisses });

async function event(title: string, actorIds: number[]) {
  return api.t.db.event.create({
    data: {
      type: "NEGOTIATION",
      title,
      startDate: new Date("2030-01-01T00:00:00Z"),
      participants: { create: actorIds.map((actorId) => ({ actorId, role: "PARTY" as const })) },
    },
  });
}

describe("the cache of recent name searches", () => {
  it("answers the same name search again from the cache, spelled alike or not", async () => {
    await api.t.db.actor.create({ data: { name: "Harbour Front", kind: "ARMED_GROUP" } });
    const first = await typeahead("Harbour");
    const before = stats();
    expect(await typeahead("Harbour")).toEqual(first);
    // The same normalized query (case and accents aside) is the same search.
    expect(await typeahead("HÁRBOUR")).toEqual(first);
    expect(stats()).toEqual({ hits: before.hits + 2, misses: before.misses });
    await typeahead("Harbour", 3);
    expect(stats()).toEqual({ hits: before.hits + 2, misses: before.misses + 1 });
  });

  it("answers before the index is built, without building it or keeping the answer", async () => {
    await api.t.db.actor.create({ data: { name: "Quayside Front", kind: "ARMED_GROUP" } });
    const cold = createSearchEngine({ url: api.t.url });
    try {
      const found = await cold.searchActors({ query: "Quayside", first: 5 });
      expect(found.map((m) => m.actor.name)).toEqual(["Quayside Front"]);
      expect(cold.stats).toMatchObject({ builds: 0, snapshotLoads: 0, nameHits: 0, nameMisses: 0 });
    } finally {
      await cold.close();
    }
  });

  it("forgets every name search when an actor or an alias changes in another process", async () => {
    const first = await typeahead("Meadow");
    expect(first).toEqual([]);
    const actor = await api.t.db.actor.create({ data: { name: "Meadow Brigade", kind: "ARMED_GROUP" } });
    expect((await typeahead("Meadow")).map((m) => m.actor.name)).toEqual(["Meadow Brigade"]);
    await api.t.db.actorAlias.create({ data: alias(actor.id, "Greenfield Unit") });
    expect((await typeahead("Greenfield")).map((m) => m.matchedName)).toEqual(["Greenfield Unit"]);
    await api.t.db.actor.update({ where: { id: actor.id }, data: { description: "Now described" } });
    expect(defined((await typeahead("Meadow"))[0], "the brigade").actor.description).toBe("Now described");
    await api.t.db.actorAlias.deleteMany({ where: { actorId: actor.id } });
    expect(await typeahead("Greenfield")).toEqual([]);
    await api.t.db.actor.delete({ where: { id: actor.id } });
    expect(await typeahead("Meadow")).toEqual([]);
  });

  it("reorders actors of equal score when events change which has more, and keeps answers without such ties", async () => {
    const [a, b] = await Promise.all([
      api.t.db.actor.create({ data: { name: "Tidewater Alpha", kind: "ARMED_GROUP" } }),
      api.t.db.actor.create({ data: { name: "Tidewater Beta", kind: "ARMED_GROUP" } }),
    ]);
    const lone = await api.t.db.actor.create({ data: { name: "Quillon Lone", kind: "PERSON" } });
    await event("Alpha's first talks", [a.id]);
    const names = async () => (await typeahead("Tidewater")).map((m) => m.actor.name);
    expect(await names()).toEqual(["Tidewater Alpha", "Tidewater Beta"]);
    const loneFirst = await typeahead("Quillon");
    // Beta takes part in two events: more than Alpha, at the same score, so it comes first.
    await event("Beta's first talks", [b.id, lone.id]);
    await event("Beta's second talks", [b.id]);
    const before = stats();
    expect(await names()).toEqual(["Tidewater Beta", "Tidewater Alpha"]);
    // The lone actor has no tie: its events cannot change its answer, which is kept.
    expect(await typeahead("Quillon")).toEqual(loneFirst);
    expect(stats()).toEqual({ hits: before.hits + 1, misses: before.misses + 1 });
  });

  it("answers as an engine without a cache does, through random writes of actors, aliases and events", async () => {
    const random = seededRandom(11);
    const pick = <T>(list: readonly T[]) => defined(list[Math.floor(random() * list.length)], "a pick");
    const words = ["Kestrel", "Kestrell", "Kastrel", "Osprey", "Ospry", "Heron"];
    const queries = ["Kestrel", "Kastr", "Osprey", "Heron", "Ospr", "kes"];
    const actors: number[] = [];
    for (let i = 0; i < 6; i++)
      actors.push((await api.t.db.actor.create({ data: { name: `${pick(words)} ${i}`, kind: "ARMED_GROUP" } })).id);
    let hitsBefore = stats().hits;
    for (let step = 0; step < 60; step++) {
      const roll = random();
      if (roll < 0.45)
        await event(
          `Random talks ${step}`,
          [pick(actors), pick(actors)].filter((x, i, l) => l.indexOf(x) === i),
        );
      else if (roll < 0.6) {
        const gone = await api.t.db.participant.findFirst({
          where: { actorId: { in: actors } },
          orderBy: { id: "desc" },
        });
        if (gone) await api.t.db.participant.delete({ where: { id: gone.id } });
      } else if (roll < 0.72)
        actors.push((await api.t.db.actor.create({ data: { name: `${pick(words)} ${step}`, kind: "PERSON" } })).id);
      else if (roll < 0.84)
        await api.t.db.actor.update({ where: { id: pick(actors) }, data: { name: `${pick(words)} renamed ${step}` } });
      else await api.t.db.actorAlias.create({ data: alias(pick(actors), `${pick(words)} alias ${step}`) });
      for (const query of queries)
        expect(await typeahead(query), `${query} after step ${step}`).toEqual(await uncached(query));
      // Asked twice in a row, the second is a hit: the cache is in use, not bypassed.
      await typeahead(pick(queries));
      expect(stats().hits).toBeGreaterThan(hitsBefore);
      hitsBefore = stats().hits;
    }
  });
});
