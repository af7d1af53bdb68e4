import { defined } from "@parley/schema";
import { encodeGlobalID } from "@pothos/plugin-relay";
import { beforeAll, describe, expect, it } from "vitest";
import { dataOf, useApi } from "./harness.ts";
import { databaseId, type Filter, toVariables } from "./search-brute-force.ts";
import { type Fixture, loadFixture } from "./search-fixture.ts";

const api = useApi({ demo: false });
let fx: Fixture;
beforeAll(async () => {
  fx = await loadFixture(api.t.db);
});

const SEARCH = `query($filter: EventFilter) {
  searchEvents(filter: $filter, first: 100) {
    totalCount
    edges { node { id } }
    facets { field values { value count selected } }
  }
}`;

async function search(filter: Filter) {
  const res = await api.gql<{
    searchEvents: {
      totalCount: number;
      edges: { node: { id: string } }[];
      facets: { field: string; values: { value: string; count: number; selected: boolean }[] }[];
    };
  }>(SEARCH, { filter: toVariables(filter) });
  expect(res.errors).toBeUndefined();
  const result = dataOf(res).searchEvents;
  return {
    ...result,
    ids: result.edges.map((e) => databaseId(e.node.id)).sort((a, b) => a - b),
  };
}

const ids = (events: { id: number }[]) => events.map((e) => e.id).sort((a, b) => a - b);

describe("actors in roles", () => {
  it("reads an actor ticked with a role as that actor in that role, and counts the role facet so", async () => {
    const inRole = (actor: number, role: string) =>
      fx.events.filter((e) => e.participants.some((p) => p.actorId === actor && p.role === role));
    const withSomeone = (actor: number, role: string) =>
      fx.events.filter((e) => e.actorIds.includes(actor) && e.roles.includes(role as never));
    // the actor whose events most often had someone else in the role ("the TTP and someone mediated")
    const [actor, role] = defined(
      fx.actorIds
        .flatMap((a) => (["MEDIATOR", "HOST", "PARTY"] as const).map((r) => [a, r] as const))
        .sort(
          ([a, r], [b, q]) =>
            withSomeone(b, q).length - inRole(b, q).length - (withSomeone(a, r).length - inRole(a, r).length),
        )[0],
      'fx.actorIds .flatMap((a) => (["MEDIATOR", "HOST", "PARTY"] as const…',
    );
    const asRole = inRole(actor, role);
    expect(withSomeone(actor, role).length).toBeGreaterThan(asRole.length);
    const result = await search({ actorIds: [actor], roles: [role] });
    expect(result.ids).toEqual(ids(asRole));
    const roles = defined(
      result.facets.find((f) => f.field === "ROLE"),
      "the ROLE facet",
    ).values;
    expect(roles.find((v) => v.value === role)).toEqual({
      value: role,
      count: asRole.length,
      selected: true,
    });
    // every other role counts the actor's own events in it, not its events where someone held it
    for (const other of ["PARTY", "MEDIATOR", "HOST", "PERPETRATOR", "TARGET", "SPOKESPERSON"].filter(
      (r) => r !== role,
    )) {
      expect(roles.find((v: { value: string }) => v.value === other)?.count ?? 0, other).toBe(
        inRole(actor, other).length,
      );
    }
  });

  it("counts each actor in the ticked roles only", async () => {
    const result = await search({ roles: ["HOST"] });
    const actors = defined(
      result.facets.find((f) => f.field === "ACTOR"),
      "the ACTOR facet",
    ).values;
    for (const v of actors) {
      const hosted = fx.events.filter((e) =>
        e.participants.some((p) => p.actorId === databaseId(v.value) && p.role === "HOST"),
      );
      expect(v.count).toBe(hosted.length);
    }
    expect(actors.length).toBeGreaterThan(0);
  });

  it("finds a dyad: the events where both Pakistan and the TTP took part", async () => {
    const [ttp, pakistan] = fx.actorIds as [number, number];
    const both = fx.events.filter((e) => e.actorIds.includes(ttp) && e.actorIds.includes(pakistan));
    expect(both.length).toBeGreaterThan(0);
    expect((await search({ participants: [{ actorId: pakistan }, { actorId: ttp }] })).ids).toEqual(ids(both));
    // a filter of every facet's counts: the ACTOR facet counts within the dyad's events
    const result = await search({ participants: [{ actorId: pakistan }, { actorId: ttp }] });
    const actors = defined(
      result.facets.find((f) => f.field === "ACTOR"),
      "the ACTOR facet",
    ).values;
    expect(actors.find((v) => v.value === encodeGlobalID("Actor", ttp))).toMatchObject({
      count: both.length,
      selected: false,
    });
  });

  it("gives each entry its own roles: Pakistan as a party with anyone as mediator", async () => {
    const [, pakistan] = fx.actorIds as [number, number];
    const expected = fx.events.filter(
      (e) => e.participants.some((p) => p.actorId === pakistan && p.role === "PARTY") && e.roles.includes("MEDIATOR"),
    );
    const others = fx.actorIds.map((actorId) => ({ actorId }));
    expect(others.length).toBeLessThanOrEqual(10);
    const entry = await search({ participants: [{ actorId: pakistan, roles: ["PARTY"] }], roles: ["MEDIATOR"] });
    expect(entry.ids).toEqual(ids(expected));
  });

  it("refuses a participant that is not an actor, naming the entry", async () => {
    const res = await api.gql(SEARCH, {
      filter: {
        participants: [
          { actorId: encodeGlobalID("Actor", 1) },
          { actorId: encodeGlobalID("Place", 1), roles: ["HOST"] },
        ],
      },
    });
    expect(res.errors?.[0]).toMatchObject({
      extensions: { code: "BAD_USER_INPUT", argument: "filter.participants[1].actorId" },
    });
  });
});
