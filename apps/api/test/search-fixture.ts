import { decodeGlobalID, encodeGlobalID } from "@pothos/plugin-relay";
import { normalizeName, transliterationKey, type EventType, type ParticipantRole, nameKeys } from "@parley/schema";
import { seededRandom, type PrismaClient } from "@parley/db";

/**
 * A small corpus of our own for the search tests: known actors, places and outlets, and events made
 * by a seeded generator, kept as plain objects so that every count can be recomputed by brute force.
 */

const ACTORS = [
  { name: "Tehrik-i-Taliban Pakistan", kind: "ARMED_GROUP", aliases: ["TTP", "Tehreek-e-Taliban Pakistan", "Pakistani Taliban"] },
  { name: "Government of Pakistan", kind: "GOVERNMENT", aliases: ["Islamabad"] },
  { name: "Afghan Taliban", kind: "ARMED_GROUP", aliases: ["Islamic Emirate of Afghanistan"] },
  { name: "Qatar", kind: "GOVERNMENT", aliases: [] },
  { name: "Türkiye", kind: "GOVERNMENT", aliases: ["Turkey"] },
  { name: "Noor Wali Mehsud", kind: "PERSON", aliases: ["Nur Wali Mahsud"] },
  { name: "Ḥāmid Karzāī", kind: "PERSON", aliases: [] },
  { name: "Dawn", kind: "MEDIA_OUTLET", aliases: [] },
  { name: "Voice of America", kind: "MEDIA_OUTLET", aliases: ["VOA"] },
  { name: "TOLOnews", kind: "MEDIA_OUTLET", aliases: [] },
] as const;
const PARTICIPANTS = [0, 1, 2, 3, 4, 5, 6]; // indexes of actors that take part in events
const OUTLETS = [7, 8, 9];

const PLACES = [
  { name: "Kabul", country: "AF" },
  { name: "Khost", country: "AF" },
  { name: "Peshawar", country: "PK" },
  { name: "Quetta", country: "PK" },
  { name: "Islamabad", country: "PK" },
  { name: "Doha", country: "QA" },
  { name: "Istanbul", country: "TR" },
  { name: "Şırnak", country: "TR" },
] as const;

const TYPES: EventType[] = ["NEGOTIATION", "CEASEFIRE", "ATTACK", "AIRSTRIKE", "PRISONER_RELEASE", "STATEMENT"];
const ROLES: ParticipantRole[] = ["PARTY", "MEDIATOR", "HOST", "PERPETRATOR", "TARGET", "SPOKESPERSON"];
const WORDS = ["convoy", "checkpoint", "délégation", "border", "market"];

export interface FixtureEvent {
  id: number;
  type: EventType;
  title: string;
  summary: string;
  start: string;
  end: string | null;
  placeIds: number[];
  countries: string[];
  actorIds: number[];
  roles: ParticipantRole[];
  outletIds: number[];
  contested: boolean;
  /** Every name the text search should see for this event: places, actors, aliases. */
  names: string[];
}

export interface Fixture {
  events: FixtureEvent[];
  actorIds: number[];
  placeIds: number[];
  outletIds: number[];
  actorName(id: number): string;
}


const day = (iso: string) => new Date(`${iso}T00:00:00Z`);
const iso = (d: Date) => d.toISOString().slice(0, 10);

export async function loadFixture(db: PrismaClient, count = 90, seed = 7): Promise<Fixture> {
  const rand = seededRandom(seed);
  const pick = <T>(list: readonly T[]): T => list[Math.floor(rand() * list.length)]!;
  const some = <T>(list: readonly T[], max: number): T[] => {
    const n = 1 + Math.floor(rand() * max);
    return [...new Set(Array.from({ length: n }, () => pick(list)))];
  };

  const actors: { id: number; name: string }[] = [];
  for (const a of ACTORS) {
    actors.push(
      await db.actor.create({
        data: {
          name: a.name,
          kind: a.kind,
          aliases: { create: a.aliases.map((name) => ({ name, kind: "TRANSLITERATION" as const, ...nameKeys(name) })) },
        },
      }),
    );
  }
  const places = await db.place.createManyAndReturn({ data: PLACES.map((p) => ({ name: p.name, country: p.country })) });
  const sources = await db.source.createManyAndReturn({
    data: [...OUTLETS.map((o, i) => ({ title: `Report ${i}`, outletId: actors[o]!.id })), { title: "Leaflet without an outlet" }],
  });
  const outletOfSource = new Map(sources.map((s) => [s.id, s.outletId]));

  const events: FixtureEvent[] = [];
  const startBase = day("2020-01-01").getTime();
  for (let i = 0; i < count; i++) {
    const type = pick(TYPES);
    const start = new Date(startBase + Math.floor(rand() * 1460) * 86_400_000);
    const end = rand() < 0.3 ? new Date(start.getTime() + Math.floor(rand() * 40) * 86_400_000) : null;
    const eventPlaces = some(places, 2);
    const participants = some(PARTICIPANTS, 3).map((a) => ({ actor: actors[a]!, role: pick(ROLES) }));
    const word = pick(WORDS);
    const inTitle = rand() < 0.5;
    const title = `${type.toLowerCase().replace("_", " ")} ${inTitle ? word : "reported"} near ${eventPlaces[0]!.name} #${i}`;
    const summary = inTitle ? "Details remain unclear." : `Witnesses describe a ${word} and several injured.`;
    const claims = rand() < 0.8 ? some(sources, 3).map((s) => ({ sourceId: s.id, stance: rand() < 0.2 ? ("DENIES" as const) : ("ASSERTS" as const) })) : [];
    const created = await db.event.create({
      data: {
        type,
        title,
        summary,
        startDate: start,
        endDate: end,
        places: { create: eventPlaces.map((p) => ({ placeId: p.id })) },
        participants: { create: participants.map((p) => ({ actorId: p.actor.id, role: p.role })) },
        claims: { create: claims.map((c, j) => ({ sourceId: c.sourceId, stance: c.stance, quote: `quote ${i}.${j}` })) },
      },
    });
    const actorIds = [...new Set(participants.map((p) => p.actor.id))];
    events.push({
      id: created.id,
      type,
      title,
      summary,
      start: iso(start),
      end: end ? iso(end) : null,
      placeIds: eventPlaces.map((p) => p.id),
      countries: [...new Set(eventPlaces.map((p) => p.country))],
      actorIds,
      roles: [...new Set(participants.map((p) => p.role))],
      outletIds: [...new Set(claims.map((c) => outletOfSource.get(c.sourceId)).filter((o): o is number => o !== null && o !== undefined))],
      contested: claims.some((c) => c.stance === "ASSERTS") && claims.some((c) => c.stance === "DENIES"),
      names: [
        ...eventPlaces.map((p) => p.name),
        ...actorIds.flatMap((id) => {
          const a = ACTORS[actors.findIndex((x) => x.id === id)]!;
          return [a.name, ...a.aliases];
        }),
      ],
    });
  }
  return {
    events,
    actorIds: PARTICIPANTS.map((i) => actors[i]!.id),
    placeIds: places.map((p) => p.id),
    outletIds: OUTLETS.map((i) => actors[i]!.id),
    actorName: (id) => actors.find((a) => a.id === id)!.name,
  };
}

/** The filter as the tests state it, with database IDs; turned into GraphQL variables by `toVariables`. */
export interface Filter {
  types?: EventType[];
  actorIds?: number[];
  roles?: ParticipantRole[];
  countries?: string[];
  placeIds?: number[];
  outletIds?: number[];
  from?: string;
  to?: string;
  contested?: boolean;
}

export type Field = "TYPE" | "ACTOR" | "ROLE" | "COUNTRY" | "PLACE" | "OUTLET";

const FIELD_VALUES: Record<Field, (e: FixtureEvent) => (string | number)[]> = {
  TYPE: (e) => [e.type],
  ACTOR: (e) => e.actorIds,
  ROLE: (e) => e.roles,
  COUNTRY: (e) => e.countries,
  PLACE: (e) => e.placeIds,
  OUTLET: (e) => e.outletIds,
};

const FIELD_FILTER: Record<Field, keyof Filter> = { TYPE: "types", ACTOR: "actorIds", ROLE: "roles", COUNTRY: "countries", PLACE: "placeIds", OUTLET: "outletIds" };

export function fold(text: string): string {
  return text.normalize("NFKD").replace(/\p{M}/gu, "").toLowerCase();
}

/** Brute force: does the event contain every word of the query, as a whole word, in its text or names? */
export function textMatches(e: FixtureEvent, query: string | undefined): boolean {
  if (!query) return true;
  const haystack = fold([e.title, e.summary, ...e.names].join(" | "));
  return fold(query)
    .split(/\s+/)
    .every((word) => new RegExp(`(^|[^\\p{L}\\p{N}])${word}([^\\p{L}\\p{N}]|$)`, "u").test(haystack));
}

export function passes(e: FixtureEvent, filter: Filter, query?: string, except?: Field): boolean {
  if (!textMatches(e, query)) return false;
  for (const field of Object.keys(FIELD_FILTER) as Field[]) {
    if (field === except) continue;
    const wanted = filter[FIELD_FILTER[field]] as (string | number)[] | undefined;
    if (wanted?.length && !FIELD_VALUES[field](e).some((v) => wanted.includes(v))) return false;
  }
  if (filter.from && (e.end ?? e.start) < filter.from) return false;
  if (filter.to && e.start > filter.to) return false;
  if (filter.contested !== undefined && e.contested !== filter.contested) return false;
  return true;
}

/** Brute force: the disjunctive count of every value of every facet, as `FIELD:value` → count. */
export function expectedFacetCounts(events: FixtureEvent[], filter: Filter, query?: string): Map<string, number> {
  const counts = new Map<string, number>();
  for (const field of Object.keys(FIELD_VALUES) as Field[]) {
    for (const e of events) {
      if (!passes(e, filter, query, field)) continue;
      for (const value of new Set(FIELD_VALUES[field](e))) counts.set(`${field}:${value}`, (counts.get(`${field}:${value}`) ?? 0) + 1);
    }
  }
  return counts;
}

export function toVariables(filter: Filter) {
  return {
    ...filter,
    actorIds: filter.actorIds?.map((id) => encodeGlobalID("Actor", id)),
    placeIds: filter.placeIds?.map((id) => encodeGlobalID("Place", id)),
    outletIds: filter.outletIds?.map((id) => encodeGlobalID("Actor", id)),
  };
}

/** A facet value as the API returns it, back to the fixture's terms (`ACTOR:12`). */
export function facetKey(field: Field, value: string): string {
  if (field === "ACTOR" || field === "OUTLET" || field === "PLACE") return `${field}:${decodeGlobalID(value).id}`;
  return `${field}:${value}`;
}
