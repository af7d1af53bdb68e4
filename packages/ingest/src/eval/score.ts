import type { EventType } from "@parley/schema";
import { defined } from "@parley/schema";
import type { EventCandidate, Extraction } from "../candidates.ts";
import { type Counts, counts, nameKey, pairUp, sameDate, sameText } from "./match.ts";
import type { EvalReport } from "./set.ts";

/** Statements are everywhere in news; the gold does not list them, so they are scored neither way. */
const UNSCORED_TYPES = new Set<EventType>(["STATEMENT", "OTHER"]);

export type Measure = "actors" | "places" | "dates" | "events" | "roles";
export interface ReportScore {
  counts: Record<Measure, Counts>;
  /** Matched participants, and those whose role is right. */
  participants: { matched: number; sameRole: number };
  kinds: { matched: number; same: number };
  eventPlaces: { withPlace: number; same: number };
  errors: string[];
}

type GoldActor = EvalReport["gold"]["actors"][number];
type GoldEvent = EvalReport["gold"]["events"][number];
type EventActor = EventCandidate["actors"][number];

const namesOf = (actor: GoldActor) => new Set([actor[0], ...actor.slice(2)].map(nameKey));
const predKeys = (p: { name: string; text: string }) => [nameKey(p.name), nameKey(p.text)];
const distinct = <T>(items: T[], key: (t: T) => string) => [...new Map(items.map((t) => [key(t), t])).values()];

/**
 * Scores one report's extraction against its gold. Actors match by canonical name or any alias,
 * one to one; places by name or alias; dates at the gold precision (unresolved ones by their
 * words); events by type and date at the gold precision, and by place when the gold has no date;
 * roles on the participants of matched events, matched as actors are.
 */
export function scoreReport(report: EvalReport, x: Extraction): ReportScore {
  const gold = report.gold;
  const errors: string[] = [];
  const actorOf = new Map(gold.actors.map((a) => [a[0], a]));

  const predActors = distinct(x.actors, (a) => (a.actorId !== null ? `id:${a.actorId}` : nameKey(a.name)));
  const actorPairs = pairUp(gold.actors, predActors, (g, p) => predKeys(p).some((k) => namesOf(g).has(k)));
  note(
    errors,
    "actor",
    gold.actors,
    predActors,
    actorPairs,
    (g) => `${g[0]} (${g[1]})`,
    (p) => `${p.text}${p.name !== p.text ? ` = ${p.name}` : ""} (${p.kind})`,
  );

  const placeNames = (g: EvalReport["gold"]["places"][number]) => new Set([g[0], ...g.slice(2)].map(nameKey));
  const predPlaces = distinct(x.places, (p) => `${p.country}:${nameKey(p.name)}`);
  const placePairs = pairUp(gold.places, predPlaces, (g, p) => predKeys(p).some((k) => placeNames(g).has(k)));
  note(
    errors,
    "place",
    gold.places,
    predPlaces,
    placePairs,
    (g) => g[0],
    (p) => `${p.text} (${p.country})`,
  );

  const goldDates = gold.dates.map(([text, date, precision]) => ({ text, date, precision }));
  const predDates = distinct(x.dates, (d) => (d.date === null ? `?${nameKey(d.text)}` : `${d.date}|${d.precision}`));
  const dateFits = (g: (typeof goldDates)[number], p: (typeof predDates)[number]) =>
    g.date === null
      ? p.date === null && sameText(g.text, p.text)
      : sameDate({ date: g.date, precision: g.precision }, p);
  const datePairs = pairUp(goldDates, predDates, (g, p) => dateFits(g, p) && g.precision === p.precision, dateFits);
  note(
    errors,
    "date",
    goldDates,
    predDates,
    datePairs,
    (g) => `${g.text} = ${g.date ?? "unresolved"} ${g.precision}`,
    (p) => `${p.text} = ${p.date ?? "unresolved"} ${p.precision}`,
  );

  const goldPlaceNames = (name: string) => {
    const place = gold.places.find((g) => placeNames(g).has(nameKey(name)));
    return place ? placeNames(place) : new Set([nameKey(name)]);
  };
  const samePlace = (g: GoldEvent, p: EventCandidate) =>
    g.place !== undefined && p.place !== null && predKeys(p.place).some((k) => goldPlaceNames(defined(g.place)).has(k));
  const predEvents = x.events.filter((e) => !UNSCORED_TYPES.has(e.type));
  const eventFits = (g: GoldEvent, p: EventCandidate) =>
    g.type === p.type &&
    (g.date === null
      ? p.date === null && (g.place === undefined || samePlace(g, p))
      : sameDate({ date: g.date, precision: defined(g.precision) }, p));
  const eventPairs = pairUp(gold.events, predEvents, eventFits);
  note(
    errors,
    "event",
    gold.events,
    predEvents,
    eventPairs,
    (g) => `${g.type} ${g.date ?? "undated"}${g.place ? ` at ${g.place}` : ""}`,
    (p) => `${p.type} ${p.date ?? "undated"}${p.place ? ` at ${p.place.name}` : ""}: ${p.quote.slice(0, 80)}`,
  );

  const roles: Counts = { tp: 0, fp: 0, fn: 0 };
  const participants = { matched: 0, sameRole: 0 };
  const eventPlaces = { withPlace: 0, same: 0 };
  for (const [g, p] of eventPairs) {
    if (g.place !== undefined) {
      eventPlaces.withPlace++;
      if (samePlace(g, p)) eventPlaces.same++;
    }
    const fits = (gp: [string, string], a: EventActor) =>
      predKeys(a).some((k) => namesOf(actorOf.get(gp[0]) ?? [gp[0], "OTHER"]).has(k));
    const pairs = pairUp(
      g.participants,
      distinct(p.actors, (a) => nameKey(a.name)),
      fits,
    );
    const right = pairs.filter(([gp, a]) => gp[1] === a.role);
    participants.matched += pairs.length;
    participants.sameRole += right.length;
    roles.tp += right.length;
    roles.fp += p.actors.length - right.length;
    roles.fn += g.participants.length - right.length;
    for (const [gp, a] of pairs)
      if (gp[1] !== a.role) errors.push(`role     ${g.type} ${g.date ?? ""}: ${gp[0]} is ${gp[1]}, proposed ${a.role}`);
  }
  const kinds = { matched: actorPairs.length, same: actorPairs.filter(([g, p]) => g[1] === p.kind).length };
  return {
    counts: {
      actors: counts(gold.actors.length, predActors.length, actorPairs.length),
      places: counts(gold.places.length, predPlaces.length, placePairs.length),
      dates: counts(goldDates.length, predDates.length, datePairs.length),
      events: counts(gold.events.length, predEvents.length, eventPairs.length),
      roles,
    },
    participants,
    kinds,
    eventPlaces,
    errors,
  };
}

function note<G, P>(
  errors: string[],
  what: string,
  gold: G[],
  pred: P[],
  pairs: Array<[G, P]>,
  showGold: (g: G) => string,
  showPred: (p: P) => string,
) {
  const matchedGold = new Set(pairs.map(([g]) => g));
  const matchedPred = new Set(pairs.map(([, p]) => p));
  for (const g of gold) if (!matchedGold.has(g)) errors.push(`${what.padEnd(8)} missed   ${showGold(g)}`);
  for (const p of pred) if (!matchedPred.has(p)) errors.push(`${what.padEnd(8)} spurious ${showPred(p)}`);
}
