import { seededRandom } from "@parley/corpus";
import { dayOf, defined, type ParticipantRole } from "@parley/schema";
import { beforeAll, describe, expect, it } from "vitest";
import { dataOf, useApi } from "./harness.ts";
import {
  databaseId,
  expectedFacetCounts,
  expectedFatalities,
  expectedPlaces,
  type Field,
  type Filter,
  facetKey,
  passes,
  toVariables,
} from "./search-brute-force.ts";
import { type Fixture, type FixtureEvent, loadFixture } from "./search-fixture.ts";

/**
 * Participants, the bound ROLE facet, places and fatalities against every event as the database
 * holds it, read back and checked one by one, after each round of writes through Prisma: events
 * created and deleted, figures changed, roles changed, places gaining and losing coordinates.
 */
const api = useApi({ demo: false });
let fx: Fixture;
beforeAll(async () => {
  fx = await loadFixture(api.t.db, 70, 13);
});

const SEARCH = `query($filter: EventFilter) {
  searchEvents(filter: $filter, first: 0) {
    totalCount
    edges { cursor }
    facets { field values { value count } }
    places(first: 1000) { place { id } count }
    fatalities { low best high events }
  }
}`;

/** Every event as the database holds it now, in the fixture's terms. */
async function corpus(): Promise<{ events: FixtureEvent[]; located: number[] }> {
  const rows = await api.t.db.event.findMany({
    include: { participants: true, places: { include: { place: true } }, claims: { include: { source: true } } },
  });
  const places = await api.t.db.place.findMany({ where: { lat: { not: null }, lon: { not: null } } });
  const iso = (d: Date | null) => dayOf(d);
  const events = rows.map(
    (e): FixtureEvent => ({
      id: e.id,
      type: e.type,
      title: e.title,
      summary: e.summary,
      start: defined(iso(e.startDate), "iso(e.startDate)"),
      end: iso(e.endDate),
      names: [],
      placeIds: e.places.map((p) => p.placeId),
      countries: [...new Set(e.places.map((p) => p.place.country))],
      actorIds: [...new Set(e.participants.map((p) => p.actorId))],
      roles: [...new Set(e.participants.map((p) => p.role))],
      participants: e.participants.map((p) => ({ actorId: p.actorId, role: p.role })),
      outletIds: [...new Set(e.claims.flatMap((c) => (c.source.outletId === null ? [] : [c.source.outletId])))],
      contested: e.contested,
      fatalities: { low: e.fatalitiesLow, best: e.fatalitiesBest, high: e.fatalitiesHigh },
    }),
  );
  return { events, located: places.map((p) => p.id) };
}

const ROLES: ParticipantRole[] = ["PARTY", "MEDIATOR", "HOST", "PERPETRATOR", "TARGET", "SPOKESPERSON"];

function filters(rand: () => number): Filter[] {
  const pick = <T>(list: readonly T[]) =>
    defined(list[Math.floor(rand() * list.length)], "list[Math.floor(rand() * list.length)]");
  const [ttp, pakistan, taliban, qatar] = fx.actorIds as [number, number, number, number];
  return [
    {},
    { actorIds: [ttp], roles: ["MEDIATOR"] },
    { actorIds: [ttp, qatar], roles: ["MEDIATOR", "HOST", "SPOKESPERSON"] },
    { roles: ["PARTY"] },
    { actorIds: [taliban] },
    { participants: [{ actorId: pakistan }, { actorId: ttp }] },
    { participants: [{ actorId: qatar, roles: ["MEDIATOR", "HOST"] }], countries: ["AF", "QA"] },
    {
      participants: [{ actorId: pick(fx.actorIds), roles: [pick(ROLES)] }],
      actorIds: [pick(fx.actorIds)],
      roles: [pick(ROLES), pick(ROLES)],
    },
    { types: ["ATTACK", "NEGOTIATION"], roles: [pick(ROLES)], from: "2021-06-01" },
    { placeIds: [pick(fx.placeIds)], actorIds: [pick(fx.actorIds), pick(fx.actorIds)], contested: false },
  ];
}

async function checkAll(rand: () => number, what: string) {
  const { events, located } = await corpus();
  for (const filter of filters(rand)) {
    const res = await api.gql<{
      searchEvents: {
        totalCount: number;
        edges: { cursor: string }[];
        facets: { field: Field; values: { value: string; count: number }[] }[];
        places: { place: { id: string }; count: number }[];
        fatalities: unknown;
      };
    }>(SEARCH, { filter: toVariables(filter) });
    expect(res.errors, what).toBeUndefined();
    const result = dataOf(res).searchEvents;
    const matching = events.filter((e) => passes(e, filter));
    const label = `${what}: ${JSON.stringify(filter)}`;
    expect(result.totalCount, label).toBe(matching.length);
    expect(result.edges, label).toEqual([]);
    const counts = new Map<string, number>();
    for (const f of result.facets) {
      for (const v of f.values) if (v.count > 0) counts.set(facetKey(f.field, v.value), v.count);
    }
    expect(counts, label).toEqual(expectedFacetCounts(events, filter));
    expect(
      result.places.map((p) => ({
        placeId: databaseId(p.place.id),
        count: p.count,
      })),
      label,
    ).toEqual(expectedPlaces(matching, located));
    expect(result.fatalities, label).toEqual(expectedFatalities(matching));
  }
}

describe("searchEvents' participants, bound roles, places and fatalities through writes", () => {
  it("agree with every event as the database holds it after each round of writes", async () => {
    const rand = seededRandom(99);
    const pick = <T>(list: readonly T[]) =>
      defined(list[Math.floor(rand() * list.length)], "list[Math.floor(rand() * list.length)]");
    const db = api.t.db;
    await checkAll(rand, "before any write");
    for (let round = 1; round <= 3; round++) {
      const some = await db.event.findMany({
        select: { id: true },
        orderBy: { id: "asc" },
        skip: Math.floor(rand() * 50),
        take: 6,
      });
      const [a, b, c, d] = some.map((e) => e.id) as [number, number, number, number];
      // an actor in two roles at once, with figures
      const actor = pick(fx.actorIds);
      await db.event.create({
        data: {
          type: "NEGOTIATION",
          title: `talks ${round}`,
          startDate: new Date("2022-03-01T00:00:00Z"),
          fatalitiesLow: 0,
          fatalitiesBest: 2,
          fatalitiesHigh: null,
          participants: {
            create: [
              { actorId: actor, role: "MEDIATOR" },
              { actorId: actor, role: "HOST" },
              { actorId: pick(fx.actorIds), role: "PARTY" },
            ],
          },
          places: { create: [{ placeId: pick(fx.placeIds) }] },
        },
      });
      await db.event.update({ where: { id: a }, data: { fatalitiesBest: round * 100, fatalitiesLow: null } });
      await db.participant.updateMany({ where: { eventId: b }, data: { role: pick(ROLES) } });
      await db.participant.create({ data: { eventId: c, actorId: pick(fx.actorIds), role: "MEDIATOR" } });
      await db.event.delete({ where: { id: d } });
      const place = pick(fx.placeIds);
      const current = await db.place.findUniqueOrThrow({ where: { id: place } });
      await db.place.update({
        where: { id: place },
        data: current.lat === null ? { lat: 31.5, lon: 65.7 } : { lat: null },
      });
      await checkAll(rand, `after round ${round}`);
    }
  });
});
