import { type ActorKind, defined, normalizeName, transliterationKey } from "@parley/schema";
import type pg from "pg";

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
 * here by `scoreName`. Each actor is listed once, with the name that scored best; equal scores go to
 * the actor with more events (`eventCount`, from the search index), then by name.
 */
export async function searchActors(
  db: pg.Pool,
  input: ActorQuery,
  eventCount: (actorId: number) => number = () => 0,
): Promise<ActorMatch[]> {
  return (await rankActors(db, input, eventCount)).matches;
}

/** What a name search answers, and what its order depends on besides the names. */
export interface RankedActors {
  matches: ActorMatch[];
  /**
   * The actors whose number of events can change the answer: candidates that share their score
   * with another candidate, in a group of equal scores that reaches into the answer. Events break
   * those ties; every other candidate's place is set by its score alone.
   */
  tied: number[];
}

/** `searchActors`, with the actors whose event counts its order depends on (for a cache of answers). */
export async function rankActors(
  db: pg.Pool,
  input: ActorQuery,
  eventCount: (actorId: number) => number = () => 0,
): Promise<RankedActors> {
  const n = normalizeName(input.query);
  if (!n) return { matches: [], tied: [] };
  const k = transliterationKey(input.query);
  const useKey = k.replace(/ /g, "").length >= MIN_KEY;
  // pg_trgm measures how similar each candidate's name (and key) is to the query's, where scoreName
  // needs it: not for a name (or key) that holds the query at the start of a word, which scores by
  // that alone. The measures are most of the query's time, and most candidates are such names.
  const { rows } = await db.query<{
    id: number;
    name: string;
    matched: string;
    n: string;
    k: string;
    alias: boolean;
    sim: number;
    ksim: number;
  }>(
    `SELECT a.id, a.name, c.name AS matched, c.normalized AS n, c.translit_key AS k, c.alias,
            CASE WHEN strpos(' ' || c.normalized, ' ' || $1) > 0 THEN 0
                 ELSE greatest(word_similarity($1, c.normalized), similarity($1, c.normalized)) END AS sim,
            CASE WHEN NOT $3 OR strpos(' ' || c.translit_key, ' ' || $2) > 0 THEN 0
                 ELSE word_similarity($2, c.translit_key) END AS ksim
       FROM parley_actor_name_candidates($1, $2, $3, $4) c JOIN actor a ON a.id = c.actor_id
      WHERE $5::"ActorKind"[] IS NULL OR a.kind = ANY($5::"ActorKind"[])`,
    [n, k, useKey, input.first * 3, input.kinds?.length ? input.kinds : null],
  );
  const query = { n, k: useKey ? k : null };
  const best = new Map<number, { row: (typeof rows)[number]; score: number; events: number }>();
  for (const row of rows) {
    const score = scoreName(query, row);
    if (score <= 0) continue;
    const current = best.get(row.id);
    if (!current || score > current.score || (score === current.score && preferred(row, current.row)))
      best.set(row.id, { row, score, events: current?.events ?? eventCount(row.id) });
  }
  const ranked = [...best.values()].sort(
    (a, b) => b.score - a.score || b.events - a.events || a.row.name.localeCompare(b.row.name) || a.row.id - b.row.id,
  );
  const top = ranked.slice(0, input.first);
  if (top.length === 0) return { matches: [], tied: [] };
  const shownScores = new Set(top.map((t) => t.score));
  const scoreCounts = new Map<number, number>();
  for (const r of ranked) scoreCounts.set(r.score, (scoreCounts.get(r.score) ?? 0) + 1);
  const tied = ranked
    .filter((r) => shownScores.has(r.score) && (scoreCounts.get(r.score) ?? 0) > 1)
    .map((r) => r.row.id);
  // Whole rows for the actors listed only: candidates are often hundreds of names.
  const { rows: actors } = await db.query<ActorRow>(
    `SELECT ${ACTOR_COLUMNS} FROM actor a WHERE a.id = ANY($1::int[])`,
    [top.map((t) => t.row.id)],
  );
  const byId = new Map(actors.map((a) => [a.id, a]));
  const matches = top.flatMap(({ row, score }) => {
    const actor = byId.get(row.id);
    // an actor deleted between the two statements is left out
    return actor ? [{ actor, matchedName: row.matched, score: Math.round(score * 1000) / 1000 }] : [];
  });
  return { matches, tied };
}

/** Between equal scores: the canonical name, then the shorter name. */
function preferred(a: { alias: boolean; matched: string }, b: { alias: boolean; matched: string }): boolean {
  if (a.alias !== b.alias) return !a.alias;
  return a.matched.length < b.matched.length || (a.matched.length === b.matched.length && a.matched < b.matched);
}

export interface ScoredQuery {
  /** The query's normalized form and transliteration key (null when too short to use). */
  n: string;
  k: string | null;
}

/** A candidate name: normalized form, key, and pg_trgm's similarity of each to the query's. */
export interface CandidateName {
  n: string;
  k: string;
  /** The greater of word_similarity and similarity between the query and the name. */
  sim: number;
  /** word_similarity between the query's key and the name's. */
  ksim: number;
}

/** Below this word similarity (pg_trgm's measure) a name is not a match by its letters. */
const REAL_SIMILARITY = 0.5;
/** The most a match by transliteration key alone can score: below every match by the name itself. */
const KEY_ONLY = 0.4;

/**
 * Scores one name (its normalized form and transliteration key) against the query, from 0 to 1.
 * Matches by the name itself come first: exact (1), the query as whole words (0.92), the name's
 * beginning (0.9), a word's beginning (0.85), then similar words by trigrams (0.6–0.75). A key that
 * also matches adds a little within those tiers. A name that matches by its key alone (Turkey's key
 * "trk" is Tehreek's) scores at most 0.4, less the further its letters are from the query's, so it
 * helps the tolerance but never beats a real match.
 */
export function scoreName(q: ScoredQuery, name: CandidateName): number {
  const real = nameScore(q, name);
  if (real === 1) return 1;
  const byKey = keyMatch(q, name);
  if (real > 0) return real + 0.015 * byKey;
  return byKey === 0 ? 0 : KEY_ONLY * byKey * (0.5 + 0.5 * letterCloseness(q.n, name.n));
}

function nameScore(q: ScoredQuery, { n: normalized, sim }: CandidateName): number {
  if (normalized === q.n) return 1;
  if (` ${normalized} `.includes(` ${q.n} `)) return 0.92;
  if (normalized.startsWith(q.n)) return 0.9;
  if (` ${normalized}`.includes(` ${q.n}`)) return 0.85;
  return sim >= REAL_SIMILARITY ? 0.45 + 0.3 * sim : 0;
}

/** How well the keys match: 1 the same key, 0.95 whole words of it, 0.85 a word's beginning, then by trigrams. */
function keyMatch(q: ScoredQuery, { k: key, ksim }: CandidateName): number {
  if (q.k === null) return 0;
  if (key === q.k) return 1;
  if (` ${key} `.includes(` ${q.k} `)) return 0.95;
  if (` ${key}`.includes(` ${q.k}`)) return 0.85;
  return ksim >= REAL_SIMILARITY ? 0.6 * ksim : 0;
}

/** A name's words less its connectors (-e-, -i-, -ul-): those are one or two letters, and only those words need the key's verdict. */
const contentWords = (text: string) =>
  text.split(" ").filter((word) => word.length > 2 || transliterationKey(word) !== "");

/** The query's content words, worked out once for all the candidates of a search. */
let lastQuery: { text: string; words: string[]; target: string } = { text: "", words: [], target: "" };

/**
 * 1 − edit distance / length between the query and the run of the name's words closest to it,
 * connectors left out: Tahreek is closer to Tehrik (0.57) than to Turkey (0.29).
 */
function letterCloseness(query: string, normalized: string): number {
  if (lastQuery.text !== query) {
    const words = contentWords(query);
    lastQuery = { text: query, words, target: words.join(" ") };
  }
  const { words: wanted, target } = lastQuery;
  const words = contentWords(normalized);
  const span = Math.max(1, wanted.length);
  let best = 0;
  for (let i = 0; i + span <= Math.max(words.length, span); i++) {
    const window = words.slice(i, i + span).join(" ");
    best = Math.max(best, 1 - editDistance(target, window) / Math.max(target.length, window.length, 1));
  }
  return best;
}

/** Two rows of the edit-distance table, reused by every call (names are short; grown when not). */
let previousRow = new Int32Array(64);
let currentRow = new Int32Array(64);

function editDistance(a: string, b: string): number {
  if (previousRow.length <= b.length) {
    previousRow = new Int32Array(b.length * 2 + 1);
    currentRow = new Int32Array(b.length * 2 + 1);
  }
  let previous = previousRow;
  let current = currentRow;
  for (let j = 0; j <= b.length; j++) previous[j] = j;
  for (let i = 1; i <= a.length; i++) {
    current[0] = i;
    const ai = a.charCodeAt(i - 1);
    for (let j = 1; j <= b.length; j++)
      current[j] = Math.min(
        defined(previous[j]) + 1,
        defined(current[j - 1]) + 1,
        defined(previous[j - 1]) + (ai === b.charCodeAt(j - 1) ? 0 : 1),
      );
    [previous, current] = [current, previous];
  }
  return defined(previous[b.length]);
}
