import { defined } from "@parley/schema";
import { describe, expect, it } from "vitest";
import { dataOf, useApi } from "./harness.ts";

const api = useApi();

const ACTORS = `query($query: String!, $kinds: [ActorKind!], $first: Int) {
  searchActors(query: $query, kinds: $kinds, first: $first) { actor { id name kind } matchedName score }
}`;

async function actors(query: string, extra: Record<string, unknown> = {}) {
  const res = await api.gql(ACTORS, { query, ...extra });
  expect(res.errors).toBeUndefined();
  return dataOf(res).searchActors as { actor: { name: string; kind: string }; matchedName: string; score: number }[];
}

describe("searchActors on the demo dataset", () => {
  it.each([
    "Tehreek-e-Taliban",
    "Tahreek Taliban Pakistan",
    "Tehrik-i-Taliban",
    "Pakistani Taliban",
    "tehreek e taliban",
    "TTP",
  ])("finds the TTP first when searching '%s'", async (query) => {
    const [best] = await actors(query);
    expect(best?.actor.name).toBe("Tehrik-i-Taliban Pakistan");
  });

  it.each([
    ["Muttaqi", "Amir Khan Muttaqi"],
    ["Muttaki", "Amir Khan Muttaqi"],
    ["Yousaf", "Moeed Yusuf"],
    ["Yousuf", "Moeed Yusuf"],
    ["Yusuf", "Moeed Yusuf"],
    ["Shaheen", "Suhail Shaheen"],
    ["Shahin", "Suhail Shaheen"],
    ["Hameed", "Faiz Hameed"],
    ["Hamid", "Faiz Hameed"],
    ["Zabiullah Mujahed", "Zabihullah Mujahid"],
    ["Zabihullah Mojahid", "Zabihullah Mujahid"],
  ])("finds %s as %s, tolerant of the transliteration", async (query, name) => {
    const [best] = await actors(query);
    expect(best?.actor.name).toBe(name);
  });

  it("says which name matched", async () => {
    expect((await actors("Pakistani Taliban"))[0]).toMatchObject({ matchedName: "Pakistani Taliban", score: 1 });
    expect((await actors("Yousaf"))[0]?.matchedName).toBe("Moeed Yousaf");
    expect((await actors("Zabiullah Mujahed"))[0]?.matchedName).toBe("Zabiullah Mujahed");
  });

  it("finds names by their beginning, as one types", async () => {
    expect((await actors("Teh"))[0]?.actor.name).toBe("Tehrik-i-Taliban Pakistan");
    expect((await actors("mutta"))[0]?.actor.name).toBe("Amir Khan Muttaqi");
    expect((await actors("Muttaq"))[0]?.actor.name).toBe("Amir Khan Muttaqi");
    expect((await actors("Tehreek"))[0]?.actor.name).toBe("Tehrik-i-Taliban Pakistan");
  });

  it("ranks a match by transliteration key alone (Turkey for 'Tehreek') below every real name match", async () => {
    const found = await actors("Tehreek");
    const turkey = found.find((m) => m.actor.name === "Turkey");
    expect(turkey === undefined || turkey.score <= 0.4).toBe(true);
    expect(defined(found[0], "found[0]").score).toBeGreaterThan(0.8);
  });

  it("keeps to the kinds asked for and to `first`", async () => {
    const persons = await actors("Taliban", { kinds: ["PERSON"] });
    expect(persons.every((m) => m.actor.kind === "PERSON")).toBe(true);
    expect(await actors("a", { first: 3 })).toHaveLength(3);
  });

  it("refuses an empty query and an oversized `first`", async () => {
    const empty = await api.gql(ACTORS, { query: "  " });
    expect(empty.errors?.[0]).toMatchObject({
      message: "`query` must not be empty",
      extensions: { code: "BAD_USER_INPUT", argument: "query" },
    });
    const big = await api.gql(ACTORS, { query: "TTP", first: 500 });
    expect(big.errors?.[0]?.extensions).toMatchObject({ code: "BAD_USER_INPUT", argument: "first" });
  });
});

describe("searchEvents on the demo dataset", () => {
  it("finds the TTP's events when searching 'Tehreek', by an alias of a participant", async () => {
    const ttp = await api.t.db.actor.findUniqueOrThrow({
      where: { key: "ttp" },
      include: { participations: { select: { eventId: true } } },
    });
    const res = await api.gql<{ searchEvents: { totalCount: number; edges: { highlights: string[] }[] } }>(
      `{ searchEvents(query: "Tehreek", first: 100) { totalCount edges { highlights node { title } } } }`,
    );
    expect(res.errors).toBeUndefined();
    const ttpEvents = new Set(ttp.participations.map((p) => p.eventId));
    const mentioning = await api.t.db.event.count({
      where: {
        OR: [
          { title: { contains: "Tehreek", mode: "insensitive" } },
          { summary: { contains: "Tehreek", mode: "insensitive" } },
        ],
      },
    });
    expect(dataOf(res).searchEvents.totalCount).toBeGreaterThanOrEqual(ttpEvents.size);
    expect(dataOf(res).searchEvents.totalCount).toBeLessThanOrEqual(ttpEvents.size + mentioning);
    expect(defined(dataOf(res).searchEvents.edges[0], "the first match of Tehreek").highlights.join(" ")).toMatch(
      /<mark>Tehreek<\/mark>/,
    );
  });

  it("finds the Istanbul talks Qatar and Turkey mediated", async () => {
    type Facets = { field: string; values: { label: string; count: number }[] }[];
    const res = await api.gql<{ searchEvents: { totalCount: number; facets: Facets } }>(
      `{ searchEvents(query: "Istanbul", filter: { roles: [MEDIATOR] }) { totalCount edges { node { title } } facets { field values { label count } } } }`,
    );
    expect(res.errors).toBeUndefined();
    expect(dataOf(res).searchEvents.totalCount).toBeGreaterThan(0);
    const actorsFacet = defined(
      dataOf(res).searchEvents.facets.find((f) => f.field === "ACTOR"),
      "the ACTOR facet",
    ).values.map((v) => v.label);
    expect(actorsFacet).toEqual(expect.arrayContaining(["Qatar"]));
  });
});
