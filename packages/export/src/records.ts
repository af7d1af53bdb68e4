import type { AcledWritable, Tie } from "@parley/datasets";
import { type ActorKind, defined, type EventType, encodeGlobalId, type ParticipantRole } from "@parley/schema";
import type pg from "pg";
import { CLAIMS, EVENTS, LINKS, PARTICIPANTS, PLACES } from "./records-sql.ts";

/** A named record as exports show it: the API's global ID, the database ID's key, the name. */
export interface Ref {
  id: string;
  key: string | null;
  name: string;
}

export interface ExportPlace extends Ref {
  kind: string;
  country: string;
  lat: number | null;
  lon: number | null;
  /** The places it lies within, the nearest first. */
  within: { name: string; kind: string }[];
}

export interface ExportActor extends Ref {
  kind: ActorKind;
  country: string | null;
  /** Dataset IDs (`{ "ucdp": "356" }`). */
  externalIds: Record<string, unknown>;
}

export interface ExportClaim {
  id: string;
  key: string | null;
  quote: string;
  stance: "ASSERTS" | "DENIES";
  speaker: Ref | null;
  speakerLabel: string | null;
  note: string | null;
  source: {
    id: string;
    key: string | null;
    title: string;
    url: string | null;
    publishedAt: string | null;
    publishedPrecision: string | null;
    language: string | null;
    author: string | null;
    outlet: Ref | null;
    /** The outlets the source cites. */
    cites: Ref[];
  };
}

/**
 * An affiliation of a participant that can tell its side: with an organisation it belongs to
 * (`member`), or with a member of it taking part in the same event. Dates as precise as known.
 */
export interface ExportAffiliation extends Tie {
  actor: Ref;
  title: string;
}

/** One event with everything it rests on: what the ACLED writer reads, and the rest. */
export interface ExportEvent extends AcledWritable {
  id: string;
  outcome: string | null;
  fatalities: { low: number | null; best: number | null; high: number | null };
  contested: boolean;
  process: Ref | null;
  places: ExportPlace[];
  participants: { role: ParticipantRole; note: string | null; actor: ExportActor; affiliations: ExportAffiliation[] }[];
  claims: ExportClaim[];
  links: { kind: string; event: { id: string; key: string | null; title: string } }[];
  version: number;
  createdAt: string;
}

function groupBy<T extends { owner: number }>(rows: T[]): Map<number, T[]> {
  const out = new Map<number, T[]>();
  for (const row of rows) {
    const list = out.get(row.owner);
    if (list) list.push(row);
    else out.set(row.owner, [row]);
  }
  return out;
}

const ref = (typename: string, id: number | null, key: string | null, name: string | null): Ref | null =>
  id === null ? null : { id: encodeGlobalId(typename, id), key, name: name ?? "" };

type Row = Record<string, unknown> & { owner: number };

/**
 * The events with these IDs, in the order given, with places, participants, claims with their
 * sources, and links: six queries per batch whatever its size (records-sql.ts). IDs deleted
 * meanwhile are skipped.
 */
export async function loadExportEvents(db: pg.Pool, ids: number[]): Promise<ExportEvent[]> {
  const q = async (sql: string, params: unknown[] = [ids]) => (await db.query<Row>(sql, params)).rows;
  const [events, places, participants, claims, links] = await Promise.all([
    q(EVENTS),
    q(PLACES),
    q(PARTICIPANTS),
    q(CLAIMS),
    q(LINKS),
  ]);
  const byId = new Map(events.map((e) => [e.owner, e]));
  const [placesOf, participantsOf, claimsOf, linksOf] = [places, participants, claims, links].map(groupBy);
  const out: ExportEvent[] = [];
  for (const id of ids) {
    const e = byId.get(id);
    if (!e) continue;
    out.push({
      id: encodeGlobalId("Event", id),
      databaseId: id,
      key: e.key as string | null,
      type: e.type as EventType,
      title: e.title as string,
      summary: e.summary as string,
      startDate: e.startDate as string,
      endDate: e.endDate as string | null,
      datePrecision: e.datePrecision as string,
      outcome: e.outcome as string | null,
      fatalities: { low: e.low as number | null, best: e.best as number | null, high: e.high as number | null },
      contested: e.contested as boolean,
      process: ref(
        "Process",
        e.processId as number | null,
        e.processKey as string | null,
        e.processName as string | null,
      ),
      places: (defined(placesOf).get(id) ?? []).map((p) => ({
        id: encodeGlobalId("Place", p.id as number),
        key: p.key as string | null,
        name: p.name as string,
        kind: p.kind as string,
        country: p.country as string,
        lat: p.lat as number | null,
        lon: p.lon as number | null,
        within: p.within as ExportPlace["within"],
      })),
      participants: (defined(participantsOf).get(id) ?? []).map((p) => ({
        role: p.role as ParticipantRole,
        note: p.note as string | null,
        actor: {
          id: encodeGlobalId("Actor", p.id as number),
          key: p.key as string | null,
          name: p.name as string,
          kind: p.kind as ActorKind,
          country: p.country as string | null,
          externalIds: p.externalIds as Record<string, unknown>,
        },
        affiliations: (
          p.affiliations as (Omit<ExportAffiliation, "actor"> & { id: number; key: string | null; name: string })[]
        ).map(({ id, key, name, ...rest }) => ({
          ...rest,
          actor: defined(ref("Actor", id, key, name)),
        })),
      })),
      claims: (defined(claimsOf).get(id) ?? []).map((c) => ({
        id: encodeGlobalId("Claim", c.id as number),
        key: c.key as string | null,
        quote: c.quote as string,
        stance: c.stance as "ASSERTS" | "DENIES",
        speaker: ref(
          "Actor",
          c.speakerId as number | null,
          c.speakerKey as string | null,
          c.speakerName as string | null,
        ),
        speakerLabel: c.speakerLabel as string | null,
        note: c.note as string | null,
        source: {
          id: encodeGlobalId("Source", c.sourceId as number),
          key: c.sourceKey as string | null,
          title: c.title as string,
          url: c.url as string | null,
          publishedAt: c.publishedAt as string | null,
          publishedPrecision: c.publishedPrecision as string | null,
          language: c.language as string | null,
          author: c.author as string | null,
          outlet: ref(
            "Actor",
            c.outletId as number | null,
            c.outletKey as string | null,
            c.outletName as string | null,
          ),
          cites: (c.cites as { id: number; key: string | null; name: string }[]).map((o) =>
            defined(ref("Actor", o.id, o.key, o.name)),
          ),
        },
      })),
      links: (defined(linksOf).get(id) ?? []).map((l) => ({
        kind: l.kind as string,
        event: { id: encodeGlobalId("Event", l.id as number), key: l.key as string | null, title: l.title as string },
      })),
      version: e.version as number,
      createdAt: (e.createdAt as Date).toISOString(),
      updatedAt: (e.updatedAt as Date).toISOString(),
    });
  }
  return out;
}
