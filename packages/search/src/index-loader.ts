// biome-ignore-all lint/style/noNonNullAssertion: typed arrays indexed within their bounds in the counting loops; noUncheckedIndexedAccess cannot see it, and a check per element would cost every search

import type { FacetField } from "@parley/schema";
import type pg from "pg";
import { to as copyTo } from "pg-copy-streams";
import { RoaringBitmap32 } from "./bitmap.ts";
import { monthOfDay } from "./days.ts";
import { type EventFacts, FacetIndex, WEIGHTS } from "./facet-index.ts";
import { groupByCode, IntList, Pairs } from "./pairs.ts";

/** Streams `COPY (query) TO STDOUT` and hands every row to `onRow` as its text fields. */
async function copyRows(client: pg.PoolClient, query: string, onRow: (fields: string[]) => void): Promise<void> {
  const stream = client.query(copyTo(`COPY (${query}) TO STDOUT`));
  let rest = "";
  for await (const chunk of stream as AsyncIterable<Buffer>) {
    const text = rest + chunk.toString("utf8");
    const lines = text.split("\n");
    rest = lines.pop() ?? "";
    for (const line of lines) onRow(line.split("\t"));
  }
  if (rest) onRow(rest.split("\t"));
}

/** A text[] in COPY text format (`{a,b,"c d"}`, backslashes doubled by COPY) as its elements. */
export function parseTextArray(field: string): string[] {
  const text = field.includes("\\") ? field.replace(/\\(.)/g, "$1") : field;
  const body = text.slice(1, -1);
  if (!body) return [];
  if (!body.includes('"')) return body.split(",");
  const out: string[] = [];
  let i = 0;
  while (i < body.length) {
    if (body[i] === '"') {
      let value = "";
      i++;
      while (i < body.length && body[i] !== '"') {
        if (body[i] === "\\") i++;
        value += body[i++];
      }
      out.push(value);
      i += 2; // closing quote and comma
    } else {
      const end = body.indexOf(",", i);
      out.push(body.slice(i, end === -1 ? body.length : end));
      i = end === -1 ? body.length : end + 1;
    }
  }
  return out;
}

const DAY = "(%s - DATE '1970-01-01')";
const LEXEMES = (doc: string) =>
  `tsvector_to_array(ts_filter(${doc}, '{a}')) AS a, tsvector_to_array(ts_filter(${doc}, '{b}')) AS b, tsvector_to_array(ts_filter(${doc}, '{c,d}')) AS c`;

/**
 * Builds the whole index from one consistent snapshot: the caller runs this inside a REPEATABLE READ
 * transaction and follows the change log from that snapshot on.
 *
 * Memory: what is read is held as (event, value code) pairs in typed arrays (see `Pairs`) until the
 * bitmaps and the forward lists are made from them, so the build needs little more than the index
 * it makes; the text's pairs, the most numerous, are turned into bitmaps every 50,000 events.
 */
export async function loadIndex(client: pg.PoolClient): Promise<FacetIndex> {
  const index = new FacetIndex();
  const { rows: found } = await client.query<{ max: number | null }>("SELECT max(id) AS max FROM event");
  const maxId = found[0]?.max ?? 0;
  index.startDay = new Int32Array(Math.max(1024, Math.ceil(maxId * 1.25) + 1));
  index.endDay = new Int32Array(index.startDay.length);
  const all = new IntList();
  const contested = new IntList();
  const types = new Pairs<string>(),
    actors = new Pairs<number>(),
    roles = new Pairs<string>(),
    countries = new Pairs<string>(),
    places = new Pairs<number>(),
    outlets = new Pairs<number>(),
    startMonths = new Pairs<number>(),
    endMonths = new Pairs<number>();

  const figure = (text: string | undefined) => (text === undefined || text === "\\N" ? null : Number(text));
  const monthCache = new Map<number, number>();
  const month = (day: number) => {
    let m = monthCache.get(day);
    if (m === undefined) {
      m = monthOfDay(day);
      monthCache.set(day, m);
    }
    return m;
  };
  // Rows added after max(id) was read are not in this snapshot (REPEATABLE READ), so every ID fits.
  await copyRows(
    client,
    `SELECT id, type, ${DAY.replace("%s", "start_date")}, ${DAY.replace("%s", "coalesce(end_date, start_date)")}, contested, fatalities_low, fatalities_best, fatalities_high FROM event`,
    ([id, type, start, end, isContested, low, best, high]) => {
      const n = Number(id);
      if (low !== "\\N" || best !== "\\N" || high !== "\\N")
        index.fatalities.set(n, { low: figure(low), best: figure(best), high: figure(high) });
      all.push(n);
      const startDay = Number(start);
      const endDay = Number(end);
      index.startDay[n] = startDay;
      index.endDay[n] = endDay;
      startMonths.push(month(startDay), n);
      endMonths.push(month(endDay), n);
      types.push(type!, n);
      if (isContested === "t") contested.push(n);
    },
  );

  await copyRows(client, `SELECT event_id, actor_id, role FROM participant`, ([eventId, actorId, role]) => {
    const id = Number(eventId);
    actors.push(Number(actorId), id);
    roles.push(role!, id);
  });
  // Participants arrive as one actor pair and one role pair each, side by side in the two lists.
  actorRolesInto(index, actors, roles);
  await copyRows(client, `SELECT id FROM place WHERE lat IS NOT NULL AND lon IS NOT NULL`, ([placeId]) =>
    index.located.add(Number(placeId)),
  );
  await copyRows(
    client,
    `SELECT ep.event_id, ep.place_id, p.country FROM event_place ep JOIN place p ON p.id = ep.place_id`,
    ([eventId, placeId, country]) => {
      const id = Number(eventId);
      places.push(Number(placeId), id);
      countries.push(country!, id);
    },
  );
  const lexemes = { A: new Pairs<string>(), B: new Pairs<string>(), C: new Pairs<string>() };
  const lexemesInto = () => {
    for (const w of WEIGHTS) {
      lexemes[w].into(index.lexemes.built[w]);
      lexemes[w].clear();
    }
  };
  let rows = 0;
  await copyRows(
    client,
    `SELECT id, ${LEXEMES("document")} FROM event WHERE document IS NOT NULL`,
    ([eventId, a, b, c]) => {
      const id = Number(eventId);
      for (const lexeme of parseTextArray(a!)) lexemes.A.push(lexeme, id);
      for (const lexeme of parseTextArray(b!)) lexemes.B.push(lexeme, id);
      for (const lexeme of parseTextArray(c!)) lexemes.C.push(lexeme, id);
      if (++rows % 50_000 === 0) lexemesInto();
    },
  );
  lexemesInto();
  await copyRows(
    client,
    `SELECT c.event_id, s.outlet_id FROM claim c JOIN source s ON s.id = c.source_id WHERE c.event_id IS NOT NULL AND s.outlet_id IS NOT NULL`,
    ([eventId, outletId]) => outlets.push(Number(outletId), Number(eventId)),
  );

  index.all.addMany(all.toUint32Array());
  index.contested.addMany(contested.toUint32Array());
  all.clear();
  contested.clear();
  const fields = {
    TYPE: types,
    ACTOR: actors,
    ROLE: roles,
    COUNTRY: countries,
    PLACE: places,
    OUTLET: outlets,
  };
  index.forward.build({ ...fields, START_MONTH: startMonths }, maxId);
  for (const [field, pairs] of Object.entries(fields) as [FacetField, Pairs][]) {
    pairs.into(index.fields[field] as Map<string | number, RoaringBitmap32>);
    pairs.clear();
  }
  startMonths.into(index.startMonths);
  endMonths.into(index.endMonths);
  startMonths.clear();
  endMonths.clear();
  index.cross.build(index);
  index.optimize();
  return index;
}

/** Events by (actor, role) from participants read as side-by-side actor and role pairs. */
function actorRolesInto(index: FacetIndex, actors: Pairs<number>, roles: Pairs<string>) {
  const actorCount = actors.keys.length;
  // One code per (role, actor): role code × actors + actor code.
  const both = new IntList();
  const roleParts = [...roles.codes.parts()];
  let part = 0;
  for (const { values, length } of actors.codes.parts()) {
    const roleCodes = roleParts[part++]!.values;
    for (let i = 0; i < length; i++) both.push(roleCodes[i]! * actorCount + values[i]!);
  }
  const { offsets, events } = groupByCode(both, actors.events, roles.keys.length * actorCount);
  // Pairs are added in the order they first occur, as writes add them later.
  const made = new Uint8Array(roles.keys.length * actorCount);
  for (const { values, length } of both.parts())
    for (let i = 0; i < length; i++) {
      const code = values[i]!;
      if (made[code] === 1) continue;
      made[code] = 1;
      const ids = events.subarray(offsets[code]!, offsets[code + 1]!);
      const target = index.actorRoles.roleMap(roles.keys[Math.floor(code / actorCount)]!);
      const actorId = actors.keys[code % actorCount]!;
      const existing = target.get(actorId);
      if (existing) existing.addMany(ids);
      else target.set(actorId, new RoaringBitmap32(ids));
    }
}

/** The current facts of the given events; events that no longer exist are simply absent. */
export async function loadFacts(db: pg.Pool | pg.PoolClient, ids: number[]): Promise<EventFacts[]> {
  const { rows } = await db.query<{
    id: number;
    type: string;
    s: number;
    e: number;
    contested: boolean;
    low: number | null;
    best: number | null;
    high: number | null;
    actors: string[];
    places: string[];
    outlets: number[];
    a: string[];
    b: string[];
    c: string[];
  }>(
    `SELECT e.id, e.type, ${DAY.replace("%s", "e.start_date")} AS s, ${DAY.replace("%s", "coalesce(e.end_date, e.start_date)")} AS e, e.contested,
            e.fatalities_low AS low, e.fatalities_best AS best, e.fatalities_high AS high,
            array(SELECT p.actor_id || ':' || p.role FROM participant p WHERE p.event_id = e.id) AS actors,
            array(SELECT ep.place_id || ':' || pl.country || ':' || (pl.lat IS NOT NULL AND pl.lon IS NOT NULL)
                    FROM event_place ep JOIN place pl ON pl.id = ep.place_id WHERE ep.event_id = e.id) AS places,
            array(SELECT DISTINCT s.outlet_id FROM claim c JOIN source s ON s.id = c.source_id WHERE c.event_id = e.id AND s.outlet_id IS NOT NULL) AS outlets,
            ${LEXEMES("coalesce(e.document, ''::tsvector)")}
       FROM event e WHERE e.id = ANY($1::int[])`,
    [ids],
  );
  return rows.map((r) => ({
    id: r.id,
    type: r.type,
    startDay: r.s,
    endDay: r.e,
    contested: r.contested,
    participants: r.actors.map((a) => {
      const [actorId, role] = a.split(":");
      return { actorId: Number(actorId), role: role! };
    }),
    places: r.places.map((p) => {
      const [placeId, country, located] = p.split(":");
      return { placeId: Number(placeId), country: country!, located: located === "true" };
    }),
    outlets: r.outlets.map(Number),
    fatalities: { low: r.low, best: r.best, high: r.high },
    lexemes: { A: r.a, B: r.b, C: r.c },
  }));
}
