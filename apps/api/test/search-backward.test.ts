import { beforeAll, describe, expect, it } from "vitest";
import { dataOf, useApi } from "./harness.ts";
import { loadFixture } from "./search-fixture.ts";

const api = useApi({ demo: false });
beforeAll(async () => {
  await loadFixture(api.t.db);
});

const SEARCH = `query($query: String, $first: Int, $last: Int, $after: String, $before: String, $sort: EventSort) {
  searchEvents(query: $query, filter: { countries: ["AF", "PK"] }, first: $first, last: $last, after: $after, before: $before, sort: $sort) {
    totalCount
    edges { cursor node { id } }
    pageInfo { hasNextPage hasPreviousPage startCursor endCursor }
    histogram(interval: YEAR) { start count }
    fatalities { events }
    places { count }
  }
}`;

type Found = {
  searchEvents: {
    totalCount: number;
    edges: { cursor: string; node: { id: string } }[];
    pageInfo: { hasNextPage: boolean; hasPreviousPage: boolean; startCursor: string | null; endCursor: string | null };
    histogram: { start: string; count: number }[];
    fatalities: { events: number };
    places: { count: number }[];
  };
};

async function page(variables: Record<string, unknown>): Promise<Found["searchEvents"]> {
  const res = await api.gql<Found>(SEARCH, variables);
  expect(res.errors).toBeUndefined();
  return dataOf(res).searchEvents;
}

/** Every page one way, as lists of IDs in the order shown. */
async function walk(base: Record<string, unknown>, backward: boolean, size: number) {
  const pages: string[][] = [];
  let cursor: string | null = null;
  for (let n = 0; n < 100; n++) {
    const result = await page({
      ...base,
      ...(backward ? { last: size, before: cursor } : { first: size, after: cursor }),
    });
    pages.push(result.edges.map((e) => e.node.id));
    expect(result.pageInfo[backward ? "hasNextPage" : "hasPreviousPage"]).toBe(cursor !== null);
    if (!result.pageInfo[backward ? "hasPreviousPage" : "hasNextPage"]) return pages;
    cursor = backward ? result.pageInfo.startCursor : result.pageInfo.endCursor;
  }
  throw new Error("the pages never ended");
}

describe("searchEvents backward", () => {
  it.each([
    [{ sort: "DATE_DESC" }],
    [{ sort: "DATE_ASC" }],
    [{ sort: "RELEVANCE", query: "taliban" }],
    [{ sort: "RELEVANCE", query: "convoy OR border OR Kabul" }],
  ])("pages from the end back to the start, showing each page in the forward order: %j", async (base) => {
    const forward = (await walk(base, false, 7)).flat();
    const backward = await walk(base, true, 7);
    expect(forward.length).toBeGreaterThan(14);
    expect(backward.reverse().flat()).toEqual(forward);
  });

  it("goes back from any page's start to the page before it", async () => {
    const pages = await walk({ sort: "DATE_DESC" }, false, 5);
    const second = await page({
      sort: "DATE_DESC",
      first: 5,
      after: (await page({ sort: "DATE_DESC", first: 5 })).pageInfo.endCursor,
    });
    const back = await page({ sort: "DATE_DESC", last: 5, before: second.pageInfo.startCursor });
    expect(back.edges.map((e) => e.node.id)).toEqual(pages[0]);
    expect(back.pageInfo).toMatchObject({ hasPreviousPage: false, hasNextPage: true });
  });

  it("answers counts, histogram, places and fatalities without a page for first: 0 and last: 0", async () => {
    const full = await page({ first: 20 });
    for (const size of [{ first: 0 }, { last: 0 }]) {
      const none = await page(size);
      expect(none.edges).toEqual([]);
      expect({ ...none, edges: full.edges, pageInfo: full.pageInfo }).toEqual(full);
    }
  });

  it("refuses a page both ways at once and a `before` that is not a cursor, naming the argument", async () => {
    const both = await api.gql(SEARCH, { first: 5, last: 5 });
    expect(both.errors?.[0]).toMatchObject({ extensions: { code: "BAD_USER_INPUT", argument: "last" } });
    const mixed = await api.gql(SEARCH, { last: 5, after: (await page({ first: 1 })).pageInfo.endCursor });
    expect(mixed.errors?.[0]).toMatchObject({ extensions: { code: "BAD_USER_INPUT", argument: "after" } });
    const garbage = await api.gql(SEARCH, { before: "garbage" });
    expect(garbage.errors?.[0]).toMatchObject({
      message: "`before` is not a cursor returned by this search",
      extensions: { code: "BAD_USER_INPUT", argument: "before" },
    });
  });
});
