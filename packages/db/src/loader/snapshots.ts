import {
  normalizeName, periodEnd, type ActorRecord, type ClaimRecord, type EventRecord, type PlaceRecord,
  type PositionRecord, type ProcessRecord, type SourceRecord, type PartialDate,
} from "@parley/schema";
import type { Snapshot } from "../revisions.ts";

/** Comparable snapshots of a record as a data file states it and as the database holds it. */

export const day = (d: Date | null | undefined): string | null => (d ? d.toISOString().slice(0, 10) : null);
export const toDate = (s: string | null | undefined): Date | null => (s ? new Date(`${s}T00:00:00Z`) : null);
const sorted = (values: string[]) => [...new Set(values)].sort();

function spanEnd(end: PartialDate | undefined): string | null {
  return end ? periodEnd(end) : null;
}

export function actorFromFile(a: ActorRecord): Snapshot {
  const canonical = normalizeName(a.name);
  return {
    name: a.name,
    kind: a.kind,
    description: a.description ?? null,
    country: a.country ?? null,
    externalIds: a.externalIds ?? {},
    aliases: sorted(a.aliases.filter((x) => normalizeName(x.name) !== canonical).map((x) => `${x.kind}:${x.name}`)),
    affiliations: sorted(
      a.affiliations.map((f) =>
        [f.organisation ?? "", f.title, f.start?.date ?? "", f.start?.precision ?? "", f.end?.date ?? "", f.end?.precision ?? ""].join("|"),
      ),
    ),
  };
}

export interface ActorRow {
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

export function actorFromDb(a: ActorRow): Snapshot {
  return {
    name: a.name,
    kind: a.kind,
    description: a.description,
    country: a.country,
    externalIds: a.externalIds ?? {},
    aliases: sorted(a.aliases.map((x) => `${x.kind}:${x.name}`)),
    affiliations: sorted(
      a.affiliations.map((f) =>
        [f.organisation?.key ?? "", f.title, day(f.startDate) ?? "", f.startPrecision ?? "", day(f.endDate) ?? "", f.endPrecision ?? ""].join("|"),
      ),
    ),
  };
}

export function placeFromFile(p: PlaceRecord): Snapshot {
  return { name: p.name, kind: p.kind, country: p.country, lat: p.lat ?? null, lon: p.lon ?? null, within: p.within ?? null };
}

export function processFromFile(p: ProcessRecord): Snapshot {
  return {
    name: p.name,
    description: p.description ?? null,
    startDate: p.start?.date ?? null,
    startPrecision: p.start?.precision ?? null,
    endDate: p.end?.date ?? null,
    endPrecision: p.end?.precision ?? null,
  };
}

export function sourceFromFile(s: SourceRecord): Snapshot {
  return {
    title: s.title,
    url: s.url ?? null,
    publishedAt: s.publishedAt.date,
    publishedPrecision: s.publishedAt.precision,
    language: s.language,
    author: s.author ?? null,
    document: s.document ?? null,
    outlet: s.outlet ?? null,
    cites: sorted(s.cites),
  };
}

export function eventFromFile(e: EventRecord): Snapshot {
  const start = e.start!;
  return {
    type: e.type,
    title: e.title,
    summary: e.summary,
    startDate: start.date,
    endDate: spanEnd(e.end),
    datePrecision: e.precision ?? start.precision,
    outcome: e.outcome ?? null,
    fatalitiesLow: e.fatalities?.low ?? null,
    fatalitiesBest: e.fatalities?.best ?? null,
    fatalitiesHigh: e.fatalities?.high ?? null,
    process: e.process ?? null,
    places: sorted(e.places),
    participants: sorted(e.participants.map((p) => `${p.actor}|${p.role}|${p.note ?? ""}`)),
    links: sorted(e.links.map((l) => `${l.kind}|${l.event}`)),
  };
}

export function positionFromFile(p: PositionRecord): Snapshot {
  const start = p.start!;
  return {
    holder: p.holder,
    kind: p.kind,
    issue: p.issue,
    summary: p.summary,
    startDate: start.date,
    endDate: spanEnd(p.end),
    datePrecision: p.precision ?? start.precision,
    process: p.process ?? null,
    event: p.event ?? null,
    respondsTo: p.respondsTo ?? null,
    supersedes: p.supersedes ?? null,
  };
}

type KeyOf = { key: string | null } | null;

export interface PositionRow {
  kind: string;
  issue: string;
  summary: string;
  startDate: Date;
  endDate: Date | null;
  datePrecision: string;
  actor: KeyOf;
  process: KeyOf;
  event: KeyOf;
  respondsTo: KeyOf;
  supersedes: KeyOf;
}

export function positionFromDb(p: PositionRow): Snapshot {
  return {
    holder: p.actor?.key ?? null,
    kind: p.kind,
    issue: p.issue,
    summary: p.summary,
    startDate: day(p.startDate),
    endDate: day(p.endDate),
    datePrecision: p.datePrecision,
    process: p.process?.key ?? null,
    event: p.event?.key ?? null,
    respondsTo: p.respondsTo?.key ?? null,
    supersedes: p.supersedes?.key ?? null,
  };
}

/** Claims about positions carry a `position` field; event and actor claims keep their earlier snapshot. */
export function claimFromFile(c: ClaimRecord, source: string, target: { event?: string; actor?: string; position?: string }): Snapshot {
  return {
    source,
    event: target.event ?? null,
    actor: target.actor ?? null,
    ...(target.position ? { position: target.position } : {}),
    quote: c.quote,
    stance: c.stance,
    speaker: c.speaker ?? null,
    speakerLabel: c.speakerLabel ?? null,
    note: c.note ?? null,
  };
}

/** Scalar columns of a snapshot: everything that is not a key reference or a child list. */
export function scalars(snapshot: Snapshot, omit: string[]): Record<string, unknown> {
  return Object.fromEntries(Object.entries(snapshot).filter(([field]) => !omit.includes(field)));
}
