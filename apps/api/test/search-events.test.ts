import { defined } from "@parley/schema";
import { SEARCH_PAGE as SEARCH, type SearchPageData } from "@parley/testkit/load-mix";
import { beforeAll, describe, expect, it } from "vitest";
import { dataOf, type GraphQLResponse, useApi } from "./harness.ts";
import {
  expectedFacetCounts,
  type Field,
  type Filter,
  facetKey,
  fold,
  passes,
  textMatches,
  toVariables,
} from "./search-brute-force.ts";
import { type Fixture, loadFixture } from "./search-fixture.ts";

const api = useApi({ demo: false });
let fx: Fixture;
beforeAll(async () => {
  fx = await loadFixture(api.t.db);
});

async function search(filter: Filter = {}, query?: string, extra: Record<string, unknown> = {}) {
  const res = await api.gql<SearchPageData>(SEARCH, { filter: toVariables(filter), query, ...extra });
  expect(res.errors).toBeUndefined();
  return dataOf(res).searchEvents;
}

type SearchResult = SearchPageData["searchEvents"];
type FacetValue = SearchResult["facets"][number]["values"][number];
const facetOf = (result: SearchResult, field: Field) =>
  defined(
    result.facets.find((f) => f.field === field),
    `the ${field} facet`,
  );
const facetValue = (result: SearchResult, field: Field, match: (v: FacetValue) => boolean, what: string) =>
  defined(facetOf(result, field).values.find(match), `${what} among the ${field} facet's values`);

function actualFacetCounts(facets: { field: Field; values: { value: string; count: number }[] }[]) {
  return new Map(
    facets.flatMap((f) =>
      f.values.filter((v) => v.count > 0).map((v) => [facetKey(f.field, v.value), v.count] as const),
    ),
  );
}

describe("searchEvents facets", () => {
  it("counts every facet value over the whole corpus when nothing is selected", async () => {
    const result = await search();
    expect(result.totalCount).toBe(fx.events.length);
    expect(result.facets.map((f) => f.field)).toEqual(["TYPE", "ACTOR", "ROLE", "COUNTRY", "PLACE", "OUTLET"]);
    expect(actualFacetCounts(result.facets)).toEqual(expectedFacetCounts(fx.events, {}));
  });

  it("ORs values within a facet and ANDs facets, and counts each facet without its own filter", async () => {
    const filters: Filter[] = [
      { countries: ["PK"] },
      { countries: ["PK", "QA"] },
      { types: ["ATTACK", "AIRSTRIKE"], countries: ["AF"] },
      { actorIds: [defined(fx.actorIds[0], "fx.actorIds[0]")], roles: ["MEDIATOR", "HOST"] },
      {
        placeIds: [defined(fx.placeIds[0], "fx.placeIds[0]"), defined(fx.placeIds[5], "fx.placeIds[5]")],
        outletIds: [defined(fx.outletIds[1], "fx.outletIds[1]")],
      },
      {
        outletIds: [defined(fx.outletIds[0], "fx.outletIds[0]"), defined(fx.outletIds[2], "fx.outletIds[2]")],
        types: ["NEGOTIATION"],
        roles: ["PARTY"],
      },
      {
        actorIds: [defined(fx.actorIds[1], "fx.actorIds[1]"), defined(fx.actorIds[3], "fx.actorIds[3]")],
        countries: ["TR", "PK"],
        from: "2021-03-01",
        to: "2022-08-31",
      },
      { contested: true },
      { contested: false, types: ["CEASEFIRE"] },
      { from: "2023-06-15" },
      { to: "2020-02-10" },
    ];
    for (const filter of filters) {
      const result = await search(filter);
      const expected = fx.events.filter((e) => passes(e, filter));
      expect(result.totalCount, JSON.stringify(filter)).toBe(expected.length);
      expect(actualFacetCounts(result.facets), JSON.stringify(filter)).toEqual(expectedFacetCounts(fx.events, filter));
    }
  });

  it("counts a search alike on its first run and on later ones, read from its scopes' kept counts", async () => {
    // From its second search on, a facet scope's counts come from counts kept for it.
    const filters: Filter[] = [
      { from: "2021-03-01", to: "2022-08-31" },
      { types: ["CEASEFIRE", "ATTACK"], from: "2021-01-01" },
      { to: "2021-12-31" },
      { types: ["NEGOTIATION", "STATEMENT"], countries: ["PK"] },
      { actorIds: [defined(fx.actorIds[0], "fx.actorIds[0]")], roles: ["MEDIATOR", "HOST"], contested: false },
      { contested: true, countries: ["AF", "PK"], from: "2021-06-01" },
    ];
    for (let round = 0; round < 3; round++) {
      for (const filter of filters) {
        const result = await search(filter);
        expect(result.totalCount, JSON.stringify(filter)).toBe(fx.events.filter((e) => passes(e, filter)).length);
        expect(actualFacetCounts(result.facets), `${JSON.stringify(filter)}, search ${round + 1}`).toEqual(
          expectedFacetCounts(fx.events, filter),
        );
      }
    }
  });

  it("shows how many events another country would add while one is ticked", async () => {
    const result = await search({ countries: ["PK"] });
    const af = facetValue(result, "COUNTRY", (v) => v.value === "AF", "AF");
    expect(af.count).toBe(fx.events.filter((e) => e.countries.includes("AF")).length);
    expect(af.selected).toBe(false);
    expect(facetOf(result, "COUNTRY").values.find((v) => v.value === "PK")).toMatchObject({
      selected: true,
      label: "Pakistan",
    });
  });

  it("returns selected values even when they count zero", async () => {
    const result = await search({ countries: ["NO"], types: ["RIOT"] });
    expect(result.totalCount).toBe(0);
    const values = (field: Field) => facetOf(result, field).values;
    expect(values("COUNTRY")).toContainEqual({ value: "NO", label: "Norway", count: 0, selected: true });
    expect(values("TYPE")).toContainEqual({ value: "RIOT", label: "Riot", count: 0, selected: true });
  });

  it("labels actors, places and outlets by name and gives their global IDs", async () => {
    const result = await search();
    const actor = facetValue(
      result,
      "ACTOR",
      (v) => v.label === "Tehrik-i-Taliban Pakistan",
      "Tehrik-i-Taliban Pakistan",
    );
    const res = await api.gql<{ node: { name: string } | null }>(
      `query($id: ID!) { node(id: $id) { ... on Actor { name } } }`,
      { id: actor.value },
    );
    expect(dataOf(res).node?.name).toBe("Tehrik-i-Taliban Pakistan");
    expect(facetOf(result, "PLACE").values.map((v) => v.label)).toContain("Şırnak");
    expect(facetOf(result, "OUTLET").values.map((v) => v.label)).toEqual(
      expect.arrayContaining(["Dawn", "Voice of America"]),
    );
  });

  it("counts a month histogram of the results by start date, with empty months between", async () => {
    const filter: Filter = { types: ["ATTACK", "CEASEFIRE"] };
    const result = await search(filter);
    const expected = new Map<string, number>();
    for (const e of fx.events.filter((x) => passes(x, filter)))
      expected.set(`${e.start.slice(0, 7)}-01`, (expected.get(`${e.start.slice(0, 7)}-01`) ?? 0) + 1);
    const buckets: { start: string; count: number }[] = result.histogram;
    expect(new Map(buckets.filter((b) => b.count > 0).map((b) => [b.start, b.count]))).toEqual(expected);
    expect(defined(buckets[0], "buckets[0]").start).toBe([...expected.keys()].sort()[0]);
    for (let i = 1; i < buckets.length; i++) {
      const previous = new Date(`${defined(buckets[i - 1], "buckets[i - 1]").start}T00:00:00Z`);
      previous.setUTCMonth(previous.getUTCMonth() + 1);
      expect(defined(buckets[i], "buckets[i]").start).toBe(previous.toISOString().slice(0, 10));
    }
  });

  it("counts the same histogram whichever way the facets were counted (kept counts, one pass, bitmaps)", async () => {
    const month = (iso: string) => `${iso.slice(0, 7)}-01`;
    const cases: { filter: Filter; query?: string }[] = [
      { filter: {}, query: "Taliban" },
      { filter: { countries: ["PK"] }, query: "Taliban" },
      { filter: { types: ["ATTACK", "CEASEFIRE"], countries: ["PK"] } },
      { filter: { contested: true, actorIds: [defined(fx.actorIds[0], "fx.actorIds[0]")] } },
    ];
    for (const { filter, query } of cases) {
      const result = await search(filter, query);
      const expected = new Map<string, number>();
      for (const e of fx.events.filter((x) => passes(x, filter, query)))
        expected.set(month(e.start), (expected.get(month(e.start)) ?? 0) + 1);
      expect(expected.size, JSON.stringify({ filter, query })).toBeGreaterThan(0);
      const buckets: { start: string; count: number }[] = result.histogram;
      expect(
        new Map(buckets.filter((b) => b.count > 0).map((b) => [b.start, b.count])),
        JSON.stringify({ filter, query }),
      ).toEqual(expected);
    }
  });

  it("counts the histogram with every filter but its own date range, so a selected range keeps its context", async () => {
    const month = (iso: string) => `${iso.slice(0, 7)}-01`;
    const filters: Filter[] = [
      { from: "2021-03-01", to: "2021-09-30" },
      { types: ["ATTACK", "CEASEFIRE"], from: "2022-01-01" },
      { countries: ["PK"], contested: false, to: "2021-12-31" },
    ];
    for (const filter of filters) {
      const result = await search(filter, filter.types ? undefined : "Taliban");
      const query = filter.types ? undefined : "Taliban";
      const { from: _from, to: _to, ...undated } = filter;
      const expected = new Map<string, number>();
      for (const e of fx.events.filter((x) => passes(x, undated, query)))
        expected.set(month(e.start), (expected.get(month(e.start)) ?? 0) + 1);
      const buckets: { start: string; count: number }[] = result.histogram;
      expect(
        new Map(buckets.filter((b) => b.count > 0).map((b) => [b.start, b.count])),
        JSON.stringify(filter),
      ).toEqual(expected);
      // The results themselves keep to the range, and there is context outside it to show.
      expect(result.totalCount, JSON.stringify(filter)).toBe(fx.events.filter((x) => passes(x, filter, query)).length);
      expect(buckets.reduce((sum, b) => sum + b.count, 0)).toBeGreaterThan(result.totalCount);
    }
  });

  it("buckets by day, ISO week (from Monday) and year", async () => {
    type Buckets = { start: string; count: number }[];
    const res = await api.gql<{ searchEvents: { d: Buckets; w: Buckets; y: Buckets } }>(
      `{ searchEvents(filter: { countries: ["AF"] }) { d: histogram(interval: DAY) { start count } w: histogram(interval: WEEK) { start count } y: histogram(interval: YEAR) { start count } } }`,
    );
    const events = fx.events.filter((e) => e.countries.includes("AF"));
    const monday = (iso: string) => {
      const d = new Date(`${iso}T00:00:00Z`);
      d.setUTCDate(d.getUTCDate() - ((d.getUTCDay() + 6) % 7));
      return d.toISOString().slice(0, 10);
    };
    const tally = (key: (iso: string) => string) => {
      const m = new Map<string, number>();
      for (const e of events) m.set(key(e.start), (m.get(key(e.start)) ?? 0) + 1);
      return m;
    };
    const nonZero = (buckets: { start: string; count: number }[]) =>
      new Map(buckets.filter((b) => b.count > 0).map((b) => [b.start, b.count]));
    expect(nonZero(dataOf(res).searchEvents.d)).toEqual(tally((s) => s));
    expect(nonZero(dataOf(res).searchEvents.w)).toEqual(tally(monday));
    expect(nonZero(dataOf(res).searchEvents.y)).toEqual(tally((s) => `${s.slice(0, 4)}-01-01`));
  });
});

describe("searchEvents text", () => {
  it.each([
    ["convoy"],
    ["checkpoint"],
    ["Kabul"],
    ["Mahsud"], // an alias of a participant
    ["Tehreek"], // part of a hyphenated alias
    ["TTP"],
    ["taliban"],
    ["convoy Peshawar"],
  ])("matches %s in titles, summaries, places and participants' names and aliases", async (query) => {
    const result = await search({}, query);
    const expected = fx.events.filter((e) => textMatches(e, query));
    expect(expected.length).toBeGreaterThan(0);
    expect(result.totalCount).toBe(expected.length);
    expect(actualFacetCounts(result.facets)).toEqual(expectedFacetCounts(fx.events, {}, query));
  });

  it("ignores accents and case in the query and in the text", async () => {
    const plain = await search({}, "delegation");
    expect(plain.totalCount).toBe(fx.events.filter((e) => textMatches(e, "délégation")).length);
    expect((await search({}, "DÉLÉGATION")).totalCount).toBe(plain.totalCount);
    const place = await search({}, "sirnak");
    expect(place.totalCount).toBe(fx.events.filter((e) => e.names.includes("Şırnak")).length);
    const person = await search({}, "hamid karzai");
    expect(person.totalCount).toBe(fx.events.filter((e) => e.names.includes("Ḥāmid Karzāī")).length);
  });

  it("understands quoted phrases, OR and -exclusion", async () => {
    const phrase = await search({}, '"convoy near"');
    const expectedPhrase = fx.events.filter((e) => fold(e.title).includes("convoy near"));
    expect(expectedPhrase.length).toBeGreaterThan(0);
    expect(phrase.totalCount).toBe(expectedPhrase.length);
    const either = await search({}, "convoy OR checkpoint");
    expect(either.totalCount).toBe(
      fx.events.filter((e) => textMatches(e, "convoy") || textMatches(e, "checkpoint")).length,
    );
    const without = await search({}, "convoy -Kabul");
    expect(without.totalCount).toBe(
      fx.events.filter((e) => textMatches(e, "convoy") && !textMatches(e, "Kabul")).length,
    );
    expect((await search({}, "the")).totalCount).toBe(0);
  });

  it("combines the text query with filters", async () => {
    const filter: Filter = { countries: ["PK"], types: ["ATTACK", "STATEMENT", "NEGOTIATION"] };
    const result = await search(filter, "border");
    expect(result.totalCount).toBe(fx.events.filter((e) => passes(e, filter, "border")).length);
    expect(actualFacetCounts(result.facets)).toEqual(expectedFacetCounts(fx.events, filter, "border"));
  });

  it("counts a one-word search alike on its first search and on later ones, read from the word's kept counts", async () => {
    // From its second search on, a word's facet counts (and months) come from counts kept for it.
    const cases: { filter: Filter; query: string }[] = [
      { filter: {}, query: "border" },
      { filter: { countries: ["PK"] }, query: "convoy" },
      { filter: {}, query: "convoy" },
    ];
    const month = (iso: string) => `${iso.slice(0, 7)}-01`;
    for (let round = 0; round < 3; round++) {
      for (const { filter, query } of cases) {
        const what = `${query} ${JSON.stringify(filter)}, search ${round + 1}`;
        const result = await search(filter, query);
        const expected = fx.events.filter((e) => passes(e, filter, query));
        expect(expected.length, what).toBeGreaterThan(0);
        expect(result.totalCount, what).toBe(expected.length);
        expect(actualFacetCounts(result.facets), what).toEqual(expectedFacetCounts(fx.events, filter, query));
        const months = new Map<string, number>();
        for (const e of expected) months.set(month(e.start), (months.get(month(e.start)) ?? 0) + 1);
        const buckets: { start: string; count: number }[] = result.histogram;
        expect(new Map(buckets.filter((b) => b.count > 0).map((b) => [b.start, b.count])), what).toEqual(months);
      }
    }
  });

  it("highlights the words that matched, HTML-escaped, in <mark>", async () => {
    const result = await search({}, "Mahsud convoy", { first: 50 });
    expect(result.edges.length).toBeGreaterThan(0);
    for (const edge of result.edges) {
      expect(edge.highlights.join(" ")).toMatch(/<mark>Mahsud<\/mark>/);
      expect(edge.highlights.join(" ")).toMatch(/<mark>convoy<\/mark>/i);
    }
    const [sirnak] = (await search({}, "Şırnak", { first: 1 })).edges;
    expect(defined(sirnak, "a result for Şırnak").highlights).toContain("<mark>Şırnak</mark>");
    const [first] = (await search()).edges;
    expect(defined(first, "a result of the empty search").highlights).toEqual([]);
  });

  it("ranks title matches above summary matches", async () => {
    const result = await search({}, "convoy", { first: 100 });
    const inTitle = result.edges.map((e) => /convoy/.test(e.node.title));
    expect(inTitle.indexOf(false)).toBeGreaterThan(0);
    expect(inTitle.slice(inTitle.indexOf(false))).not.toContain(true);
  });
});

describe("searchEvents paging", () => {
  async function all(variables: Record<string, unknown>, first: number) {
    const ids: string[] = [];
    let after: string | null = null;
    let total = -1;
    for (let pages = 0; pages < 100; pages++) {
      const res: GraphQLResponse<SearchPageData> = await api.gql<SearchPageData>(SEARCH, {
        ...variables,
        first,
        after,
      });
      expect(res.errors).toBeUndefined();
      const { edges, pageInfo, totalCount } = dataOf(res).searchEvents;
      total = totalCount;
      ids.push(...edges.map((e) => e.node.id));
      if (!pageInfo.hasNextPage) break;
      after = pageInfo.endCursor;
    }
    return { ids, total };
  }

  it.each(["DATE_DESC", "DATE_ASC", "RELEVANCE"])("pages through every result once in %s order", async (sort) => {
    const filter: Filter = { countries: ["AF", "PK"] };
    const { ids, total } = await all({ filter: toVariables(filter), sort }, 7);
    const expected = fx.events.filter((e) => passes(e, filter));
    expect(total).toBe(expected.length);
    expect(new Set(ids).size).toBe(ids.length);
    const dbIds = ids.map((id) => Number(Buffer.from(id, "base64").toString().split(":")[1]));
    const sign = sort === "DATE_ASC" ? 1 : -1;
    const sorted = [...expected].sort((a, b) => sign * (a.start.localeCompare(b.start) || a.id - b.id));
    expect(dbIds).toEqual(sorted.map((e) => e.id));
  });

  it("pages through text matches by relevance, each once, the same way twice", async () => {
    const first = await all({ query: "taliban", sort: "RELEVANCE" }, 6);
    const second = await all({ query: "taliban", sort: "RELEVANCE" }, 6);
    expect(first.ids).toEqual(second.ids);
    expect(new Set(first.ids).size).toBe(fx.events.filter((e) => textMatches(e, "taliban")).length);
    expect(first.total).toBe(first.ids.length);
  });
});

describe("searchEvents input", () => {
  it("names an unknown enum value", async () => {
    const res = await api.gql(`{ searchEvents(filter: { types: [ATACK] }) { totalCount } }`);
    expect(res.errors?.[0]?.message).toMatch(/"ATACK".*EventType/);
  });

  it("refuses a malformed date", async () => {
    const res = await api.gql(`{ searchEvents(filter: { from: "2022-13-40" }) { totalCount } }`);
    expect(res.errors?.[0]?.message).toMatch(/Invalid Date "2022-13-40": write a real calendar day as YYYY-MM-DD/);
  });

  it("refuses `from` after `to`, naming the argument", async () => {
    const res = await api.gql(`{ searchEvents(filter: { from: "2022-05-01", to: "2022-04-01" }) { totalCount } }`);
    expect(res.errors?.[0]).toMatchObject({
      message: "`from` must not be after `to`",
      extensions: { code: "BAD_USER_INPUT", argument: "filter.from" },
    });
  });

  it("refuses an oversized page", async () => {
    const res = await api.gql(`{ searchEvents(first: 500) { totalCount } }`);
    expect(res.errors?.[0]).toMatchObject({
      message: "`first` must be between 0 and 100; got 500",
      extensions: { code: "BAD_USER_INPUT", argument: "first" },
    });
  });

  it("refuses an ID of the wrong type, a bad country code and a foreign cursor", async () => {
    const wrongId = await api.gql(`query($id: ID!) { searchEvents(filter: { actorIds: [$id] }) { totalCount } }`, {
      id: Buffer.from("Place:1").toString("base64"),
    });
    expect(wrongId.errors?.[0]).toMatchObject({ extensions: { code: "BAD_USER_INPUT", argument: "filter.actorIds" } });
    const country = await api.gql(`{ searchEvents(filter: { countries: ["pk"] }) { totalCount } }`);
    expect(country.errors?.[0]?.message).toMatch(/ISO 3166-1 alpha-2/);
    const page = await search({}, undefined, { first: 1, sort: "DATE_ASC" });
    const foreign = await api.gql(SEARCH, { after: page.pageInfo.endCursor, sort: "DATE_DESC" });
    expect(foreign.errors?.[0]).toMatchObject({ extensions: { code: "BAD_USER_INPUT", argument: "after" } });
    const garbage = await api.gql(SEARCH, { after: "not a cursor" });
    expect(garbage.errors?.[0]?.message).toBe("`after` is not a cursor returned by this search");
  });
});
