import { beforeAll, describe, expect, it } from "vitest";
import { dataOf, useApi } from "./harness.ts";
import { databaseId, textMatches } from "./search-brute-force.ts";
import { type Fixture, loadFixture } from "./search-fixture.ts";

const api = useApi({ demo: false });
let fx: Fixture;
beforeAll(async () => {
  fx = await loadFixture(api.t.db);
});

const SEARCH = `query($query: String) { searchEvents(query: $query, first: 100) { totalCount suggestions edges { highlights node { id } } } }`;

async function search(query: string) {
  const res = await api.gql<{
    searchEvents: {
      totalCount: number;
      suggestions: string[];
      edges: { highlights: string[]; node: { id: string } }[];
    };
  }>(SEARCH, { query });
  expect(res.errors).toBeUndefined();
  return dataOf(res).searchEvents;
}

describe("searchEvents suggestions", () => {
  it.each([
    ["ceasfire", ["ceasefire"]],
    ["Istambul", ["istanbul"]],
    ["Kabul ceasfire", ["ceasefire"]],
    ["cheekpoint OR convoi", ["checkpoint", "convoy"]],
  ])("suggests the corpus's nearest words for %s", async (query, words) => {
    expect((await search(query)).suggestions).toEqual(words);
  });

  it.each([["ceasefire"], ["Istanbul"], ["Kabul convoy"], [""], ["the"], ["zzzzqqq"]])(
    "suggests nothing for %j, whose words match enough or resemble nothing",
    async (query) => {
      expect((await search(query)).suggestions).toEqual([]);
    },
  );
});

describe("country names as text", () => {
  it.each([["Turkey"], ["Türkiye"], ["turkiye"], ["Pakistan"], ["Qatar"]])(
    "finds the events in a country by %s, as brute force over place, actor and country names does",
    async (query) => {
      const expected = fx.events.filter((e) => textMatches(e, query));
      expect(expected.length).toBeGreaterThan(0);
      const result = await search(query);
      expect(result.edges.map((e) => databaseId(e.node.id)).sort((a, b) => a - b)).toEqual(
        expected.map((e) => e.id).sort((a, b) => a - b),
      );
    },
  );

  it("finds events in Turkey whose text never names it, and highlights the country", async () => {
    const unnamed = fx.events.filter(
      (e) => e.countries.includes("TR") && !e.actorIds.some((id) => fx.actorName(id) === "Türkiye"),
    );
    expect(unnamed.length).toBeGreaterThan(0);
    const result = await search("Turkey");
    const shown = new Map(result.edges.map((e) => [databaseId(e.node.id), e.highlights]));
    for (const e of unnamed) expect(shown.get(e.id), `event ${e.id}`).toContain("<mark>Turkey</mark>");
  });
});
