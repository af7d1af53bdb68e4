import type { Tx } from "@parley/db";
import { diffSnapshots, type Snapshot } from "@parley/db";
import type { RevisionLog } from "./revision-log.ts";
import type { BatchResult, ClaimInput, EventInput, RecordTally } from "./types.ts";

export interface Resolved {
  actors: Map<string, { id: number; ref: string }>;
  places: Map<string, number>;
  sources: Map<string, number>;
}

type Tallies = { event: RecordTally; claim: RecordTally };

interface StoredEvent extends Snapshot {
  id: number;
  key: string;
  version: number;
}

interface StoredClaim {
  id: number;
  key: string;
  event_id: number;
  version: number;
  snapshot: Snapshot;
}

const sorted = (values: string[]) => [...new Set(values)].sort();

/** What an import owns of an event, in the form the revision history records. */
function eventSnapshot(e: EventInput, r: Resolved): Snapshot {
  return {
    type: e.type, title: e.title, summary: e.summary, startDate: e.startDate, endDate: e.endDate, datePrecision: e.datePrecision,
    fatalitiesLow: e.fatalitiesLow, fatalitiesBest: e.fatalitiesBest, fatalitiesHigh: e.fatalitiesHigh,
    places: sorted(e.places.map((p) => p.key)),
    participants: sorted(e.participants.map((p) => `${r.actors.get(p.actor.key)!.ref}|${p.role}`)),
  };
}

const claimSnapshot = (c: ClaimInput, eventKey: string): Snapshot => ({
  source: c.source.key, event: eventKey, quote: c.quote, stance: "ASSERTS", speakerLabel: c.speakerLabel, note: c.note,
});

async function storedEvents(tx: Tx, keys: string[]): Promise<Map<string, StoredEvent>> {
  const rows = await tx.$queryRawUnsafe<StoredEvent[]>(
    // Joins and GROUP BY rather than correlated subqueries: right after a big first import the
    // tables have no statistics yet, and the planner would scan them once per event.
    `WITH e AS (SELECT * FROM event WHERE key = ANY($1::text[])),
          pl AS (SELECT ep.event_id, array_agg(coalesce(p.key, '#' || p.id)) AS keys
                   FROM event_place ep JOIN place p ON p.id = ep.place_id WHERE ep.event_id IN (SELECT id FROM e) GROUP BY ep.event_id),
          pa AS (SELECT x.event_id, array_agg(coalesce(a.key, '#' || a.id) || '|' || x.role::text) AS keys
                   FROM participant x JOIN actor a ON a.id = x.actor_id WHERE x.event_id IN (SELECT id FROM e) GROUP BY x.event_id)
     SELECT e.id, e.key, e.version, e.type::text AS type, e.title, e.summary,
            to_char(e.start_date, 'YYYY-MM-DD') AS "startDate", to_char(e.end_date, 'YYYY-MM-DD') AS "endDate",
            e.date_precision::text AS "datePrecision", e.fatalities_low AS "fatalitiesLow", e.fatalities_best AS "fatalitiesBest",
            e.fatalities_high AS "fatalitiesHigh", coalesce(pl.keys, '{}') AS places, coalesce(pa.keys, '{}') AS participants
       FROM e LEFT JOIN pl ON pl.event_id = e.id LEFT JOIN pa ON pa.event_id = e.id`,
    keys,
  );
  return new Map(rows.map((r) => [r.key, { ...r, places: sorted(r.places as string[]), participants: sorted(r.participants as string[]) }]));
}

async function storedClaims(tx: Tx, eventIds: number[]): Promise<StoredClaim[]> {
  if (eventIds.length === 0) return [];
  const rows = await tx.$queryRawUnsafe<{ id: number; key: string; event_id: number; version: number; event: string; source: string; quote: string; stance: string; speaker_label: string | null; note: string | null }[]>(
    `SELECT c.id, c.key, c.event_id, c.version, e.key AS event, s.key AS source, c.quote, c.stance::text AS stance, c.speaker_label, c.note
       FROM claim c JOIN source s ON s.id = c.source_id JOIN event e ON e.id = c.event_id
      WHERE c.event_id = ANY($1::int[]) AND c.key IS NOT NULL`,
    eventIds,
  );
  return rows.map((c) => ({
    id: c.id, key: c.key, event_id: c.event_id, version: c.version,
    snapshot: { source: c.source, event: c.event, quote: c.quote, stance: c.stance, speakerLabel: c.speaker_label, note: c.note },
  }));
}

const EVENT_COLUMNS = `type, title, summary, start_date, end_date, date_precision, fatalities_low, fatalities_best, fatalities_high`;
const EVENT_INPUT = `$2::text[], $3::text[], $4::text[], $5::date[], $6::date[], $7::text[], $8::int[], $9::int[], $10::int[]`;

function eventColumns(events: EventInput[]) {
  return [
    events.map((e) => e.type), events.map((e) => e.title), events.map((e) => e.summary), events.map((e) => e.startDate), events.map((e) => e.endDate),
    events.map((e) => e.datePrecision), events.map((e) => e.fatalitiesLow), events.map((e) => e.fatalitiesBest), events.map((e) => e.fatalitiesHigh),
  ];
}

const CASTS = `u.type::"EventType", u.title, u.summary, u.start_date, u.end_date, u.date_precision::"DatePrecision", u.fatalities_low, u.fatalities_best, u.fatalities_high`;

/**
 * Creates new events, updates those whose imported fields changed (version + 1), leaves the rest
 * alone, and brings their participants, places and claims in line with the file.
 */
export async function writeEvents(tx: Tx, events: EventInput[], r: Resolved, log: RevisionLog, tallies: Tallies): Promise<BatchResult> {
  const stored = await storedEvents(tx, events.map((e) => e.key));
  const fresh = events.filter((e) => !stored.has(e.key));
  const changed: { event: EventInput; before: StoredEvent; changes: Record<string, [unknown, unknown]> }[] = [];
  const ids = new Map<string, number>([...stored.values()].map((s) => [s.key, s.id]));

  for (const e of events) {
    const before = stored.get(e.key);
    if (!before) continue;
    const { id: _id, key: _key, version: _version, ...snapshot } = before;
    const changes = diffSnapshots(snapshot, eventSnapshot(e, r));
    if (Object.keys(changes).length > 0) changed.push({ event: e, before, changes });
  }

  if (fresh.length > 0) {
    const rows = await tx.$queryRawUnsafe<{ id: number; key: string }[]>(
      `INSERT INTO event (key, ${EVENT_COLUMNS}, updated_at)
       SELECT u.key, ${CASTS}, now() FROM unnest($1::text[], ${EVENT_INPUT}) AS u(key, ${EVENT_COLUMNS}) RETURNING id, key`,
      fresh.map((e) => e.key), ...eventColumns(fresh),
    );
    for (const row of rows) ids.set(row.key, row.id);
    for (const e of fresh) log.add("Event", ids.get(e.key)!, "CREATE", 1, eventSnapshot(e, r));
    tallies.event.created += fresh.length;
  }
  if (changed.length > 0) {
    const list = changed.map((c) => c.event);
    await tx.$executeRawUnsafe(
      `UPDATE event e SET (${EVENT_COLUMNS}) = (${CASTS}), version = e.version + 1, updated_at = now()
         FROM unnest($1::int[], ${EVENT_INPUT}) AS u(id, ${EVENT_COLUMNS}) WHERE e.id = u.id`,
      list.map((e) => ids.get(e.key)!), ...eventColumns(list),
    );
    for (const c of changed) log.add("Event", c.before.id, "UPDATE", c.before.version + 1, c.changes);
    tallies.event.updated += changed.length;
  }

  await writeLinks(tx, fresh, changed, ids, r);
  const claimChanges = await writeClaims(tx, events, new Set(stored.keys()), ids, r, log, tallies.claim);
  const updated = new Set([...changed.map((c) => c.event.key), ...[...claimChanges].filter((k) => stored.has(k))]);
  return { created: fresh.length, updated: updated.size, unchanged: events.length - fresh.length - updated.size };
}

/** Participants and places of new events, and of changed events whose lists changed. */
async function writeLinks(tx: Tx, fresh: EventInput[], changed: { event: EventInput; changes: Record<string, unknown> }[], ids: Map<string, number>, r: Resolved) {
  const participants = [...fresh, ...changed.filter((c) => c.changes.participants).map((c) => c.event)];
  const places = [...fresh, ...changed.filter((c) => c.changes.places).map((c) => c.event)];
  const isFresh = new Set(fresh);
  const redo = (list: EventInput[]) => list.filter((e) => !isFresh.has(e)).map((e) => ids.get(e.key)!);
  if (participants.length > 0) {
    const again = redo(participants);
    if (again.length > 0) await tx.$executeRawUnsafe(`DELETE FROM participant WHERE event_id = ANY($1::int[])`, again);
    const rows = participants.flatMap((e) => e.participants.map((p) => [ids.get(e.key)!, r.actors.get(p.actor.key)!.id, p.role] as const));
    await tx.$executeRawUnsafe(
      `INSERT INTO participant (event_id, actor_id, role) SELECT e, a, r::"ParticipantRole" FROM unnest($1::int[], $2::int[], $3::text[]) AS u(e, a, r)
       ON CONFLICT (event_id, actor_id, role) DO NOTHING`,
      rows.map((x) => x[0]), rows.map((x) => x[1]), rows.map((x) => x[2]),
    );
  }
  if (places.length > 0) {
    const again = redo(places);
    if (again.length > 0) await tx.$executeRawUnsafe(`DELETE FROM event_place WHERE event_id = ANY($1::int[])`, again);
    const rows = places.flatMap((e) => e.places.map((p) => [ids.get(e.key)!, r.places.get(p.key)!] as const));
    await tx.$executeRawUnsafe(
      `INSERT INTO event_place (event_id, place_id) SELECT * FROM unnest($1::int[], $2::int[]) ON CONFLICT DO NOTHING`,
      rows.map((x) => x[0]), rows.map((x) => x[1]),
    );
  }
}

/** Claims of the batch's events: new ones created, changed ones updated, those the file no longer states deleted. Returns the keys of events whose claims changed. */
async function writeClaims(
  tx: Tx, events: EventInput[], existing: Set<string>, ids: Map<string, number>, r: Resolved, log: RevisionLog, tally: RecordTally,
): Promise<Set<string>> {
  const stored = new Map((await storedClaims(tx, events.filter((e) => existing.has(e.key)).map((e) => ids.get(e.key)!))).map((c) => [c.key, c]));
  const touched = new Set<string>();
  const add: { claim: ClaimInput; event: EventInput }[] = [];
  const update: { claim: ClaimInput; event: EventInput; before: StoredClaim; changes: Record<string, [unknown, unknown]> }[] = [];
  const keep = new Set<string>();
  for (const event of events) {
    for (const claim of event.claims) {
      if (keep.has(claim.key)) continue;
      keep.add(claim.key);
      const before = stored.get(claim.key);
      if (!before) add.push({ claim, event });
      else {
        const changes = diffSnapshots(before.snapshot, claimSnapshot(claim, event.key));
        if (Object.keys(changes).length > 0) update.push({ claim, event, before, changes });
      }
    }
  }
  const owned = new Set(events.map((e) => `${e.key}/`));
  const stale = [...stored.values()].filter((c) => !keep.has(c.key) && owned.has(c.key.slice(0, c.key.indexOf("/") + 1)));

  const column = (list: { claim: ClaimInput; event: EventInput }[]) => [
    list.map((x) => r.sources.get(x.claim.source.key)!), list.map((x) => ids.get(x.event.key)!),
    list.map((x) => x.claim.quote), list.map((x) => x.claim.speakerLabel), list.map((x) => x.claim.note),
  ];
  if (add.length > 0) {
    const rows = await tx.$queryRawUnsafe<{ id: number; key: string }[]>(
      `INSERT INTO claim (key, source_id, event_id, quote, speaker_label, note, updated_at)
       SELECT *, now() FROM unnest($1::text[], $2::int[], $3::int[], $4::text[], $5::text[], $6::text[]) RETURNING id, key`,
      add.map((x) => x.claim.key), ...column(add),
    );
    const claimIds = new Map(rows.map((row) => [row.key, row.id]));
    for (const x of add) log.add("Claim", claimIds.get(x.claim.key)!, "CREATE", 1, claimSnapshot(x.claim, x.event.key));
  }
  if (update.length > 0) {
    await tx.$executeRawUnsafe(
      `UPDATE claim c SET source_id = u.s, event_id = u.e, quote = u.q, speaker_label = u.l, note = u.n, version = c.version + 1, updated_at = now()
         FROM unnest($1::int[], $2::int[], $3::int[], $4::text[], $5::text[], $6::text[]) AS u(id, s, e, q, l, n) WHERE c.id = u.id`,
      update.map((x) => x.before.id), ...column(update),
    );
    for (const x of update) log.add("Claim", x.before.id, "UPDATE", x.before.version + 1, x.changes);
  }
  if (stale.length > 0) {
    await tx.$executeRawUnsafe(`DELETE FROM claim WHERE id = ANY($1::int[])`, stale.map((c) => c.id));
    for (const c of stale) log.add("Claim", c.id, "DELETE", c.version, c.snapshot);
  }
  for (const x of [...add, ...update]) touched.add(x.event.key);
  for (const c of stale) touched.add(c.snapshot.event as string);
  tally.created += add.length;
  tally.updated += update.length;
  tally.deleted += stale.length;
  return touched;
}
