import {
  POSITION_ISSUES,
  POSITION_KINDS,
  type PositionFacetField,
  type PositionFilter,
  type PositionIssue,
  type PositionKind,
} from "@parley/schema";
import type pg from "pg";
import { CursorError, decodeCursor, encodeCursor } from "./cursor.ts";
import { dayFromIso, isoFromDay } from "./days.ts";

/** A filter whose IDs are database IDs. */
export interface PositionQuery {
  query?: string | null;
  filter?: (Omit<PositionFilter, "actorIds" | "processIds"> & { actorIds?: number[]; processIds?: number[] }) | null;
  first: number;
  after?: string | null;
}

export interface PositionFacetValue {
  field: PositionFacetField;
  key: string | number;
  label: string;
  count: number;
  selected: boolean;
}

export interface PositionSearch {
  totalCount: number;
  facets: { field: PositionFacetField; values: PositionFacetValue[] }[];
  ids: number[];
  pageInfo: { hasNextPage: boolean; hasPreviousPage: boolean; startCursor: string | null; endCursor: string | null };
  cursors: string[];
}

// $1 text, $2 from, $3 to, $4 actors, $5 kinds, $6 issues, $7 processes. Each facet's condition is
// left out of its own count: the disjunctive rule of searchEvents.
const MATCHED = `WITH matched AS (
  SELECT p.id, p.actor_id, p.kind::text AS kind, p.issue::text AS issue, p.process_id, p.start_date
    FROM "position" p
   WHERE ($1::text IS NULL OR to_tsvector('parley', concat_ws(' ', p.summary,
           (SELECT a.name FROM actor a WHERE a.id = p.actor_id),
           (SELECT string_agg(al.name, ' ') FROM actor_alias al WHERE al.actor_id = p.actor_id),
           (SELECT string_agg(c.quote, ' ') FROM claim c WHERE c.position_id = p.id))) @@ websearch_to_tsquery('parley', $1))
     AND ($2::date IS NULL OR coalesce(p.end_date, p.start_date) >= $2::date)
     AND ($3::date IS NULL OR p.start_date <= $3::date))`;
const WHERE = {
  ACTOR: "($4::int[] IS NULL OR actor_id = ANY($4::int[]))",
  KIND: "($5::text[] IS NULL OR kind = ANY($5::text[]))",
  ISSUE: "($6::text[] IS NULL OR issue = ANY($6::text[]))",
  PROCESS: "($7::int[] IS NULL OR process_id = ANY($7::int[]))",
} as const;
const FIELDS = Object.keys(WHERE) as PositionFacetField[];
const COLUMN = { ACTOR: "actor_id", KIND: "kind", ISSUE: "issue", PROCESS: "process_id" } as const;
const others = (field: PositionFacetField | null) =>
  FIELDS.filter((f) => f !== field)
    .map((f) => WHERE[f])
    .join(" AND ");

const FACETS_SQL = `${MATCHED}
${FIELDS.map((f) => `SELECT '${f}' AS field, ${COLUMN[f]}::text AS key, count(*)::int AS count FROM matched WHERE ${COLUMN[f]} IS NOT NULL AND ${others(f)} GROUP BY ${COLUMN[f]}`).join("\nUNION ALL ")}
UNION ALL SELECT 'TOTAL', NULL, count(*)::int FROM matched WHERE ${others(null)}`;

const PAGE_SQL = `${MATCHED}
SELECT id, start_date::text AS day FROM matched WHERE ${others(null)}
   AND ($8::date IS NULL OR (start_date, id) < ($8::date, $9::int))
 ORDER BY start_date DESC, id DESC LIMIT $10`;

const orNull = <T>(list: T[] | undefined) => (list?.length ? list : null);

/** Positions by text, holder, kind, issue, process and date, newest first, with disjunctive facet counts. */
export async function searchPositions(db: pg.Pool, q: PositionQuery): Promise<PositionSearch> {
  const f = q.filter ?? {};
  const text = q.query?.trim() ? q.query.trim() : null;
  const params = [
    text,
    f.from ?? null,
    f.to ?? null,
    orNull(f.actorIds),
    orNull(f.kinds),
    orNull(f.issues),
    orNull(f.processIds),
  ];
  const cursor = q.after ? decodeCursor(q.after, "DATE_DESC") : null;
  if (cursor && cursor.order !== "DATE_DESC") throw new CursorError("`after` is not a cursor returned by this search");
  const [{ rows: counts }, { rows: page }] = await Promise.all([
    db.query<{ field: string; key: string | null; count: number }>(FACETS_SQL, params),
    db.query<{ id: number; day: string }>(PAGE_SQL, [
      ...params,
      cursor ? isoFromDay(cursor.day) : null,
      cursor?.id ?? null,
      q.first + 1,
    ]),
  ]);
  const rows = page.slice(0, q.first);
  const cursors = rows.map((r) => encodeCursor({ order: "DATE_DESC", day: dayFromIso(r.day), id: r.id }));
  return {
    totalCount: counts.find((c) => c.field === "TOTAL")?.count ?? 0,
    facets: await facets(db, counts, f),
    ids: rows.map((r) => r.id),
    cursors,
    pageInfo: {
      hasNextPage: page.length > q.first,
      hasPreviousPage: Boolean(cursor),
      startCursor: cursors[0] ?? null,
      endCursor: cursors.at(-1) ?? null,
    },
  };
}

const NAMES_SQL = {
  ACTOR: "SELECT id, name FROM actor WHERE id = ANY($1::int[])",
  PROCESS: `SELECT id, name FROM "process" WHERE id = ANY($1::int[])`,
} as const;

async function facets(
  db: pg.Pool,
  counts: { field: string; key: string | null; count: number }[],
  f: NonNullable<PositionQuery["filter"]>,
) {
  const selected: Record<PositionFacetField, (string | number)[]> = {
    ACTOR: f.actorIds ?? [],
    KIND: f.kinds ?? [],
    ISSUE: f.issues ?? [],
    PROCESS: f.processIds ?? [],
  };
  const byField = (field: PositionFacetField) => {
    const found = new Map(counts.filter((c) => c.field === field).map((c) => [String(c.key), c.count]));
    for (const value of selected[field]) if (!found.has(String(value))) found.set(String(value), 0);
    return [...found];
  };
  const numbers = (field: PositionFacetField) => byField(field).map(([key]) => Number(key));
  const [{ rows: actors }, { rows: processes }] = await Promise.all([
    db.query<{ id: number; name: string }>(NAMES_SQL.ACTOR, [numbers("ACTOR")]),
    db.query<{ id: number; name: string }>(NAMES_SQL.PROCESS, [numbers("PROCESS")]),
  ]);
  const label = (field: PositionFacetField, key: string): string | undefined =>
    field === "ACTOR"
      ? actors.find((a) => a.id === Number(key))?.name
      : field === "PROCESS"
        ? processes.find((p) => p.id === Number(key))?.name
        : field === "KIND"
          ? POSITION_KINDS.labels[key as PositionKind]
          : POSITION_ISSUES.labels[key as PositionIssue];
  return FIELDS.map((field) => ({
    field,
    values: byField(field)
      .map(([key, count]) => ({
        field,
        key: field === "ACTOR" || field === "PROCESS" ? Number(key) : key,
        label: label(field, key) ?? key,
        count,
        selected: selected[field].map(String).includes(key),
      }))
      .sort((a, b) => b.count - a.count || a.label.localeCompare(b.label)),
  }));
}
