import {
  type ActorRecord,
  type ClaimRecord,
  dateOfDay,
  type EventRecord,
  normalizeName,
  type PartialDate,
  type PlaceRecord,
  type PositionRecord,
  type ProcessRecord,
  periodEnd,
  type SourceRecord,
} from "@parley/schema";
import type { Snapshot } from "../revisions.ts";
import {
  actorSnapshot,
  claimSnapshot,
  eventSnapshot,
  placeSnapshot,
  positionSnapshot,
  processSnapshot,
  sourceSnapshot,
} from "../snapshots.ts";

/**
 * What a data file states of a record, as the snapshot of the row it makes: the very snapshot the
 * revision history records of the row, so that comparing the two tells what loading would change.
 */

export type Keyed = "actor" | "place" | "process" | "source" | "event" | "position";

/** The database ID of a record a data file names by its key. */
export type IdOf = (kind: Keyed, key: string) => number;

/** A claim's source and the one record it is about, by key. */
export interface ClaimTarget {
  event?: string;
  actor?: string;
  position?: string;
}

const endOf = (end: PartialDate | undefined) => dateOfDay(end ? periodEnd(end) : null);
const optional = (id: IdOf, kind: Keyed, key: string | undefined) => (key ? id(kind, key) : null);

/** A record's start: data files may leave it out only where the schema allows, never for events and positions. */
export function startOf(record: { key: string; start?: PartialDate }): PartialDate {
  if (!record.start) throw new Error(`internal: ${record.key} has no start date`);
  return record.start;
}

export function actorFromFile(a: ActorRecord): Snapshot {
  const canonical = normalizeName(a.name);
  return actorSnapshot({
    name: a.name,
    kind: a.kind,
    description: a.description ?? null,
    country: a.country ?? null,
    externalIds: a.externalIds ?? {},
    aliases: a.aliases.filter((x) => normalizeName(x.name) !== canonical),
    affiliations: a.affiliations.map((f) => ({
      title: f.title,
      organisation: f.organisation ? { key: f.organisation } : null,
      startDate: dateOfDay(f.start?.date),
      startPrecision: f.start?.precision ?? null,
      endDate: dateOfDay(f.end?.date),
      endPrecision: f.end?.precision ?? null,
    })),
  });
}

export function placeFromFile(p: PlaceRecord, id: IdOf): Snapshot {
  return placeSnapshot({
    name: p.name,
    kind: p.kind,
    country: p.country,
    lat: p.lat ?? null,
    lon: p.lon ?? null,
    parentId: optional(id, "place", p.within),
  });
}

export function processFromFile(p: ProcessRecord): Snapshot {
  return processSnapshot({
    name: p.name,
    description: p.description ?? null,
    startDate: dateOfDay(p.start?.date),
    startPrecision: p.start?.precision ?? null,
    endDate: dateOfDay(p.end?.date),
    endPrecision: p.end?.precision ?? null,
  });
}

export function sourceFromFile(s: SourceRecord, id: IdOf): Snapshot {
  return sourceSnapshot({
    title: s.title,
    url: s.url ?? null,
    publishedAt: dateOfDay(s.publishedAt.date),
    publishedPrecision: s.publishedAt.precision,
    language: s.language,
    author: s.author ?? null,
    document: s.document ?? null,
    outletId: optional(id, "actor", s.outlet),
    cites: s.cites.map((key) => ({ outletId: id("actor", key) })),
  });
}

export function eventFromFile(e: EventRecord, id: IdOf): Snapshot {
  const start = startOf(e);
  return eventSnapshot({
    type: e.type,
    title: e.title,
    summary: e.summary,
    startDate: dateOfDay(start.date),
    endDate: endOf(e.end),
    datePrecision: e.precision ?? start.precision,
    outcome: e.outcome ?? null,
    fatalitiesLow: e.fatalities?.low ?? null,
    fatalitiesBest: e.fatalities?.best ?? null,
    fatalitiesHigh: e.fatalities?.high ?? null,
    processId: optional(id, "process", e.process),
    places: e.places.map((key) => ({ placeId: id("place", key) })),
    participants: e.participants.map((p) => ({ actorId: id("actor", p.actor), role: p.role, note: p.note ?? null })),
    linksOut: e.links.map((l) => ({ kind: l.kind, toId: id("event", l.event) })),
  });
}

export function positionFromFile(p: PositionRecord, id: IdOf): Snapshot {
  const start = startOf(p);
  return positionSnapshot({
    actorId: id("actor", p.holder),
    kind: p.kind,
    issue: p.issue,
    summary: p.summary,
    startDate: dateOfDay(start.date),
    endDate: endOf(p.end),
    datePrecision: p.precision ?? start.precision,
    processId: optional(id, "process", p.process),
    eventId: optional(id, "event", p.event),
    respondsToId: optional(id, "position", p.respondsTo),
    supersedesId: optional(id, "position", p.supersedes),
  });
}

export function claimFromFile(c: ClaimRecord, source: string, target: ClaimTarget, id: IdOf): Snapshot {
  return claimSnapshot({
    sourceId: id("source", source),
    eventId: optional(id, "event", target.event),
    actorId: optional(id, "actor", target.actor),
    positionId: optional(id, "position", target.position),
    quote: c.quote,
    stance: c.stance,
    speakerId: optional(id, "actor", c.speaker),
    speakerLabel: c.speakerLabel ?? null,
    note: c.note ?? null,
  });
}

/** Scalar columns of a snapshot: everything that is not a key reference or a child list. */
export function scalars(snapshot: Snapshot, omit: string[]): Record<string, unknown> {
  return Object.fromEntries(Object.entries(snapshot).filter(([field]) => !omit.includes(field)));
}
