import { encodeGlobalID } from "@pothos/plugin-relay";
import type { Snapshot, Tx } from "@parley/db";

export const day = (d: Date | null): string | null => (d ? d.toISOString().slice(0, 10) : null);
export const toDate = (s: string): Date => new Date(`${s}T00:00:00Z`);
const sorted = <T>(items: T[]) => items.sort((a, b) => (JSON.stringify(a) < JSON.stringify(b) ? -1 : 1));

export const eventWithChildren = { places: true, participants: true, linksOut: true } as const;
export type EventRow = NonNullable<Awaited<ReturnType<typeof loadEvent>>>;

/**
 * One statement (the children as JSON): an event has a handful of each. Loaded one statement per
 * relation, the three would go out at once on the transaction's single connection, which pg
 * deprecates and pg@9 refuses.
 */
export function loadEvent(tx: Tx, id: number) {
  return tx.event.findUnique({ where: { id }, include: eventWithChildren, relationLoadStrategy: "join" });
}

/** An event as the revision history records it; references are global IDs, lists are sorted. */
export function eventSnapshot(e: EventRow): Snapshot {
  return {
    type: e.type,
    title: e.title,
    summary: e.summary,
    startDate: day(e.startDate),
    endDate: day(e.endDate),
    datePrecision: e.datePrecision,
    outcome: e.outcome,
    fatalitiesLow: e.fatalitiesLow,
    fatalitiesBest: e.fatalitiesBest,
    fatalitiesHigh: e.fatalitiesHigh,
    process: e.processId ? encodeGlobalID("Process", e.processId) : null,
    places: sorted(e.places.map((p) => encodeGlobalID("Place", p.placeId))),
    participants: sorted(e.participants.map((p) => ({ actor: encodeGlobalID("Actor", p.actorId), role: p.role, note: p.note }))),
    links: sorted(e.linksOut.map((l) => ({ kind: l.kind, event: encodeGlobalID("Event", l.toId) }))),
  };
}
