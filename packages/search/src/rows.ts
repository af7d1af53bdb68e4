import pg from "pg";
import { type EventRows, type EventRowWithHeadlines, eventRowsFrom, eventRowsSql, loadEventRows } from "./text.ts";

export interface Names {
  actors: Map<number, string>;
  places: Map<number, string>;
}

const namesSql = (actorIds: string, placeIds: string) =>
  `SELECT 'A' AS kind, id, name FROM actor WHERE id = ANY(${actorIds}) UNION ALL SELECT 'P', id, name FROM place WHERE id = ANY(${placeIds})`;

function namesFrom(rows: { kind: "A" | "P"; id: number; name: string }[]): Names {
  const names: Names = { actors: new Map(), places: new Map() };
  for (const r of rows) (r.kind === "A" ? names.actors : names.places).set(r.id, r.name);
  return names;
}

/** The names of actors (and outlets) and places, for facet labels. */
export async function loadNames(db: pg.Pool, actorIds: number[], placeIds: number[]): Promise<Names> {
  const { rows } = await db.query<{ kind: "A" | "P"; id: number; name: string }>(namesSql("$1::int[]", "$2::int[]"), [
    actorIds,
    placeIds,
  ]);
  return namesFrom(rows);
}

/** A place as the API shows it: the place table's row, in the ORM's field names. */
export interface PlaceRow {
  id: number;
  key: string | null;
  name: string;
  kind: "COUNTRY" | "REGION" | "DISTRICT" | "SETTLEMENT" | "SITE";
  country: string;
  lat: number | null;
  lon: number | null;
  parentId: number | null;
}

/**
 * Place rows by ID, through pg rather than the ORM: for the 200 places of a map the ORM's own work
 * took 2.2 ms of CPU against pg's 0.65 (the same statement, 2026-12-07).
 */
export async function loadPlaces(db: pg.Pool, ids: number[]): Promise<Map<number, PlaceRow>> {
  const { rows } = await db.query<PlaceRow>(
    `SELECT id, key, name, kind::text AS kind, country, lat, lon, parent_id AS "parentId" FROM place WHERE id = ANY($1::int[])`,
    [ids],
  );
  return new Map(rows.map((r) => [r.id, r]));
}

/** Whole numbers as an SQL array literal. */
function intArray(ids: number[]): string {
  if (!ids.every(Number.isSafeInteger)) throw new Error("IDs must be whole numbers");
  return `ARRAY[${ids.join(",")}]::int[]`;
}

/**
 * A page's event rows and its facets' labels in one round trip: two statements sent together (the
 * simple query protocol, so the IDs and the query text are written into them as literals, the text
 * escaped by pg). Each statement costs the API a write to PostgreSQL and a wake-up of a backend,
 * which under load take the API's one thread from its work.
 */
export async function loadEventRowsAndNames(
  db: pg.Pool,
  ids: number[],
  query: string | null,
  actorIds: number[],
  placeIds: number[],
): Promise<{ rows: EventRows; names: Names }> {
  // A NUL cannot travel in a simple query (it ends the string), nor an empty page need a statement.
  if (ids.length === 0 || query?.includes("\0")) {
    const [rows, names] = await Promise.all([loadEventRows(db, ids, query), loadNames(db, actorIds, placeIds)]);
    return { rows, names };
  }
  const sql = `${eventRowsSql(query !== null, intArray(ids), query === null ? "NULL" : pg.escapeLiteral(query))};\n${namesSql(intArray(actorIds), intArray(placeIds))}`;
  const [events, names] = (await db.query(sql)) as unknown as [
    pg.QueryResult<EventRowWithHeadlines>,
    pg.QueryResult<{ kind: "A" | "P"; id: number; name: string }>,
  ];
  return { rows: eventRowsFrom(events.rows), names: namesFrom(names.rows) };
}

/**
 * For each lexeme, the word as written in the given event's text (title, summary, participants'
 * names and aliases, places) that PostgreSQL stems to it, lower-cased and without accents:
 * "ceasefire" for the lexeme "ceasefir". Lexemes whose event no longer holds them are left out.
 */
export async function loadSurfaceWords(
  db: pg.Pool,
  wanted: { lexeme: string; eventId: number }[],
): Promise<Map<string, string>> {
  if (wanted.length === 0) return new Map();
  const { rows } = await db.query<{ lexeme: string; word: string | null }>(
    `SELECT x.lexeme,
            (SELECT lower(unaccent(t.token)) FROM event e, parley_event_names(e.id) n,
                    ts_debug('parley', concat_ws(' ', e.title, e.summary, n.actor_names, n.place_names)) t
              WHERE e.id = x.event_id AND x.lexeme = ANY(t.lexemes) LIMIT 1) AS word
       FROM unnest($1::int[], $2::text[]) AS x(event_id, lexeme)`,
    [wanted.map((w) => w.eventId), wanted.map((w) => w.lexeme)],
  );
  return new Map(rows.flatMap((r) => (r.word ? [[r.lexeme, r.word] as const] : [])));
}
