import {
  type ClaimSnapshotRow,
  claimSnapshot,
  diffSnapshots,
  type EventSnapshotRow,
  eventSnapshot,
  type Snapshot,
} from "@parley/db";
import { dateOfDay, defined } from "@parley/schema";
import { eventNames, LOG_CHANGES, REFRESH_CONTESTED, REFRESH_DOCUMENTS } from "./documents.ts";
import type { RevisionLog } from "./revision-log.ts";
import type { BatchResult, ClaimInput, EventInput, RecordTally, Staging } from "./types.ts";

export interface Resolved {
  actors: Map<string, { id: number }>;
  places: Map<string, number>;
  sources: Map<string, number>;
}

type Tallies = { event: RecordTally; claim: RecordTally };

type Participant = EventSnapshotRow["participants"][number];

interface StoredEvent extends Omit<EventSnapshotRow, "places" | "startDate" | "endDate"> {
  id: number;
  startDate: string;
  endDate: string | null;
  key: string;
  version: number;
  places: number[];
}

type ClaimRow = ClaimSnapshotRow;

interface StoredClaim {
  id: number;
  key: string;
  eventId: number;
  version: number;
  row: ClaimRow;
}

const sameParticipants = (a: Participant[], b: Participant[]) => {
  const set = (list: Participant[]) => JSON.stringify([...new Set(list.map((p) => `${p.actorId}|${p.role}`))].sort());
  return set(a) === set(b);
};

/**
 * The event row an import makes of a dataset row, given the stored one: the fields it owns from the
 * file; participants with their notes as stored while the same actors take part in the same roles;
 * what is no dataset's (outcome, process, links) left out of both sides, as the import never writes it.
 */
function importedRow(e: EventInput, r: Resolved, stored: StoredEvent | undefined): EventSnapshotRow {
  const participants = e.participants.map((p) => ({
    actorId: defined(r.actors.get(p.actor.key)).id,
    role: p.role,
    note: null,
  }));
  return {
    type: e.type,
    title: e.title,
    summary: e.summary,
    startDate: dateOfDay(e.startDate),
    endDate: dateOfDay(e.endDate),
    datePrecision: e.datePrecision,
    outcome: null,
    fatalitiesLow: e.fatalitiesLow,
    fatalitiesBest: e.fatalitiesBest,
    fatalitiesHigh: e.fatalitiesHigh,
    processId: null,
    places: e.places.map((p) => ({ placeId: defined(r.places.get(p.key)) })),
    participants: stored && sameParticipants(stored.participants, participants) ? stored.participants : participants,
    linksOut: [],
  };
}

const sameSet = (a: number[], b: number[]) => {
  const set = new Set(a);
  return new Set(b).size === set.size && b.every((x) => set.has(x));
};

/**
 * True when the row states exactly what is stored, so that the snapshots of both (and their diff,
 * most of the time a re-import spends per row) need not be built. Any doubt answers false and
 * leaves the decision to the diff.
 */
function unchanged(e: EventInput, r: Resolved, stored: StoredEvent): boolean {
  return (
    e.type === stored.type &&
    e.title === stored.title &&
    e.summary === stored.summary &&
    e.startDate === stored.startDate &&
    e.endDate === stored.endDate &&
    e.datePrecision === stored.datePrecision &&
    e.fatalitiesLow === stored.fatalitiesLow &&
    e.fatalitiesBest === stored.fatalitiesBest &&
    e.fatalitiesHigh === stored.fatalitiesHigh &&
    sameSet(
      e.places.map((p) => defined(r.places.get(p.key))),
      stored.places,
    ) &&
    sameParticipants(
      stored.participants,
      e.participants.map((p) => ({ actorId: defined(r.actors.get(p.actor.key)).id, role: p.role, note: null })),
    )
  );
}

const storedRow = ({ places, startDate, endDate, ...stored }: StoredEvent): EventSnapshotRow => ({
  ...stored,
  startDate: defined(dateOfDay(startDate)),
  endDate: dateOfDay(endDate),
  places: places.map((placeId) => ({ placeId })),
});

/** A claim as an import states it: what the import does not write (the speaker) as stored. */
function claimOf(c: ClaimInput, sourceId: number, eventId: number, stored: ClaimRow | undefined): Snapshot {
  const { actorId = null, positionId = null, speakerId = null } = stored ?? {};
  return claimSnapshot({
    sourceId,
    eventId,
    actorId,
    positionId,
    quote: c.quote,
    stance: "ASSERTS",
    speakerId,
    speakerLabel: c.speakerLabel,
    note: c.note,
  });
}

/** True when a claim states what is stored (what the import writes of it), so that no diff is needed. */
const sameClaim = (c: ClaimInput, sourceId: number, eventId: number, stored: ClaimRow) =>
  stored.sourceId === sourceId &&
  stored.eventId === eventId &&
  stored.quote === c.quote &&
  stored.stance === "ASSERTS" &&
  stored.speakerLabel === c.speakerLabel &&
  stored.note === c.note;

/** The stored events of the staged keys, with their places and participants. */
async function storedEvents(w: Staging): Promise<Map<string, StoredEvent>> {
  const rows = await w.sql<StoredEvent>(
    // Joins and GROUP BY rather than correlated subqueries: right after a big first import the
    // tables have no statistics yet, and the planner would scan them once per event. The event IDs
    // as an array, so that places and participants are read through their indexes: with IN (…) the
    // planner hashed the batch's events and scanned both tables whole, once per batch.
    `WITH e AS (SELECT e.* FROM event e JOIN import_event USING (key)),
          pl AS (SELECT ep.event_id, array_agg(ep.place_id) AS ids FROM event_place ep
                  WHERE ep.event_id = ANY(ARRAY(SELECT id FROM e)) GROUP BY ep.event_id),
          pa AS (SELECT x.event_id, json_agg(json_build_object('actorId', x.actor_id, 'role', x.role, 'note', x.note)) AS list
                   FROM participant x WHERE x.event_id = ANY(ARRAY(SELECT id FROM e)) GROUP BY x.event_id)
     SELECT e.id, e.key, e.version, e.type::text AS type, e.title, e.summary, e.start_date::text AS "startDate", e.end_date::text AS "endDate",
            e.date_precision::text AS "datePrecision", NULL AS outcome, e.fatalities_low AS "fatalitiesLow", e.fatalities_best AS "fatalitiesBest",
            e.fatalities_high AS "fatalitiesHigh", NULL::int AS "processId", coalesce(pl.ids, '{}') AS places, coalesce(pa.list, '[]') AS participants,
            '[]'::json AS "linksOut"
       FROM e LEFT JOIN pl ON pl.event_id = e.id LEFT JOIN pa ON pa.event_id = e.id`,
  );
  return new Map(rows.map((r) => [r.key, r]));
}

async function storedClaims(w: Staging, eventIds: number[]): Promise<StoredClaim[]> {
  if (eventIds.length === 0) return [];
  return w.sql<StoredClaim>(
    `SELECT c.id, c.key, c.event_id AS "eventId", c.version,
            json_build_object('sourceId', c.source_id, 'eventId', c.event_id, 'actorId', c.actor_id, 'positionId', c.position_id,
              'quote', c.quote, 'stance', c.stance, 'speakerId', c.speaker_id, 'speakerLabel', c.speaker_label, 'note', c.note) AS row
       FROM claim c WHERE c.event_id = ANY($1::int[]) AND c.key IS NOT NULL`,
    [eventIds],
  );
}

const EVENT_COLUMNS = `type, title, summary, start_date, end_date, date_precision, fatalities_low, fatalities_best, fatalities_high`;

const CASTS = `u.type::"EventType", u.title, u.summary, u.start_date, u.end_date, u.date_precision::"DatePrecision", u.fatalities_low, u.fatalities_best, u.fatalities_high`;

/**
 * Creates new events, updates those whose imported fields changed (version + 1), leaves the rest
 * alone, and brings their participants, places and claims in line with the file.
 */
export async function writeEvents(
  w: Staging,
  events: EventInput[],
  r: Resolved,
  log: RevisionLog,
  tallies: Tallies,
): Promise<BatchResult> {
  await w.stage(
    `import_event (key, ${EVENT_COLUMNS})`,
    events.map((e) => [
      e.key,
      e.type,
      e.title,
      e.summary,
      e.startDate,
      e.endDate,
      e.datePrecision,
      e.fatalitiesLow,
      e.fatalitiesBest,
      e.fatalitiesHigh,
    ]),
  );
  const stored = await storedEvents(w);
  const fresh = events.filter((e) => !stored.has(e.key));
  const changed: { event: EventInput; before: StoredEvent; changes: Record<string, [unknown, unknown]> }[] = [];
  const ids = new Map<string, number>([...stored.values()].map((s) => [s.key, s.id]));

  for (const e of events) {
    const before = stored.get(e.key);
    if (!before || unchanged(e, r, before)) continue;
    const changes = diffSnapshots(eventSnapshot(storedRow(before)), eventSnapshot(importedRow(e, r, before)));
    if (Object.keys(changes).length > 0) changed.push({ event: e, before, changes });
  }

  if (fresh.length > 0) {
    // IDs drawn first, so that participants and places are staged before their events exist and
    // each new event is written once, with its search document.
    const drawn = await w.sql<{ id: number }>(
      `SELECT nextval(pg_get_serial_sequence('event', 'id'))::int AS id FROM generate_series(1, $1)`,
      [fresh.length],
    );
    for (const [i, e] of fresh.entries()) ids.set(e.key, defined(drawn[i]).id);
  }
  await stageLinks(w, fresh, changed, ids, r);
  if (fresh.length > 0) {
    const freshIds = fresh.map((e) => defined(ids.get(e.key)));
    await w.sql(
      `${eventNames("import_participant", "import_event_place")}
       INSERT INTO event (id, key, ${EVENT_COLUMNS}, document, updated_at)
       SELECT x.id, u.key, ${CASTS}, parley_event_document(u.title, u.summary, names.actor_names, names.place_names), now()
         FROM unnest($1::int[], $2::text[]) AS x(id, key) JOIN import_event u USING (key) JOIN names ON names.event_id = x.id
        ORDER BY x.id`,
      [freshIds, fresh.map((e) => e.key)],
    );
    for (const e of fresh)
      log.add("Event", defined(ids.get(e.key)), "CREATE", 1, eventSnapshot(importedRow(e, r, undefined)));
    tallies.event.created += fresh.length;
  }
  if (changed.length > 0) {
    await w.sql(
      `UPDATE event e SET (${EVENT_COLUMNS}) = (${CASTS}), version = e.version + 1, updated_at = now()
         FROM import_event u WHERE e.key = u.key AND e.id = ANY($1::int[])`,
      [changed.map((c) => c.before.id)],
    );
    for (const c of changed) log.add("Event", c.before.id, "UPDATE", c.before.version + 1, c.changes);
    tallies.event.updated += changed.length;
  }

  await writeLinks(w, fresh, changed, ids);
  if (changed.length > 0) await w.sql(REFRESH_DOCUMENTS, [changed.map((c) => c.before.id)]);
  const claimChanges = await writeClaims(w, events, new Set(stored.keys()), ids, r, log, tallies.claim);
  const touched = [...new Set([...fresh.map((e) => e.key), ...claimChanges])].map((k) => defined(ids.get(k)));
  if (touched.length > 0) await w.sql(REFRESH_CONTESTED, [touched]);
  const { participants, places } = relinked(fresh, changed);
  const logged = new Set([...participants, ...places].map((e) => e.key).concat([...claimChanges]));
  if (logged.size > 0) await w.sql(LOG_CHANGES, [[...logged].map((k) => defined(ids.get(k)))]);
  const updated = new Set([...changed.map((c) => c.event.key), ...[...claimChanges].filter((k) => stored.has(k))]);
  return { created: fresh.length, updated: updated.size, unchanged: events.length - fresh.length - updated.size };
}

type Changed = { event: EventInput; changes: Record<string, unknown> };

/** The events whose participants, and those whose places, are written anew: new ones and changed lists. */
const relinked = (fresh: EventInput[], changed: Changed[]) => ({
  participants: [...fresh, ...changed.filter((c) => c.changes.participants).map((c) => c.event)],
  places: [...fresh, ...changed.filter((c) => c.changes.places).map((c) => c.event)],
});

/** Stages the participants and places of new events and of changed events whose lists changed. */
async function stageLinks(w: Staging, fresh: EventInput[], changed: Changed[], ids: Map<string, number>, r: Resolved) {
  const { participants, places } = relinked(fresh, changed);
  if (participants.length > 0)
    await w.stage(
      "import_participant (event_id, actor_id, role, ord, event_start_date)",
      participants.flatMap((e) =>
        e.participants.map((p, i) => [
          defined(ids.get(e.key)),
          defined(r.actors.get(p.actor.key)).id,
          p.role,
          i,
          e.startDate,
        ]),
      ),
    );
  if (places.length > 0)
    await w.stage(
      "import_event_place (event_id, place_id, ord)",
      places.flatMap((e) => e.places.map((p, i) => [defined(ids.get(e.key)), defined(r.places.get(p.key)), i])),
    );
}

/** Writes the staged participants and places, replacing those of changed events. */
async function writeLinks(w: Staging, fresh: EventInput[], changed: Changed[], ids: Map<string, number>) {
  const { participants, places } = relinked(fresh, changed);
  const isFresh = new Set(fresh);
  const redo = (list: EventInput[]) => list.filter((e) => !isFresh.has(e)).map((e) => defined(ids.get(e.key)));
  if (participants.length > 0) {
    const again = redo(participants);
    if (again.length > 0) await w.sql(`DELETE FROM participant WHERE event_id = ANY($1::int[])`, [again]);
    await w.sql(
      // In the row's order (readers list participants by ID: sides, roles), each once, with the
      // event's date (the transaction defers the trigger that would look it up row by row).
      `INSERT INTO participant (event_id, actor_id, role, event_start_date)
       SELECT event_id, actor_id, role::"ParticipantRole", event_start_date FROM (
         SELECT DISTINCT ON (event_id, actor_id, role) event_id, actor_id, role, ord, event_start_date FROM import_participant
         ORDER BY event_id, actor_id, role, ord) d
       ORDER BY event_id, ord
       ON CONFLICT (event_id, actor_id, role) DO NOTHING`,
    );
  }
  if (places.length > 0) {
    const again = redo(places);
    if (again.length > 0) await w.sql(`DELETE FROM event_place WHERE event_id = ANY($1::int[])`, [again]);
    await w.sql(
      `INSERT INTO event_place (event_id, place_id)
       SELECT event_id, place_id FROM (
         SELECT DISTINCT ON (event_id, place_id) event_id, place_id, ord FROM import_event_place
         ORDER BY event_id, place_id, ord) d
       ORDER BY event_id, ord
       ON CONFLICT DO NOTHING`,
    );
  }
}

/** Claims of the batch's events: new ones created, changed ones updated, those the file no longer states deleted. Returns the keys of events whose claims changed. */
async function writeClaims(
  w: Staging,
  events: EventInput[],
  existing: Set<string>,
  ids: Map<string, number>,
  r: Resolved,
  log: RevisionLog,
  tally: RecordTally,
): Promise<Set<string>> {
  const stored = new Map(
    (
      await storedClaims(
        w,
        events.filter((e) => existing.has(e.key)).map((e) => defined(ids.get(e.key))),
      )
    ).map((c) => [c.key, c]),
  );
  const sourceOf = (c: ClaimInput) => defined(r.sources.get(c.source.key));
  const touched = new Set<string>();
  const add: { claim: ClaimInput; event: EventInput }[] = [];
  const update: {
    claim: ClaimInput;
    event: EventInput;
    before: StoredClaim;
    changes: Record<string, [unknown, unknown]>;
  }[] = [];
  const keep = new Set<string>();
  for (const event of events) {
    for (const claim of event.claims) {
      if (keep.has(claim.key)) continue;
      keep.add(claim.key);
      const before = stored.get(claim.key);
      if (!before) add.push({ claim, event });
      else if (!sameClaim(claim, sourceOf(claim), defined(ids.get(event.key)), before.row)) {
        const changes = diffSnapshots(
          claimSnapshot(before.row),
          claimOf(claim, sourceOf(claim), defined(ids.get(event.key)), before.row),
        );
        if (Object.keys(changes).length > 0) update.push({ claim, event, before, changes });
      }
    }
  }
  const owned = new Set(events.map((e) => `${e.key}/`));
  const stale = [...stored.values()].filter(
    (c) => !keep.has(c.key) && owned.has(c.key.slice(0, c.key.indexOf("/") + 1)),
  );

  // Each claim with its place in the file, so that new claims are numbered in the file's order.
  let ord = 0;
  const staged = (list: { claim: ClaimInput; event: EventInput; before?: StoredClaim }[]) =>
    list.map((x) => [
      x.before?.id ?? null,
      x.claim.key,
      sourceOf(x.claim),
      defined(ids.get(x.event.key)),
      x.claim.quote,
      x.claim.speakerLabel,
      x.claim.note,
      ord++,
    ]);
  if (add.length + update.length > 0)
    await w.stage("import_claim (id, key, source_id, event_id, quote, speaker_label, note, ord)", [
      ...staged(add),
      ...staged(update),
    ]);
  if (add.length > 0) {
    const rows = await w.sql<{ id: number; key: string }>(
      `INSERT INTO claim (key, source_id, event_id, quote, speaker_label, note, updated_at)
       SELECT key, source_id, event_id, quote, speaker_label, note, now() FROM import_claim WHERE id IS NULL ORDER BY ord RETURNING id, key`,
    );
    const claimIds = new Map(rows.map((row) => [row.key, row.id]));
    for (const x of add)
      log.add(
        "Claim",
        defined(claimIds.get(x.claim.key)),
        "CREATE",
        1,
        claimOf(x.claim, sourceOf(x.claim), defined(ids.get(x.event.key)), undefined),
      );
  }
  if (update.length > 0) {
    await w.sql(
      `UPDATE claim c SET source_id = u.source_id, event_id = u.event_id, quote = u.quote, speaker_label = u.speaker_label,
              note = u.note, version = c.version + 1, updated_at = now()
         FROM import_claim u WHERE c.id = u.id`,
    );
    for (const x of update) log.add("Claim", x.before.id, "UPDATE", x.before.version + 1, x.changes);
  }
  if (stale.length > 0) {
    await w.sql(`DELETE FROM claim WHERE id = ANY($1::int[])`, [stale.map((c) => c.id)]);
    for (const c of stale) log.add("Claim", c.id, "DELETE", c.version, claimSnapshot(c.row));
  }
  const keyOf = new Map([...ids].map(([key, id]) => [id, key]));
  for (const x of [...add, ...update]) touched.add(x.event.key);
  for (const c of stale) touched.add(defined(keyOf.get(c.eventId)));
  tally.created += add.length;
  tally.updated += update.length;
  tally.deleted += stale.length;
  return touched;
}
