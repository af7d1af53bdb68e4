import { type DatePrecision, defined } from "@parley/schema";
import { actorKey, type EventCandidate } from "./candidates.ts";
import { placeKey, within } from "./places.ts";

const DAY_MS = 86_400_000;
/** How long before the publication date an event is background: "the only earlier truce, in 2017". */
const BACKGROUND_MS = 90 * DAY_MS;

const placeOf = (e: EventCandidate) => (e.place ? placeKey(e.place) : null);

/** "Talks in Sweden" and "talks in Rimbo", "Shan State" and "Lashio": one place holds the other. */
const nested = (a: EventCandidate, b: EventCandidate) =>
  a.place !== null && b.place !== null && (within(a.place, b.place) || within(b.place, a.place));

/** The days a date names at its precision, [from, to). */
function period(date: string, precision: DatePrecision): [number, number] {
  const from = Date.parse(date);
  const d = new Date(from);
  switch (precision) {
    case "DAY":
      return [from, from + DAY_MS];
    case "WEEK":
      return [from, from + 7 * DAY_MS];
    case "MONTH":
      return [from, Date.UTC(d.getUTCFullYear(), d.getUTCMonth() + 1, 1)];
    case "YEAR":
      return [from, Date.UTC(d.getUTCFullYear() + 1, 0, 1)];
  }
}

/** "On Tuesday" and "this week", "May 2" and "in May": one date holds the other. */
function holds(a: EventCandidate, b: EventCandidate): boolean {
  if (a.date === null || b.date === null || a.precision === null || b.precision === null) return false;
  const [x, y] = [period(a.date, a.precision), period(b.date, b.precision)];
  return (x[0] <= y[0] && y[1] <= x[1]) || (y[0] <= x[0] && x[1] <= y[1]);
}

/** A ceasefire the report calls an agreement ("signed an agreement on a cessation of hostilities") is "the agreement" elsewhere. */
const AGREED_CEASEFIRE = /\b(?:agreement|accord|deal)\b/i;
const agreedCeasefire = (ceasefire: EventCandidate, agreement: EventCandidate) =>
  ceasefire.type === "CEASEFIRE" &&
  agreement.type === "AGREEMENT" &&
  agreement.date === null &&
  ceasefire.quotes.some((q) => AGREED_CEASEFIRE.test(q));
const sameKind = (into: EventCandidate, e: EventCandidate) =>
  into.type === e.type || agreedCeasefire(into, e) || agreedCeasefire(e, into);

function fits(into: EventCandidate, e: EventCandidate, published: string | null): boolean {
  if (!sameKind(into, e)) return false;
  const [pa, pb] = [placeOf(into), placeOf(e)];
  if (pa !== null && pb !== null && pa !== pb && !nested(into, e)) return false;
  if (into.date === null || e.date === null) {
    // The headline and the present tense speak of the news, not of a truce years before it.
    const dated = into.date !== null ? into : e.date !== null ? e : null;
    return !(
      dated?.date &&
      dated.precision &&
      published !== null &&
      period(dated.date, dated.precision)[1] < Date.parse(published) - BACKGROUND_MS
    );
  }
  if (into.date === e.date && into.precision === e.precision) return true;
  // Dates of different precision are one event when one holds the other and the place or a participant is shared.
  const keys = new Set(into.actors.map(actorKey));
  return holds(into, e) && ((pa !== null && pa === pb) || e.actors.some((a) => keys.has(actorKey(a))));
}

/** How many days a candidate's date spans: the smaller, the more precise. */
function width(e: EventCandidate): number {
  if (e.date === null || e.precision === null) return Number.POSITIVE_INFINITY;
  const [from, to] = period(e.date, e.precision);
  return to - from;
}

/**
 * One candidate per event: a report names the same talks in its headline and in several sentences.
 * Candidates of one type merge when their dates agree (or one has none, unless the dated one is
 * background long before the publication date; or one date holds the other and the place or a
 * participant is shared) and their places agree (or one has none); an undated agreement joins a
 * ceasefire the report calls an agreement. The merged candidate keeps the first sentence as its
 * quote, the most precise date and the first place given, and every actor with the most telling
 * role read for it.
 */
export function mergeEvents(events: EventCandidate[], published: string | null = null): EventCandidate[] {
  const merged: EventCandidate[] = [];
  // Dated candidates first, so that undated mentions join the event they speak of.
  for (const e of [...events.filter((x) => x.date !== null), ...events.filter((x) => x.date === null)]) {
    const into = merged.find((m) => fits(m, e, published));
    if (!into) {
      merged.push({ ...e, actors: [...e.actors], quotes: [...e.quotes] });
      continue;
    }
    if (into.type !== e.type) into.type = "CEASEFIRE";
    if (into.place === null || (e.place !== null && within(e.place, into.place))) into.place = e.place;
    into.quotes = [...new Set([...into.quotes, ...e.quotes])];
    if (into.date === null && e.date !== null)
      Object.assign(into, { date: e.date, precision: e.precision, endDate: e.endDate });
    else if (width(e) < width(into)) Object.assign(into, { date: e.date, precision: e.precision, endDate: e.endDate });
    if (into.unresolvedDate === undefined && e.unresolvedDate !== undefined) into.unresolvedDate = e.unresolvedDate;
    for (const actor of e.actors) {
      const existing = into.actors.find((a) => actorKey(a) === actorKey(actor));
      if (!existing) into.actors.push(actor);
      else if (existing.role === "PARTY" && actor.role !== "PARTY") existing.role = actor.role;
    }
  }
  // Keep the report's order.
  return merged.sort(
    (a, b) =>
      events.indexOf(defined(events.find((e) => e.quote === a.quote))) -
      events.indexOf(defined(events.find((e) => e.quote === b.quote))),
  );
}
