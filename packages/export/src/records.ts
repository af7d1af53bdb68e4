import type pg from "pg";
import type { AcledWritable } from "@parley/db";
import { encodeGlobalId, type ActorKind, type EventType, type ParticipantRole } from "@parley/schema";

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

/** One event with everything it rests on: what the ACLED writer reads, and the rest. */
export interface ExportEvent extends AcledWritable {
  id: string;
  outcome: string | null;
  fatalities: { low: number | null; best: number | null; high: number | null };
  contested: boolean;
  process: Ref | null;
  places: ExportPlace[];
  participants: { role: ParticipantRole; note: string | null; actor: ExportActor }[];
  claims: ExportClaim[];
  links: { kind: string; event: { id: string; key: string | null; title: string } }[];
  version: number;
  createdAt: string;
}

const DAY = (column: string) => `to_char(${column}, 'YYYY-MM-DD')`;

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
 * sources, and links: six queries per batch whatever its size. IDs deleted meanwhile are skipped.
 */
export async function loadExportEvents(db: pg.Pool, ids: number[]): Promise<ExportEvent[]> {
  const q = async (sql: string, params: unknown[] = [ids]) => (await db.query<Row>(sql, params)).rows;
  const [events, places, participants, claims, links] = await Promise.all([
    q(`SELECT e.id AS owner, e.key, e.type, e.title, e.summary, ${DAY("e.start_date")} AS "startDate", ${DAY("e.end_date")} AS "endDate",
              e.date_precision AS "datePrecision", e.outcome, e.fatalities_low AS low, e.fatalities_best AS best, e.fatalities_high AS high,
              e.contested, e.version, e.created_at AS "createdAt", e.updated_at AS "updatedAt", p.id AS "processId", p.key AS "processKey", p.name AS "processName"
         FROM event e LEFT JOIN process p ON p.id = e.process_id WHERE e.id = ANY($1::int[])`),
    q(`SELECT ep.event_id AS owner, p.id, p.key, p.name, p.kind, p.country, p.lat, p.lon
         FROM event_place ep JOIN place p ON p.id = ep.place_id WHERE ep.event_id = ANY($1::int[]) ORDER BY ep.event_id, p.id`),
    q(`SELECT pa.event_id AS owner, pa.role, pa.note, a.id, a.key, a.name, a.kind, a.country, a.external_ids AS "externalIds"
         FROM participant pa JOIN actor a ON a.id = pa.actor_id WHERE pa.event_id = ANY($1::int[]) ORDER BY pa.event_id, pa.id`),
    q(`SELECT c.event_id AS owner, c.id, c.key, c.quote, c.stance, c.speaker_label AS "speakerLabel", c.note,
              sp.id AS "speakerId", sp.key AS "speakerKey", sp.name AS "speakerName",
              s.id AS "sourceId", s.key AS "sourceKey", s.title, s.url, ${DAY("s.published_at")} AS "publishedAt", s.published_precision AS "publishedPrecision",
              s.language, s.author, o.id AS "outletId", o.key AS "outletKey", o.name AS "outletName",
              coalesce((SELECT json_agg(json_build_object('id', ca.id, 'key', ca.key, 'name', ca.name) ORDER BY ca.id)
                          FROM source_citation sc JOIN actor ca ON ca.id = sc.outlet_id WHERE sc.source_id = s.id), '[]') AS cites
         FROM claim c JOIN source s ON s.id = c.source_id LEFT JOIN actor o ON o.id = s.outlet_id LEFT JOIN actor sp ON sp.id = c.speaker_id
        WHERE c.event_id = ANY($1::int[]) ORDER BY c.event_id, c.id`),
    q(`SELECT l.from_id AS owner, l.kind, t.id, t.key, t.title FROM event_link l JOIN event t ON t.id = l.to_id
        WHERE l.from_id = ANY($1::int[]) ORDER BY l.from_id, l.kind, t.id`),
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
      process: ref("Process", e.processId as number | null, e.processKey as string | null, e.processName as string | null),
      places: (placesOf!.get(id) ?? []).map((p) => ({
        id: encodeGlobalId("Place", p.id as number), key: p.key as string | null, name: p.name as string, kind: p.kind as string,
        country: p.country as string, lat: p.lat as number | null, lon: p.lon as number | null,
      })),
      participants: (participantsOf!.get(id) ?? []).map((p) => ({
        role: p.role as ParticipantRole,
        note: p.note as string | null,
        actor: {
          id: encodeGlobalId("Actor", p.id as number), key: p.key as string | null, name: p.name as string, kind: p.kind as ActorKind,
          country: p.country as string | null, externalIds: p.externalIds as Record<string, unknown>,
        },
      })),
      claims: (claimsOf!.get(id) ?? []).map((c) => ({
        id: encodeGlobalId("Claim", c.id as number),
        key: c.key as string | null,
        quote: c.quote as string,
        stance: c.stance as "ASSERTS" | "DENIES",
        speaker: ref("Actor", c.speakerId as number | null, c.speakerKey as string | null, c.speakerName as string | null),
        speakerLabel: c.speakerLabel as string | null,
        note: c.note as string | null,
        source: {
          id: encodeGlobalId("Source", c.sourceId as number), key: c.sourceKey as string | null, title: c.title as string, url: c.url as string | null,
          publishedAt: c.publishedAt as string | null, publishedPrecision: c.publishedPrecision as string | null,
          language: c.language as string | null, author: c.author as string | null,
          outlet: ref("Actor", c.outletId as number | null, c.outletKey as string | null, c.outletName as string | null),
          cites: (c.cites as { id: number; key: string | null; name: string }[]).map((o) => ref("Actor", o.id, o.key, o.name)!),
        },
      })),
      links: (linksOf!.get(id) ?? []).map((l) => ({ kind: l.kind as string, event: { id: encodeGlobalId("Event", l.id as number), key: l.key as string | null, title: l.title as string } })),
      version: e.version as number,
      createdAt: (e.createdAt as Date).toISOString(),
      updatedAt: (e.updatedAt as Date).toISOString(),
    });
  }
  return out;
}
