import type pg from "pg";
import { RoaringBitmap32 } from "./bitmap.ts";
import { to as copyTo } from "pg-copy-streams";
import { FacetIndex, type EventFacts, type FacetKey } from "./facet-index.ts";
import { monthOfDay } from "./days.ts";

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

class Lists {
  readonly map = new Map<FacetKey, number[]>();
  push(key: FacetKey, id: number) {
    const list = this.map.get(key);
    if (list) list.push(id);
    else this.map.set(key, [id]);
  }
  into(target: Map<FacetKey, RoaringBitmap32> | Map<number, RoaringBitmap32>) {
    const t = target as Map<FacetKey, RoaringBitmap32>;
    for (const [key, ids] of this.map) t.set(key, new RoaringBitmap32(Uint32Array.from(ids)));
  }
}

const DAY = "(%s - DATE '1970-01-01')";

/**
 * Builds the whole index from one consistent snapshot: the caller runs this inside a REPEATABLE READ
 * transaction and follows the change log from that snapshot on.
 */
export async function loadIndex(client: pg.PoolClient): Promise<FacetIndex> {
  const index = new FacetIndex();
  const all: number[] = [];
  const contested: number[] = [];
  const types = new Lists(), actors = new Lists(), roles = new Lists(), countries = new Lists(), places = new Lists(), outlets = new Lists();
  const startMonths = new Lists(), endMonths = new Lists();
  let maxId = 0;
  const starts: number[] = [];
  const ends: number[] = [];

  await copyRows(
    client,
    `SELECT id, type, ${DAY.replace("%s", "start_date")}, ${DAY.replace("%s", "coalesce(end_date, start_date)")}, contested FROM event`,
    ([id, type, start, end, isContested]) => {
      const n = Number(id);
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
    if (m === undefined) monthCache.set(day, (m = monthOfDay(day)));
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

  await copyRows(client, `SELECT event_id, actor_id, role FROM participant`, ([eventId, actorId, role]) => {
    const id = Number(eventId);
    actors.push(Number(actorId), id);
    roles.push(role!, id);
  });
  await copyRows(client, `SELECT ep.event_id, ep.place_id, p.country FROM event_place ep JOIN place p ON p.id = ep.place_id`, ([eventId, placeId, country]) => {
    const id = Number(eventId);
    places.push(Number(placeId), id);
    countries.push(country!, id);
  });
  await copyRows(
    client,
    `SELECT c.event_id, s.outlet_id FROM claim c JOIN source s ON s.id = c.source_id WHERE c.event_id IS NOT NULL AND s.outlet_id IS NOT NULL`,
    ([eventId, outletId]) => outlets.push(Number(outletId), Number(eventId)),
  );

  index.all.addMany(Uint32Array.from(all));
  index.contested.addMany(Uint32Array.from(contested));
  types.into(index.fields.TYPE);
  actors.into(index.fields.ACTOR);
  roles.into(index.fields.ROLE);
  countries.into(index.fields.COUNTRY);
  places.into(index.fields.PLACE);
  outlets.into(index.fields.OUTLET);
  startMonths.into(index.startMonths);
  endMonths.into(index.endMonths);
  index.optimize();
  return index;
}

/** The current facts of the given events; events that no longer exist are simply absent. */
export async function loadFacts(db: pg.Pool | pg.PoolClient, ids: number[]): Promise<EventFacts[]> {
  const { rows } = await db.query<{ id: number; type: string; s: number; e: number; contested: boolean; actors: string[]; places: string[]; outlets: number[] }>(
    `SELECT e.id, e.type, ${DAY.replace("%s", "e.start_date")} AS s, ${DAY.replace("%s", "coalesce(e.end_date, e.start_date)")} AS e, e.contested,
            array(SELECT p.actor_id || ':' || p.role FROM participant p WHERE p.event_id = e.id) AS actors,
            array(SELECT ep.place_id || ':' || pl.country FROM event_place ep JOIN place pl ON pl.id = ep.place_id WHERE ep.event_id = e.id) AS places,
            array(SELECT DISTINCT s.outlet_id FROM claim c JOIN source s ON s.id = c.source_id WHERE c.event_id = e.id AND s.outlet_id IS NOT NULL) AS outlets
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
      const [placeId, country] = p.split(":");
      return { placeId: Number(placeId), country: country! };
    }),
    outlets: r.outlets.map(Number),
  }));
}
