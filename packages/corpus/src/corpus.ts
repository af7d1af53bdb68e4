import {
  type ActorKind,
  dayFromIso,
  defined,
  type EventType,
  isoFromDay,
  nameKeys,
  normalizeName,
  type ParticipantRole,
  uniqueBy,
} from "@parley/schema";
import { seededRandom, weighted, zipf } from "./random.ts";
import * as V from "./vocabulary.ts";

export interface GenActor {
  id: number;
  name: string;
  kind: ActorKind;
  country: string | null;
  aliases: { id: number; name: string; kind: "ACRONYM" | "TRANSLITERATION" | "INFORMAL_NAME" }[];
}
export interface GenPlace {
  id: number;
  name: string;
  country: string;
  /** Null for the places whose coordinates are not known (about one in ten). */
  lat: number | null;
  lon: number | null;
}
export interface GenSource {
  id: number;
  title: string;
  outletId: number;
  publishedAt: string;
}
export interface GenEvent {
  id: number;
  type: EventType;
  title: string;
  summary: string;
  start: string;
  end: string | null;
  contested: boolean;
  participants: { actorId: number; role: ParticipantRole }[];
  placeIds: number[];
  claims: { sourceId: number; stance: "ASSERTS" | "DENIES" }[];
  fatalities: { low: number | null; best: number | null; high: number | null } | null;
}

const SPELLINGS: [RegExp, string][] = [
  [/ee/g, "i"],
  [/i(?=[^aeiou])/g, "ee"],
  [/oo/g, "u"],
  [/u(?=[^aeiou])/g, "oo"],
  [/ou/g, "u"],
  [/q/g, "k"],
  [/-e-/g, "-i-"],
  [/-ul-/g, "-al-"],
  [/a(?=[^aeiou]h)/g, "e"],
  [/ullah/g, "ulla"],
  [/y/g, "i"],
  [/sh/g, "sch"],
];

/** Another common romanisation of a name: Tehreek → Tehrik, Yousaf → Yusaf, -e- → -i-. */
function respell(name: string, random: () => number): string {
  let out = name;
  for (const [pattern, replacement] of SPELLINGS) if (random() < 0.5) out = out.replace(pattern, replacement);
  return out;
}

/** The fixed part of a corpus: actors with aliases, places, outlets and sources. */
export function generateWorld(events: number, seed: number) {
  const random = seededRandom(seed);
  const pick = <T>(list: readonly T[]) => defined(list[Math.floor(random() * list.length)]);
  const actorCount = Math.max(200, Math.min(5000, Math.round(events / 200)));
  const placeCount = Math.max(60, Math.min(3000, Math.round(events / 350)));
  const sourceCount = Math.max(50, Math.round(events / 4));

  const actors: GenActor[] = [];
  let aliasId = 0;
  const kindOf = weighted(random, V.ACTOR_KIND_WEIGHTS as Record<ActorKind, number>);
  const country = zipf(random, V.COUNTRIES.length, 1.6);
  const addActor = (
    name: string,
    kind: ActorKind,
    aliases: [string, GenActor["aliases"][number]["kind"]][],
    home: string | null,
  ) => {
    const canonical = normalizeName(name);
    const kept = uniqueBy(
      aliases.filter(([a]) => normalizeName(a) !== canonical),
      ([a]) => normalizeName(a),
    );
    actors.push({
      id: actors.length + 1,
      name,
      kind,
      country: home,
      aliases: kept.map(([a, k]) => ({ id: ++aliasId, name: a, kind: k })),
    });
  };
  for (const name of V.GOVERNMENT_NAMES) addActor(name, "GOVERNMENT", [], null);
  const outletIds: number[] = [];
  for (let i = 0; outletIds.length < 80; i++) {
    const name = pick(V.OUTLET_FORMS).replace("{w}", pick(V.OUTLET_WORDS)) + (i >= 40 ? ` ${i}` : "");
    addActor(name, "MEDIA_OUTLET", [], defined(V.COUNTRIES[country()]));
    outletIds.push(actors.length);
  }
  while (actors.length < actorCount) {
    const kind = kindOf();
    const home = defined(V.COUNTRIES[country()]);
    if (kind === "PERSON") {
      const name = `${pick(V.GIVEN_NAMES)} ${pick(V.GIVEN_NAMES)} ${pick(V.FAMILY_NAMES)}`;
      const variants: [string, "TRANSLITERATION" | "INFORMAL_NAME"][] = [1, 2, 3].map(() => [
        respell(name, random),
        "TRANSLITERATION",
      ]);
      if (random() < 0.5) variants.push([name.split(" ").slice(1).join(" "), "INFORMAL_NAME"]);
      addActor(name, kind, variants, home);
    } else if (kind === "ARMED_GROUP" || kind === "POLITICAL_PARTY") {
      const core = `${pick(V.GROUP_PREFIXES)}-${pick(V.GROUP_CORES)}`;
      const name = random() < 0.6 ? `${core} ${pick(V.REGIONS)}` : core;
      const acronym = name
        .split(/[\s-]+/)
        .map((w) => defined(w[0]).toUpperCase())
        .join("");
      addActor(
        name,
        kind,
        [
          [acronym, "ACRONYM"],
          [respell(name, random), "TRANSLITERATION"],
          [respell(name, random), "TRANSLITERATION"],
          [respell(name, random).replace(/-/g, " "), "TRANSLITERATION"],
        ],
        home,
      );
    } else if (kind === "SECURITY_FORCE") {
      addActor(`${pick(V.REGIONS)} ${pick(V.FORCE_NAMES)}`, kind, [], home);
    } else {
      addActor(
        `${pick(V.REGIONS)} ${pick(["Elders Council", "Traders Union", "Students Federation", "Lawyers Forum", "Rights Committee"])}`,
        kind,
        [],
        home,
      );
    }
  }

  const places: GenPlace[] = [];
  // Drawn apart from `random`, so that everything else is the corpus it was before places could lack coordinates.
  const unlocated = seededRandom(seed ^ 0x2545f491);
  for (let i = 0; i < placeCount; i++) {
    const name = `${pick(V.PLACE_SYLLABLES)}${pick(V.PLACE_SUFFIXES)}${random() < 0.3 ? ` ${pick(["Bazaar", "Kalay", "Cantonment", "Town"])}` : ""}`;
    const [lat, lon] = [24 + random() * 14, 60 + random() * 15];
    const known = i < 10 || unlocated() >= 0.1;
    places.push({
      id: i + 1,
      name,
      country: defined(V.COUNTRIES[country()]),
      lat: known ? lat : null,
      lon: known ? lon : null,
    });
  }

  const outlet = zipf(random, outletIds.length, 1.1);
  const sources: GenSource[] = [];
  for (let i = 0; i < sourceCount; i++) {
    sources.push({
      id: i + 1,
      title: `Report ${i + 1}`,
      outletId: defined(outletIds[outlet()]),
      publishedAt: isoFromDay(DAY0 + Math.floor(random() * SPAN_DAYS)),
    });
  }
  // Outlets report; they do not take part. Governments come first (the most frequent), then the rest shuffled.
  const participants = actors.filter((a) => a.kind !== "MEDIA_OUTLET").map((a) => a.id);
  for (let i = participants.length - 1; i > V.GOVERNMENT_NAMES.length; i--) {
    const j = V.GOVERNMENT_NAMES.length + Math.floor(random() * (i - V.GOVERNMENT_NAMES.length + 1));
    [participants[i], participants[j]] = [defined(participants[j]), defined(participants[i])];
  }
  return { actors, places, sources, participants };
}

const DAY0 = dayFromIso("2016-01-01");
const SPAN_DAYS = dayFromIso("2026-01-01") - DAY0;

export type World = ReturnType<typeof generateWorld>;

/** Events one batch at a time, so that a million never sit in memory at once. */
export function eventGenerator(world: World, seed: number) {
  const random = seededRandom(seed ^ 0x5bd1e995);
  const pick = <T>(list: readonly T[]) => defined(list[Math.floor(random() * list.length)]);
  const type = weighted(random, V.EVENT_TYPE_WEIGHTS);
  const actor = zipf(random, world.participants.length, 0.9);
  const place = zipf(random, world.places.length, 0.95);
  const word = zipf(random, V.TOPIC_WORDS.length, 1.0);
  const deaths = fatalityGenerator(seededRandom(seed ^ 0x68e31da4));
  let nextId = 1;
  return (count: number): GenEvent[] => {
    const out: GenEvent[] = [];
    for (let n = 0; n < count; n++) {
      const t = type();
      const roles = V.ROLES_BY_TYPE[t] ?? V.ROLES_BY_TYPE.default;
      const participants: GenEvent["participants"] = [];
      const seen = new Set<string>();
      const size = 2 + Math.floor(random() * random() * 4);
      for (let i = 0; i < size; i++) {
        const actorId = defined(world.participants[actor()]);
        const role = defined(roles[i % roles.length]);
        if (seen.has(`${actorId}:${role}`)) continue;
        seen.add(`${actorId}:${role}`);
        participants.push({ actorId, role });
      }
      const placeIds = [
        ...new Set(Array.from({ length: random() < 0.25 ? 2 : 1 }, () => defined(world.places[place()]).id)),
      ];
      const start = DAY0 + Math.floor(random() ** 0.8 * SPAN_DAYS);
      const end = random() < 0.15 ? start + 1 + Math.floor(random() * 30) : null;
      const claims: GenEvent["claims"] = [];
      const claimCount = Math.floor(random() * 4.2);
      for (let i = 0; i < claimCount; i++)
        claims.push({
          sourceId: 1 + Math.floor(random() * world.sources.length),
          stance: random() < 0.06 ? "DENIES" : "ASSERTS",
        });
      const names = participants.map((p) => defined(world.actors[p.actorId - 1]).name);
      const words = Array.from({ length: 8 }, () => defined(V.TOPIC_WORDS[word()]));
      const title = (V.TITLE_FORMS[t] ?? V.TITLE_FORMS.default)
        .replace("{a}", defined(names[0]))
        .replace("{b}", names[1] ?? pick(V.REGIONS))
        .replace("{p}", defined(world.places[defined(placeIds[0]) - 1]).name)
        .replace("{w}", defined(words[0]));
      const summary = `${capital(defined(words[1]))} ${words[2]} and ${words[3]} were ${pick(["reported", "described", "confirmed", "disputed"])} near ${defined(world.places[defined(placeIds.at(-1)) - 1]).name}; ${words[4]}, ${words[5]} and ${words[6]} ${pick(["followed", "were affected", "were mentioned", "remain unclear"])} (${words[7]}).`;
      out.push({
        id: nextId++,
        type: t,
        title,
        summary,
        start: isoFromDay(start),
        end: end === null ? null : isoFromDay(end),
        contested: claims.some((c) => c.stance === "ASSERTS") && claims.some((c) => c.stance === "DENIES"),
        participants,
        placeIds,
        claims,
        fatalities: deaths(t),
      });
    }
    return out;
  };
}

const capital = (s: string) => defined(s[0]).toUpperCase() + s.slice(1);

const VIOLENT = new Set<EventType>([
  "ATTACK",
  "ARMED_CLASH",
  "AIRSTRIKE",
  "VIOLENCE_AGAINST_CIVILIANS",
  "MILITARY_OPERATION",
  "INFILTRATION",
  "RIOT",
]);

/**
 * Reported deaths, from a generator of their own (the rest of the corpus is what it was before events
 * had figures): most violent events have some, few others; a best estimate, usually small, often
 * with a range around it, sometimes only a range.
 */
function fatalityGenerator(random: () => number) {
  return (type: EventType): GenEvent["fatalities"] => {
    if (random() >= (VIOLENT.has(type) ? 0.7 : 0.03)) return null;
    const best = Math.floor(-Math.log(1 - random()) * 4);
    const low = random() < 0.6 ? Math.floor(best * random()) : null;
    const high = random() < 0.6 ? best + Math.floor(best * random() * 2) + 1 : null;
    return random() < 0.1 ? { low: low ?? 0, best: null, high: high ?? best + 1 } : { low, best, high };
  };
}

export const keysOf = nameKeys;
