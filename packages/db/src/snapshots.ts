import { dayOf, encodeGlobalId } from "@parley/schema";
import type { Snapshot } from "./revisions.ts";

/**
 * A record as the revision history records it, one shape per entity whoever writes it (the API, the
 * data-file loader, an import, a candidate review): references are global IDs, as the API hands
 * them out; lists are sorted and hold each entry once. Each takes the row with the IDs it refers to.
 */

const gid = (typename: string, id: number | null) => (id === null ? null : encodeGlobalId(typename, id));

/** Sorted by their JSON text, each entry once: the same list in any order gives the same snapshot. */
function sortedUnique<T>(items: T[]): T[] {
  const byText = new Map(items.map((item) => [JSON.stringify(item), item]));
  return [...byText.keys()].sort().map((text) => byText.get(text) as T);
}

export interface EventSnapshotRow {
  type: string;
  title: string;
  summary: string;
  startDate: Date;
  endDate: Date | null;
  datePrecision: string;
  outcome: string | null;
  fatalitiesLow: number | null;
  fatalitiesBest: number | null;
  fatalitiesHigh: number | null;
  processId: number | null;
  places: { placeId: number }[];
  participants: { actorId: number; role: string; note: string | null }[];
  linksOut: { kind: string; toId: number }[];
}

export function eventSnapshot(e: EventSnapshotRow): Snapshot {
  return {
    type: e.type,
    title: e.title,
    summary: e.summary,
    startDate: dayOf(e.startDate),
    endDate: dayOf(e.endDate),
    datePrecision: e.datePrecision,
    outcome: e.outcome,
    fatalitiesLow: e.fatalitiesLow,
    fatalitiesBest: e.fatalitiesBest,
    fatalitiesHigh: e.fatalitiesHigh,
    process: gid("Process", e.processId),
    places: sortedUnique(e.places.map((p) => encodeGlobalId("Place", p.placeId))),
    participants: sortedUnique(
      e.participants.map((p) => ({ actor: encodeGlobalId("Actor", p.actorId), role: p.role, note: p.note })),
    ),
    links: sortedUnique(e.linksOut.map((l) => ({ kind: l.kind, event: encodeGlobalId("Event", l.toId) }))),
  };
}

export interface SourceSnapshotRow {
  title: string;
  url: string | null;
  publishedAt: Date | null;
  publishedPrecision: string | null;
  language: string | null;
  author: string | null;
  document: string | null;
  outletId: number | null;
  cites: { outletId: number }[];
}

export function sourceSnapshot(s: SourceSnapshotRow): Snapshot {
  return {
    title: s.title,
    url: s.url,
    publishedAt: dayOf(s.publishedAt),
    publishedPrecision: s.publishedPrecision,
    language: s.language,
    author: s.author,
    document: s.document,
    outlet: gid("Actor", s.outletId),
    cites: sortedUnique(s.cites.map((c) => encodeGlobalId("Actor", c.outletId))),
  };
}

export interface ClaimSnapshotRow {
  sourceId: number;
  eventId: number | null;
  actorId: number | null;
  positionId: number | null;
  quote: string;
  stance: string;
  speakerId: number | null;
  speakerLabel: string | null;
  note: string | null;
}

/** Claims about positions carry a `position` field; claims about events and actors have none. */
export function claimSnapshot(c: ClaimSnapshotRow): Snapshot {
  return {
    source: gid("Source", c.sourceId),
    event: gid("Event", c.eventId),
    actor: gid("Actor", c.actorId),
    ...(c.positionId === null ? {} : { position: gid("Position", c.positionId) }),
    quote: c.quote,
    stance: c.stance,
    speaker: gid("Actor", c.speakerId),
    speakerLabel: c.speakerLabel,
    note: c.note,
  };
}

export interface PositionSnapshotRow {
  actorId: number;
  kind: string;
  issue: string;
  summary: string;
  startDate: Date;
  endDate: Date | null;
  datePrecision: string;
  processId: number | null;
  eventId: number | null;
  respondsToId: number | null;
  supersedesId: number | null;
}

export function positionSnapshot(p: PositionSnapshotRow): Snapshot {
  return {
    holder: gid("Actor", p.actorId),
    kind: p.kind,
    issue: p.issue,
    summary: p.summary,
    startDate: dayOf(p.startDate),
    endDate: dayOf(p.endDate),
    datePrecision: p.datePrecision,
    process: gid("Process", p.processId),
    event: gid("Event", p.eventId),
    respondsTo: gid("Position", p.respondsToId),
    supersedes: gid("Position", p.supersedesId),
  };
}

export interface PlaceSnapshotRow {
  name: string;
  kind: string;
  country: string;
  lat: number | null;
  lon: number | null;
  parentId: number | null;
}

export function placeSnapshot(p: PlaceSnapshotRow): Snapshot {
  return { name: p.name, kind: p.kind, country: p.country, lat: p.lat, lon: p.lon, within: gid("Place", p.parentId) };
}

export interface ProcessSnapshotRow {
  name: string;
  description: string | null;
  startDate: Date | null;
  startPrecision: string | null;
  endDate: Date | null;
  endPrecision: string | null;
}

export function processSnapshot(p: ProcessSnapshotRow): Snapshot {
  return {
    name: p.name,
    description: p.description,
    startDate: dayOf(p.startDate),
    startPrecision: p.startPrecision,
    endDate: dayOf(p.endDate),
    endPrecision: p.endPrecision,
  };
}

export interface ActorSnapshotRow {
  name: string;
  kind: string;
  description: string | null;
  country: string | null;
  externalIds: unknown;
  aliases: { name: string; kind: string }[];
  affiliations: {
    title: string;
    organisation: { key: string | null } | null;
    startDate: Date | null;
    startPrecision: string | null;
    endDate: Date | null;
    endPrecision: string | null;
  }[];
}

/** Aliases as `KIND:name`; affiliations as `organisation key|title|start|precision|end|precision`. */
export function actorSnapshot(a: ActorSnapshotRow): Snapshot {
  return {
    name: a.name,
    kind: a.kind,
    description: a.description,
    country: a.country,
    externalIds: a.externalIds ?? {},
    aliases: sortedUnique(a.aliases.map((x) => `${x.kind}:${x.name}`)),
    affiliations: sortedUnique(
      a.affiliations.map((f) =>
        [
          f.organisation?.key ?? "",
          f.title,
          dayOf(f.startDate) ?? "",
          f.startPrecision ?? "",
          dayOf(f.endDate) ?? "",
          f.endPrecision ?? "",
        ].join("|"),
      ),
    ),
  };
}
