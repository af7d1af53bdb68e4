import { defined } from "@parley/schema";
import { encodeGlobalID } from "@pothos/plugin-relay";
import { beforeAll, describe, expect, it } from "vitest";
import { dataOf, useApi } from "./harness.ts";
import { type Fixture, loadFixture } from "./search-fixture.ts";

/**
 * The engine keeps recent searches of the index as it stands and answers the same search again
 * from them. These tests write straight to the database, as another process would, and check that
 * the next search says what the database now holds: the cache must be exact, not merely recent.
 */
const api = useApi({ demo: false });
let fx: Fixture;

beforeAll(async () => {
  fx = await loadFixture(api.t.db, 40, 23);
  await api.search.ready();
});

const SEARCH = `query($filter: EventFilter, $query: String, $first: Int) {
  searchEvents(filter: $filter, query: $query, first: $first, sort: DATE_DESC) {
    totalCount
    edges { node { id title } }
    facets { field values { value label count } }
    histogram(interval: MONTH) { start count }
    places(first: 50) { place { name } count }
    fatalities { best events }
  }
}`;

type Found = {
  searchEvents: {
    totalCount: number;
    edges: { node: { id: string; title: string } }[];
    facets: { field: string; values: { value: string; label: string; count: number }[] }[];
    histogram: { start: string; count: number }[];
    places: { place: { name: string }; count: number }[];
    fatalities: { best: number | null; events: number };
  };
};

async function search(variables: Record<string, unknown> = {}) {
  const response = await api.gql<Found>(SEARCH, { first: 50, ...variables });
  expect(response.errors).toBeUndefined();
  return dataOf(response).searchEvents;
}

const hits = () => api.search.stats.cacheHits;

describe("the cache of recent searches", () => {
  it("answers the same search again from the cache, with the same answer", async () => {
    const first = await search({ filter: { countries: ["PK"] } });
    const before = hits();
    const again = await search({ filter: { countries: ["PK"] } });
    expect(hits()).toBe(before + 1);
    expect(again).toEqual(first);
    // The order of a filter's fields does not matter; its values do.
    await search({ filter: { countries: ["PK"] }, query: null });
    await search({ filter: { countries: ["AF"] } });
    expect(hits()).toBe(before + 1);
  });

  it("runs a search in full again once told to forget the recent ones (as the load bench records them)", async () => {
    const first = await search({ filter: { types: ["ATTACK"] } });
    api.search.forgetRecentSearches();
    const { cacheHits, cacheMisses } = api.search.stats;
    expect(await search({ filter: { types: ["ATTACK"] } })).toEqual(first);
    expect(api.search.stats).toMatchObject({ cacheHits, cacheMisses: cacheMisses + 1 });
  });

  it("keeps no searches while told to keep none, and keeps them again after", async () => {
    const previous = api.search.keepRecentSearches(0);
    try {
      const before = hits();
      await search({ filter: { types: ["NEGOTIATION"] } });
      await search({ filter: { types: ["NEGOTIATION"] } });
      expect(hits()).toBe(before);
    } finally {
      expect(api.search.keepRecentSearches(previous)).toBe(0);
    }
    await search({ filter: { types: ["NEGOTIATION"] } });
    const before = hits();
    await search({ filter: { types: ["NEGOTIATION"] } });
    expect(hits()).toBe(before + 1);
  });

  it("shows a title changed by another process in the next search", async () => {
    const first = await search();
    const shown = defined(first.edges[0], "the newest event").node;
    const id = Number(Buffer.from(shown.id, "base64").toString().split(":")[1]);
    await api.t.db.event.update({ where: { id }, data: { title: "Renamed behind the API's back" } });
    const after = await search();
    expect(defined(after.edges[0], "the newest event").node.title).toBe("Renamed behind the API's back");
    expect(after.totalCount).toBe(first.totalCount);
  });

  it("shows an actor renamed by another process in the facets' labels", async () => {
    const actorId = defined(fx.actorIds[0], "the fixture's first actor");
    const label = (result: Awaited<ReturnType<typeof search>>) =>
      defined(
        result.facets.find((f) => f.field === "ACTOR"),
        "the ACTOR facet",
      ).values.map((v) => v.label);
    const first = await search();
    expect(label(first)).toContain(fx.actorName(actorId));
    await api.t.db.actor.update({ where: { id: actorId }, data: { name: "Renamed Actor" } });
    const after = await search();
    expect(label(after)).toContain("Renamed Actor");
    expect(label(after)).not.toContain(fx.actorName(actorId));
  });

  it("counts an event added by another process in every part of the answer", async () => {
    const first = await search({ filter: { countries: ["QA"] } });
    const place = await api.t.db.place.findFirstOrThrow({ where: { country: "QA", lat: { not: null } } });
    await api.t.db.event.create({
      data: {
        type: "NEGOTIATION",
        title: "Talks in Doha, written straight to the database",
        startDate: new Date("2030-05-04T00:00:00Z"),
        fatalitiesBest: 7,
        places: { create: [{ placeId: place.id }] },
      },
    });
    const after = await search({ filter: { countries: ["QA"] } });
    expect(after.totalCount).toBe(first.totalCount + 1);
    expect(defined(after.edges[0], "the newest event").node.title).toBe(
      "Talks in Doha, written straight to the database",
    );
    expect(after.histogram.at(-1)).toEqual({ start: "2030-05-01", count: 1 });
    const doha = (r: typeof first) => r.places.find((p) => p.place.name === place.name);
    expect(defined(doha(after), "Doha among the places").count).toBe((doha(first)?.count ?? 0) + 1);
    expect(after.fatalities.best).toBe((first.fatalities.best ?? 0) + 7);
    expect(after.fatalities.events).toBe(first.fatalities.events + 1);
  });

  it("keeps the searches a write does not reach, and forgets those it reaches", async () => {
    const kabul = await api.t.db.place.findFirstOrThrow({ where: { name: "Kabul" } });
    const untouched = { filter: { types: ["NEGOTIATION"], countries: ["QA"] } };
    const touched = { filter: { countries: ["PK"] } };
    const first = await search(untouched);
    const other = await search(touched);
    // An attack in Kabul: neither a negotiation nor in Qatar, so in none of the first search's
    // scopes; in Afghanistan, so in the second's COUNTRY facet (counted without its own filter).
    await api.t.db.event.create({
      data: {
        type: "ATTACK",
        title: "An attack in Kabul, written straight to the database",
        startDate: new Date("2030-06-01T00:00:00Z"),
        places: { create: [{ placeId: kabul.id }] },
      },
    });
    const { cacheHits, cacheMisses } = api.search.stats;
    expect(await search(untouched)).toEqual(first);
    expect(api.search.stats).toMatchObject({ cacheHits: cacheHits + 1, cacheMisses });
    const after = await search(touched);
    expect(api.search.stats).toMatchObject({ cacheHits: cacheHits + 1, cacheMisses: cacheMisses + 1 });
    const afghanistan = (r: typeof other) =>
      defined(
        r.facets.find((f) => f.field === "COUNTRY"),
        "the COUNTRY facet",
      ).values.find((v) => v.value === "AF")?.count ?? 0;
    expect(afghanistan(after)).toBe(afghanistan(other) + 1);
    expect(after.totalCount).toBe(other.totalCount);
  });

  it("shows the new label of a chosen actor that no scope of the search holds", async () => {
    const kabul = await api.t.db.place.findFirstOrThrow({ where: { name: "Kabul" } });
    const lonely = await api.t.db.actor.create({ data: { name: "A Lonely Actor", kind: "PERSON" } });
    await api.t.db.event.create({
      data: {
        type: "ATTACK",
        title: "The lonely actor's one event",
        startDate: new Date("2030-07-01T00:00:00Z"),
        places: { create: [{ placeId: kabul.id }] },
        participants: { create: [{ actorId: lonely.id, role: "PERPETRATOR" }] },
      },
    });
    // Its one event is neither a negotiation nor in Qatar: it counts nowhere, but the chosen actor
    // is listed, with its label.
    const variables = {
      filter: { actorIds: [encodeGlobalID("Actor", lonely.id)], types: ["NEGOTIATION"], countries: ["QA"] },
    };
    const label = (r: Awaited<ReturnType<typeof search>>) =>
      defined(
        r.facets.find((f) => f.field === "ACTOR"),
        "the ACTOR facet",
      ).values.find((v) => v.count === 0)?.label;
    expect(label(await search(variables))).toBe("A Lonely Actor");
    await api.t.db.actor.update({ where: { id: lonely.id }, data: { name: "A Renamed Lonely Actor" } });
    expect(label(await search(variables))).toBe("A Renamed Lonely Actor");
  });
});
