import { defined, normalizeName } from "@parley/schema";
import type { EventCandidate } from "./candidates.ts";

const placeKey = (e: EventCandidate) => (e.place ? `${e.place.country}:${normalizeName(e.place.name)}` : null);
const fits = (a: EventCandidate, b: EventCandidate) => {
  if (a.type !== b.type) return false;
  if (a.date !== null && b.date !== null && (a.date !== b.date || a.precision !== b.precision)) return false;
  const [pa, pb] = [placeKey(a), placeKey(b)];
  return pa === null || pb === null || pa === pb;
};

/**
 * One candidate per event: a report names the same talks in its headline and in several sentences.
 * Candidates of one type merge when their dates agree (or one has none) and their places agree (or
 * one has none); the merged candidate keeps the first sentence as its quote, the first date and
 * place given, and every actor with the most telling role read for it.
 */
export function mergeEvents(events: EventCandidate[]): EventCandidate[] {
  const merged: EventCandidate[] = [];
  // Dated candidates first, so that undated mentions join the event they speak of.
  for (const e of [...events.filter((x) => x.date !== null), ...events.filter((x) => x.date === null)]) {
    const into = merged.find((m) => fits(m, e));
    if (!into) {
      merged.push({ ...e, actors: [...e.actors], quotes: [...e.quotes] });
      continue;
    }
    into.place ??= e.place;
    into.quotes = [...new Set([...into.quotes, ...e.quotes])];
    if (into.date === null && e.date !== null)
      Object.assign(into, { date: e.date, precision: e.precision, endDate: e.endDate });
    if (into.unresolvedDate === undefined && e.unresolvedDate !== undefined) into.unresolvedDate = e.unresolvedDate;
    for (const actor of e.actors) {
      const key = actor.actorId !== null ? `id:${actor.actorId}` : normalizeName(actor.name);
      const existing = into.actors.find(
        (a) => (a.actorId !== null ? `id:${a.actorId}` : normalizeName(a.name)) === key,
      );
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
