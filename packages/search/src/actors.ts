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

// Keys shorter than this match too many names by substring or trigram to be worth it.
const MIN_KEY = 3;

const ACTOR_COLUMNS = `a.id, a.key, a.name, a.kind, a.description, a.country, a.external_ids AS "externalIds", a.normalized,
  a.translit_key AS "translitKey", a.version, a.created_at AS "createdAt", a.updated_at AS "updatedAt"`;

/**
 * Finds actors by any of their names (canonical or alias), tolerant of accents, punctuation and the
 * usual romanisation variants. PostgreSQL finds the candidate names through trigram indexes on the
 * normalized names and their transliteration keys (parley_actor_name_candidates); they are scored
 * here: exact name, exact key, whole words, name and word prefixes, the same for keys, then trigram
 * similarity as pg_trgm computes it. Each actor is listed once, with the name that scored best.
 */
export async function searchActors(db: pg.Pool, input: ActorQuery): Promise<ActorMatch[]> {
  const n = normalizeName(input.query);
  if (!n) return [];
  const k = transliterationKey(input.query);
  const useKey = k.replace(/ /g, "").length >= MIN_KEY;
  const { rows } = await db.query<ActorRow & { matched: string; n: string; k: string; alias: boolean }>(
    `SELECT c.name AS matched, c.normalized AS n, c.translit_key AS k, c.alias, ${ACTOR_COLUMNS}
       FROM parley_actor_name_candidates($1, $2, $3, $4) c JOIN actor a ON a.id = c.actor_id
      WHERE $5::"ActorKind"[] IS NULL OR a.kind = ANY($5::"ActorKind"[])`,
    [n, k, useKey, input.first * 3, input.kinds?.length ? input.kinds : null],
  );
  const query = { n, k: useKey ? k : null, trigrams: trigrams(n), keyTrigrams: useKey ? trigrams(k) : null };
  const best = new Map<number, { row: (typeof rows)[number]; score: number }>();
  for (const row of rows) {
    const score = scoreName(query, row.n, row.k);
    const current = best.get(row.id);
    if (!current || score > current.score || (score === current.score && preferred(row, current.row))) best.set(row.id, { row, score });
  }
  return [...best.values()]
    .sort((a, b) => b.score - a.score || a.row.name.localeCompare(b.row.name) || a.row.id - b.row.id)
    .slice(0, input.first)
    .map(({ row: { matched, n: _n, k: _k, alias: _alias, ...actor }, score }) => ({ actor, matchedName: matched, score: Math.round(score * 1000) / 1000 }));
}

/** Between equal scores: the canonical name, then the shorter name. */
function preferred(a: { alias: boolean; matched: string }, b: { alias: boolean; matched: string }): boolean {
  if (a.alias !== b.alias) return !a.alias;
  return a.matched.length < b.matched.length || (a.matched.length === b.matched.length && a.matched < b.matched);
}

interface ScoredQuery {
  n: string;
  k: string | null;
  trigrams: Set<string>;
  keyTrigrams: Set<string> | null;
}

export function scoreName(q: ScoredQuery, normalized: string, key: string): number {
  if (normalized === q.n) return 1;
  if (q.k !== null && key === q.k) return 0.95;
  if (` ${normalized} `.includes(` ${q.n} `)) return 0.92;
  if (normalized.startsWith(q.n)) return 0.9;
  if (` ${normalized}`.includes(` ${q.n}`)) return 0.85;
  if (q.k !== null && ` ${key} `.includes(` ${q.k} `)) return 0.83;
  if (q.k !== null && ` ${key}`.includes(` ${q.k}`)) return 0.8;
  return Math.max(
    0.75 * wordSimilarity(q.trigrams, q.n, normalized),
    q.k !== null ? 0.7 * wordSimilarity(q.keyTrigrams!, q.k, key) : 0,
    0.5 * similarity(q.trigrams, trigrams(normalized)),
  );
}

/** pg_trgm's trigrams: each word padded with two spaces before and one after. */
export function trigrams(text: string): Set<string> {
  const out = new Set<string>();
  for (const word of text.split(/[^\p{L}\p{N}]+/u)) {
    if (!word) continue;
    const padded = `  ${word} `;
    for (let i = 0; i + 3 <= padded.length; i++) out.add(padded.slice(i, i + 3));
  }
  return out;
}

function similarity(a: Set<string>, b: Set<string>): number {
  let shared = 0;
  for (const t of a) if (b.has(t)) shared++;
  return a.size + b.size - shared === 0 ? 0 : shared / (a.size + b.size - shared);
}

/** Like pg_trgm's word_similarity: the share of the query's trigrams found in the best run of words. */
function wordSimilarity(queryTrigrams: Set<string>, query: string, target: string): number {
  if (queryTrigrams.size === 0) return 0;
  const words = target.split(" ");
  const span = Math.max(1, query.split(" ").length);
  let best = 0;
  for (let i = 0; i + span <= Math.max(words.length, span); i++) {
    const window = trigrams(words.slice(i, i + span).join(" "));
    let shared = 0;
    for (const t of queryTrigrams) if (window.has(t)) shared++;
    best = Math.max(best, shared / queryTrigrams.size);
  }
  return best;
}
