// biome-ignore-all lint/style/noNonNullAssertion: typed arrays indexed within their bounds in the counting loops; noUncheckedIndexedAccess cannot see it, and a check per element would cost every search
import type pg from "pg";
import { to as copyTo } from "pg-copy-streams";
import { RoaringBitmap32 } from "./bitmap.ts";
import { monthOfDay } from "./days.ts";
import { type EventFacts, FacetIndex, WEIGHTS } from "./facet-index.ts";
import type { FacetKey } from "./facet-key.ts";

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

class Lists {
  readonly map = new Map<FacetKey, number[]>();
  /** The same pairs in arrival order, for the forward index (when asked for). */
  readonly events: number[] = [];
  readonly keys: FacetKey[] = [];
  constructor(private readonly pairs = true) {}
  push(key: FacetKey, id: number) {
    if (this.pairs) {
      this.events.push(id);
      this.keys.push(key);
    }
    const list = this.map.get(key);
    if (list) list.push(id);
    else this.map.set(key, [id]);
  }
  into(target: Map<FacetKey, RoaringBitmap32> | Map<number, RoaringBitmap32> | Map<string, RoaringBitmap32>) {
    const t = target as Map<FacetKey, RoaringBitmap32>;
    for (const [key, ids] of this.map) {
      const existing = t.get(key);
      if (existing) existing.addMany(Uint32Array.from(ids));
      else t.set(key, new RoaringBitmap32(Uint32Array.from(ids)));
    }
    this.map.clear();
  }
}

const DAY = "(%s - DATE '1970-01-01')";
const LEXEMES = (doc: string) =>
  `tsvector_to_array(ts_filter(${doc}, '{a}')) AS a, tsvector_to_array(ts_filter(${doc}, '{b}')) AS b, tsvector_to_array(ts_filter(${doc}, '{c,d}')) AS c`;

/**
 * Builds the whole index from one consistent snapshot: the caller runs this inside a REPEATABLE READ
 * transaction and follows the change log from that snapshot on.
 */
export async function loadIndex(client: pg.PoolClient): Promise<FacetIndex> {
  const index = new FacetIndex();
  const all: number[] = [];
  const contested: number[] = [];
  const types = new Lists(),
    actors = new Lists(),
    roles = new Lists(),
    countries = new Lists(),
    places = new Lists(),
    outlets = new Lists();
  const startMonths = new Lists(),
    endMonths = new Lists(false);
  let maxId = 0;
  const starts: number[] = [];
  const ends: number[] = [];

  const figure = (text: string | undefined) => (text === undefined || text === "\\N" ? null : Number(text));
  await copyRows(
    client,
    `SELECT id, type, ${DAY.replace("%s", "start_date")}, ${DAY.replace("%s", "coalesce(end_date, start_date)")}, contested, fatalities_low, fatalities_best, fatalities_high FROM event`,
    ([id, type, start, end, isContested, low, best, high]) => {
      const n = Number(id);
      if (low !== "\\N" || best !== "\\N" || high !== "\\N")
        index.fatalities.set(n, { low: figure(low), best: figure(best), high: figure(high) });
      all.push(n);
      starts.push(Number(start));
      ends.push(Number(end));
      if (n > maxId) maxId = n;
      types.push(type!, n);
      if (isContested === "t") contested.push(n);
    },
  );
  const monthCache = new Map<number, number>();
  const month = (day: number) => {
    let m = monthCache.get(day);
    if (m === undefined) {
      m = monthOfDay(day);
      monthCache.set(day, m);
    }
    return m;
  };
  index.startDay = new Int32Array(Math.max(1024, Math.ceil(maxId * 1.25) + 1));
  index.endDay = new Int32Array(index.startDay.length);
  for (let i = 0; i < all.length; i++) {
    const id = all[i]!;
    index.startDay[id] = starts[i]!;
    index.endDay[id] = ends[i]!;
    startMonths.push(month(starts[i]!), id);
    endMonths.push(month(ends[i]!), id);
  }

  const actorsByRole = new Map<string, Lists>();
  await copyRows(client, `SELECT event_id, actor_id, role FROM participant`, ([eventId, actorId, role]) => {
    const id = Number(eventId);
    actors.push(Number(actorId), id);
    roles.push(role!, id);
    let inRole = actorsByRole.get(role!);
    if (!inRole) {
      inRole = new Lists(false);
      actorsByRole.set(role!, inRole);
    }
    inRole.push(Number(actorId), id);
  });
  for (const [role, lists] of actorsByRole) lists.into(index.actorRoles.roleMap(role));
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
  // Millions of (lexeme, event) pairs: turned into bitmaps every 50,000 events to bound the memory.
  const lexemes = { A: new Lists(false), B: new Lists(false), C: new Lists(false) };
  let rows = 0;
  await copyRows(
    client,
    `SELECT id, ${LEXEMES("document")} FROM event WHERE document IS NOT NULL`,
    ([eventId, a, b, c]) => {
      const id = Number(eventId);
      for (const lexeme of parseTextArray(a!)) lexemes.A.push(lexeme, id);
      for (const lexeme of parseTextArray(b!)) lexemes.B.push(lexeme, id);
      for (const lexeme of parseTextArray(c!)) lexemes.C.push(lexeme, id);
      if (++rows % 50_000 === 0) for (const w of WEIGHTS) lexemes[w].into(index.lexemes.built[w]);
    },
  );
  await copyRows(
    client,
    `SELECT c.event_id, s.outlet_id FROM claim c JOIN source s ON s.id = c.source_id WHERE c.event_id IS NOT NULL AND s.outlet_id IS NOT NULL`,
    ([eventId, outletId]) => outlets.push(Number(outletId), Number(eventId)),
  );

  index.all.addMany(Uint32Array.from(all));
  index.contested.addMany(Uint32Array.from(contested));
  index.forward.build(
    {
      TYPE: types,
      ACTOR: actors,
      ROLE: roles,
      COUNTRY: countries,
      PLACE: places,
      OUTLET: outlets,
      START_MONTH: startMonths,
    },
    maxId,
  );
  types.into(index.fields.TYPE);
  actors.into(index.fields.ACTOR);
  roles.into(index.fields.ROLE);
  countries.into(index.fields.COUNTRY);
  places.into(index.fields.PLACE);
  outlets.into(index.fields.OUTLET);
  for (const w of WEIGHTS) lexemes[w].into(index.lexemes.built[w]);
  startMonths.into(index.startMonths);
  endMonths.into(index.endMonths);
  index.cross.build(index);
  index.optimize();
  return index;
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
