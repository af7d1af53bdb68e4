import type pg from "pg";
import { normalizeName, transliterationKey, type ActorKind } from "@parley/schema";

export interface ActorQuery {
  query: string;
  kinds?: ActorKind[] | null;
  first: number;
}

/** An Actor row as the Prisma client names its columns. */
export interface ActorRow {
  id: number;
  key: string | null;
  name: string;
  kind: string;
  description: string | null;
  country: string | null;
  externalIds: unknown;
  normalized: string;
  translitKey: string;
  version: number;
  createdAt: Date;
  updatedAt: Date;
}

export interface ActorMatch {
  actor: ActorRow;
  matchedName: string;
  score: number;
}

// Keys shorter than this match too many names by prefix or trigram to be worth it.
const MIN_KEY = 3;

/**
 * Finds actors by any of their names (canonical or alias), tolerant of accents, punctuation and the
 * usual romanisation variants: exact names first, then exact transliteration keys, then names and
 * whole words, names and words that start with the query, the same for keys, then trigram
 * similarity (pg_trgm).
 * Every candidate condition is served by the trigram GIN indexes on `normalized` and `translit_key`.
 */
export async function searchActors(db: pg.Pool, input: ActorQuery): Promise<ActorMatch[]> {
  const n = normalizeName(input.query);
  if (!n) return [];
  const k = transliterationKey(input.query);
  const useKey = k.replace(/ /g, "").length >= MIN_KEY;
  const { rows } = await db.query<ActorRow & { matchedName: string; score: number }>(
    `WITH names AS (
       SELECT a.id AS actor_id, a.name, a.normalized, a.translit_key, 0 AS alias FROM actor a
        WHERE a.normalized LIKE '%' || $1 || '%' OR $1 <% a.normalized
           OR ($3 AND (a.translit_key LIKE '%' || $2 || '%' OR $2 <% a.translit_key))
       UNION ALL
       SELECT x.actor_id, x.name, x.normalized, x.translit_key, 1 FROM actor_alias x
        WHERE x.normalized LIKE '%' || $1 || '%' OR $1 <% x.normalized
           OR ($3 AND (x.translit_key LIKE '%' || $2 || '%' OR $2 <% x.translit_key))
     ), scored AS (
       SELECT DISTINCT ON (actor_id) actor_id, name,
              greatest(
                CASE WHEN normalized = $1 THEN 1.0 END,
                CASE WHEN $3 AND translit_key = $2 THEN 0.95 END,
                CASE WHEN ' ' || normalized || ' ' LIKE '% ' || $1 || ' %' THEN 0.92 END,
                CASE WHEN normalized LIKE $1 || '%' THEN 0.9 END,
                CASE WHEN ' ' || normalized LIKE '% ' || $1 || '%' THEN 0.85 END,
                CASE WHEN $3 AND ' ' || translit_key || ' ' LIKE '% ' || $2 || ' %' THEN 0.83 END,
                CASE WHEN $3 AND ' ' || translit_key LIKE '% ' || $2 || '%' THEN 0.8 END,
                0.75 * word_similarity($1, normalized),
                CASE WHEN $3 THEN 0.7 * word_similarity($2, translit_key) END,
                0.5 * similarity($1, normalized)
              ) AS score
         FROM names
        ORDER BY actor_id, score DESC, alias, length(name), name
     )
     SELECT a.id, a.key, a.name, a.kind, a.description, a.country, a.external_ids AS "externalIds", a.normalized,
            a.translit_key AS "translitKey", a.version, a.created_at AS "createdAt", a.updated_at AS "updatedAt",
            s.name AS "matchedName", round(s.score::numeric, 3)::float8 AS score
       FROM scored s JOIN actor a ON a.id = s.actor_id
      WHERE $4::"ActorKind"[] IS NULL OR a.kind = ANY($4::"ActorKind"[])
      ORDER BY s.score DESC, a.name, a.id
      LIMIT $5`,
    [n, k, useKey, input.kinds?.length ? input.kinds : null, input.first],
  );
  return rows.map(({ matchedName, score, ...actor }) => ({ actor, matchedName, score }));
}
