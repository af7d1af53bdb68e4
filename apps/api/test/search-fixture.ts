import { seededRandom } from "@parley/corpus";
import { countryNames, type PrismaClient } from "@parley/db";
import { defined, type EventType, nameKeys, type ParticipantRole } from "@parley/schema";

/**
 * A small corpus of our own for the search tests: known actors, places and outlets, and events made
 * by a seeded generator, kept as plain objects so that every count can be recomputed by brute force.
 */

const ACTORS = [
  {
    name: "Tehrik-i-Taliban Pakistan",
    kind: "ARMED_GROUP",
    aliases: ["TTP", "Tehreek-e-Taliban Pakistan", "Pakistani Taliban"],
  },
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

/** Şırnak and Khost have no coordinates: a map of the results leaves them out. */
const PLACES = [
  { name: "Kabul", country: "AF", lat: 34.53, lon: 69.17 },
  { name: "Khost", country: "AF", lat: null, lon: null },
  { name: "Peshawar", country: "PK", lat: 34.01, lon: 71.58 },
  { name: "Quetta", country: "PK", lat: 30.18, lon: 66.99 },
  { name: "Islamabad", country: "PK", lat: 33.69, lon: 73.05 },
  { name: "Doha", country: "QA", lat: 25.29, lon: 51.53 },
  { name: "Istanbul", country: "TR", lat: 41.01, lon: 28.98 },
  { name: "Şırnak", country: "TR", lat: null, lon: null },
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
  /** Who held which role. */
  participants: { actorId: number; role: ParticipantRole }[];
  fatalities: { low: number | null; best: number | null; high: number | null };
  outletIds: number[];
  contested: boolean;
  /** Every name the text search should see for this event: places and their countries, actors, aliases. */
  names: string[];
}

export interface Fixture {
  events: FixtureEvent[];
  actorIds: number[];
  placeIds: number[];
  /** The places with coordinates. */
  locatedPlaceIds: number[];
  outletIds: number[];
  actorName(id: number): string;
}

const day = (iso: string) => new Date(`${iso}T00:00:00Z`);
const iso = (d: Date) => d.toISOString().slice(0, 10);

export async function loadFixture(db: PrismaClient, count = 90, seed = 7): Promise<Fixture> {
  const rand = seededRandom(seed);
  const pick = <T>(list: readonly T[]): T =>
    defined(list[Math.floor(rand() * list.length)], "list[Math.floor(rand() * list.length)]");
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
  const places = await db.place.createManyAndReturn({
    data: PLACES.map((p) => ({ name: p.name, country: p.country, lat: p.lat, lon: p.lon })),
  });
  const sources = await db.source.createManyAndReturn({
    data: [
      ...OUTLETS.map((o, i) => ({ title: `Report ${i}`, outletId: defined(actors[o], "actors[o]").id })),
      { title: "Leaflet without an outlet" },
    ],
  });
  const outletOfSource = new Map(sources.map((s) => [s.id, s.outletId]));

  const events: FixtureEvent[] = [];
  const startBase = day("2020-01-01").getTime();
  for (let i = 0; i < count; i++) {
    const type = pick(TYPES);
    const start = new Date(startBase + Math.floor(rand() * 1460) * 86_400_000);
    const end = rand() < 0.3 ? new Date(start.getTime() + Math.floor(rand() * 40) * 86_400_000) : null;
    const eventPlaces = some(places, 2);
    const drawn = some(PARTICIPANTS, 3).map((a) => ({ actor: defined(actors[a], "actors[a]"), role: pick(ROLES) }));
    // Every ninth event, its first participant also speaks for itself: one actor in two roles.
    const participants =
      i % 9 === 0 && defined(drawn[0], "drawn[0]").role !== "SPOKESPERSON"
        ? [...drawn, { actor: defined(drawn[0], "drawn[0]").actor, role: "SPOKESPERSON" as const }]
        : drawn;
    const word = pick(WORDS);
    const inTitle = rand() < 0.5;
    const title = `${type.toLowerCase().replace("_", " ")} ${inTitle ? word : "reported"} near ${defined(eventPlaces[0], "eventPlaces[0]").name} #${i}`;
    const summary = inTitle ? "Details remain unclear." : `Witnesses describe a ${word} and several injured.`;
    const claims =
      rand() < 0.8
        ? some(sources, 3).map((s) => ({
            sourceId: s.id,
            stance: rand() < 0.2 ? ("DENIES" as const) : ("ASSERTS" as const),
          }))
        : [];
    // Not drawn from `rand`, so the rest of the corpus is what it was before events had figures.
    const fatalities = {
      low: i % 3 === 0 ? null : i % 5,
      best: i % 4 === 0 ? null : (i * 7) % 13,
      high: i % 3 === 0 || i % 4 === 0 ? null : ((i * 7) % 13) + 4,
    };
    const created = await db.event.create({
      data: {
        type,
        title,
        summary,
        startDate: start,
        endDate: end,
        fatalitiesLow: fatalities.low,
        fatalitiesBest: fatalities.best,
        fatalitiesHigh: fatalities.high,
        places: { create: eventPlaces.map((p) => ({ placeId: p.id })) },
        participants: { create: participants.map((p) => ({ actorId: p.actor.id, role: p.role })) },
        claims: {
          create: claims.map((c, j) => ({ sourceId: c.sourceId, stance: c.stance, quote: `quote ${i}.${j}` })),
        },
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
      participants: [
        ...new Map(
          participants.map((p) => [`${p.actor.id}:${p.role}`, { actorId: p.actor.id, role: p.role }]),
        ).values(),
      ],
      fatalities,
      outletIds: [
        ...new Set(
          claims.map((c) => outletOfSource.get(c.sourceId)).filter((o): o is number => o !== null && o !== undefined),
        ),
      ],
      contested: claims.some((c) => c.stance === "ASSERTS") && claims.some((c) => c.stance === "DENIES"),
      names: [
        ...eventPlaces.map((p) => p.name),
        ...[...new Set(eventPlaces.map((p) => p.country))].flatMap((c) => countryNames(c)),
        ...actorIds.flatMap((id) => {
          const a = defined(
            ACTORS[actors.findIndex((x) => x.id === id)],
            "ACTORS[actors.findIndex((x) => x.id === id)]",
          );
          return [a.name, ...a.aliases];
        }),
      ],
    });
  }
  return {
    events,
    actorIds: PARTICIPANTS.map((i) => defined(actors[i], "actors[i]").id),
    placeIds: places.map((p) => p.id),
    locatedPlaceIds: places.filter((p) => p.lat !== null && p.lon !== null).map((p) => p.id),
    outletIds: OUTLETS.map((i) => defined(actors[i], "actors[i]").id),
    actorName: (id) =>
      defined(
        actors.find((a) => a.id === id),
        "actors.find((a) => a.id === id)",
      ).name,
  };
}
