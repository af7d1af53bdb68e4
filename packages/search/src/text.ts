import { defined } from "@parley/schema";
import type pg from "pg";
import { RoaringBitmap32 } from "./bitmap.ts";

/** Events whose search document matches a query. */
export interface TextMatch {
  bitmap: RoaringBitmap32;
  size: number;
  /** The query's lexemes, when the index matched it: relevance is then reckoned in the process. */
  terms?: string[];
  /** The query is this one lexeme (the index matched it): its facet counts may be kept (see KeptScopes). */
  word?: string;
  /** Every match holds at least one of these lexemes (the index matched a query without NOT). */
  required?: string[];
}

/** Relevance (ts_rank) of some events for a query, as parallel arrays. */
export interface Ranked {
  ids: Int32Array;
  ranks: Float64Array;
}

function parseList(text: string | null | undefined): string[] {
  return text ? text.split(",") : [];
}

/**
 * Text matching by PostgreSQL alone (the GIN-indexed `event.document`, see the search migration):
 * websearch syntax ("quoted phrases", OR, -not), English stemming, accents and case ignored; only
 * among `among` when given. Only the IDs: ranking every match would cost as much again, and usually
 * only a few survive the facets. The engine uses it for what the lexeme bitmaps cannot decide.
 */
export async function matchText(db: pg.Pool, query: string, among?: RoaringBitmap32): Promise<TextMatch> {
  const { rows } = await db.query<{ ids: string | null }>(
    `SELECT string_agg(e.id::text, ',') AS ids FROM event e WHERE e.document @@ websearch_to_tsquery('parley', $1) ${among ? "AND e.id = ANY($2::int[])" : ""}`,
    among ? [query, among.toArray()] : [query],
  );
  const ids = parseList(rows[0]?.ids);
  const array = new Uint32Array(ids.length);
  for (let i = 0; i < ids.length; i++) array[i] = Number(ids[i]);
  return { bitmap: new RoaringBitmap32(array), size: ids.length };
}

/** The query as PostgreSQL parses and stems it, printed (`'tehreek' & 'kabul'`). */
export async function parseQuery(db: pg.Pool, query: string): Promise<string> {
  const { rows } = await db.query<{ q: string }>(`SELECT websearch_to_tsquery('parley', $1)::text AS q`, [query]);
  return rows[0]?.q ?? "";
}

/** ts_rank of the given matches, or of every match when `ids` is null. */
export async function rankText(db: pg.Pool, query: string, ids: number[] | null): Promise<Ranked> {
  const { rows } = await db.query<{ ids: string | null; ranks: string | null }>(
    `SELECT string_agg(e.id::text, ',') AS ids, string_agg(ts_rank(e.document, q)::text, ',') AS ranks
       FROM event e, websearch_to_tsquery('parley', $1) q
      WHERE e.document @@ q ${ids ? "AND e.id = ANY($2::int[])" : ""}`,
    ids ? [query, ids] : [query],
  );
  const idParts = parseList(rows[0]?.ids);
  const rankParts = parseList(rows[0]?.ranks);
  const out = { ids: new Int32Array(idParts.length), ranks: new Float64Array(idParts.length) };
  for (let i = 0; i < idParts.length; i++) {
    out.ids[i] = Number(idParts[i]);
    out.ranks[i] = Number(rankParts[i]);
  }
  return out;
}

/** The columns of an Event as the Prisma client names them, so the API can hand rows to its resolvers. */
export const EVENT_COLUMNS = `e.id, e.key, e.type, e.title, e.summary, e.start_date AS "startDate", e.end_date AS "endDate",
  e.date_precision AS "datePrecision", e.outcome, e.fatalities_low AS "fatalitiesLow", e.fatalities_best AS "fatalitiesBest",
  e.fatalities_high AS "fatalitiesHigh", e.contested, e.process_id AS "processId", e.version, e.created_at AS "createdAt",
  e.updated_at AS "updatedAt"`;

export interface EventRow {
  id: number;
  key: string | null;
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
  contested: boolean;
  processId: number | null;
  version: number;
  createdAt: Date;
  updatedAt: Date;
}

// Control characters cannot occur in stored text, so they mark matches safely until the snippet is escaped.
const OPEN = "\u0002";
const CLOSE = "\u0003";
const HEADLINE = `StartSel=${OPEN}, StopSel=${CLOSE}`;

/**
 * The page's events, and with a query the snippets that show why each matched: its title, the
 * names and aliases of its participants, its places and their countries, and up to two fragments of
 * its summary.
 */
export async function loadEventRows(db: pg.Pool, ids: number[], query: string | null): Promise<EventRows> {
  if (ids.length === 0) return new Map();
  const { rows } = await db.query<EventRowWithHeadlines>(eventRowsSql(query !== null), query ? [ids, query] : [ids]);
  return eventRowsFrom(rows);
}

export type EventRowWithHeadlines = EventRow & { headlines?: string[] };

/** Event rows by ID, each with its highlights as HTML. */
export type EventRows = Map<number, { row: EventRow; highlights: string[] }>;

/** The rows of `eventRowsSql` by event ID, each with its highlights as HTML. */
export function eventRowsFrom(rows: EventRowWithHeadlines[]): EventRows {
  const result: EventRows = new Map();
  for (const { headlines, ...row } of rows) {
    const marked = (headlines ?? []).filter((h) => h.includes(OPEN));
    result.set(row.id, { row, highlights: [...new Set(marked.map(toHtml))] });
  }
  return result;
}

/**
 * The events' rows, with headlines when there is a text query. `ids` and `query` are the SQL for
 * the IDs and the query text: parameters by default, literals when sent with other statements.
 */
export function eventRowsSql(withHighlights: boolean, ids = "$1::int[]", query = "$2"): string {
  return withHighlights
    ? `SELECT ${EVENT_COLUMNS},
              -- the document's weights say which fields matched: A title, B names and places, C summary
              CASE WHEN ts_filter(e.document, '{a}') @@ q.words
                   THEN array[ts_headline('parley', e.title, q.q, '${HEADLINE}, HighlightAll=true')] ELSE '{}'::text[] END
              || CASE WHEN ts_filter(e.document, '{b}') @@ q.words THEN array(
                SELECT ts_headline('parley', n.name, q.words, '${HEADLINE}, HighlightAll=true')
                  FROM (SELECT a.name, 0 AS o, a.id AS i FROM participant p JOIN actor a ON a.id = p.actor_id WHERE p.event_id = e.id
                        UNION SELECT x.name, 1, x.id FROM participant p JOIN actor_alias x ON x.actor_id = p.actor_id WHERE p.event_id = e.id
                        UNION SELECT pl.name, 2, pl.id FROM event_place ep JOIN place pl ON pl.id = ep.place_id WHERE ep.event_id = e.id
                        UNION SELECT c.name, 3, 0
                                FROM (SELECT DISTINCT pl.country FROM event_place ep JOIN place pl ON pl.id = ep.place_id WHERE ep.event_id = e.id) k,
                                     unnest(string_to_array(parley_country_names(k.country), ' | ')) AS c(name)) n
                 WHERE to_tsvector('parley', n.name) @@ q.words
                 ORDER BY n.o, n.i, n.name) ELSE '{}'::text[] END
              || CASE WHEN ts_filter(e.document, '{c}') @@ q.words
                      THEN array[ts_headline('parley', e.summary, q.q, '${HEADLINE}, MaxFragments=2, MaxWords=24, MinWords=10, FragmentDelimiter=" … "')]
                      ELSE '{}'::text[] END
              AS headlines
         FROM event e,
              -- q: the query itself; words: any of its words, to pick the names and fragments worth a headline
              (SELECT websearch_to_tsquery('parley', ${query}) AS q,
                      coalesce((SELECT string_agg(quote_literal(l), ' | ') FROM unnest(tsvector_to_array(to_tsvector('parley', ${query}))) l), '')::tsquery AS words) q
        WHERE e.id = ANY(${ids})`
    : `SELECT ${EVENT_COLUMNS} FROM event e WHERE e.id = ANY(${ids})`;
}

const ESCAPES: Record<string, string> = { "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" };

/** HTML-safe text with the matched words in <mark>…</mark>. */
export function toHtml(headline: string): string {
  return headline
    .replace(/[&<>"']/g, (c) => defined(ESCAPES[c]))
    .replaceAll(OPEN, "<mark>")
    .replaceAll(CLOSE, "</mark>");
}
