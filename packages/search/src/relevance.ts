// biome-ignore-all lint/style/noNonNullAssertion: typed arrays indexed within their bounds in the counting loops; noUncheckedIndexedAccess cannot see it, and a check per element would cost every search
import { RoaringBitmap32 } from "./bitmap.ts";
import { type FacetIndex, WEIGHTS, type Weight } from "./facet-index.ts";
import type { Ranked } from "./text.ts";

/** Weights of the document's fields as ts_rank's defaults give them: title, names and places, summary. */
const FIELD_WEIGHTS: Record<Weight, number> = { A: 1, B: 0.4, C: 0.2 };

/** Ranks by event ID while a search adds them up, zeroed again after: reused, so not allocated per search. */
let rankById = new Float64Array(0);

/**
 * The results that hold the word, split by the best field holding it (title, then names and places
 * not in the title, then the summary), with that field's weight. Results without it are in none.
 */
function byBestField(
  index: FacetIndex,
  results: RoaringBitmap32,
  term: string,
): { weight: number; events: RoaringBitmap32 }[] {
  const out: { weight: number; events: RoaringBitmap32 }[] = [];
  let counted: RoaringBitmap32 | null = null;
  for (const w of WEIGHTS) {
    const bitmap = index.lexemes.get(w, term);
    if (!bitmap) continue;
    let hits = RoaringBitmap32.and(bitmap, results);
    if (counted) hits = RoaringBitmap32.andNot(hits, counted);
    if (hits.isEmpty) continue;
    out.push({ weight: FIELD_WEIGHTS[w], events: hits });
    counted = counted ? RoaringBitmap32.or(counted, hits) : hits;
  }
  return out;
}

/**
 * Relevance from the lexeme bitmaps: for each query word, the weight of the best field that holds
 * it, summed. Like ts_rank with its default weights, without term frequency or proximity. Each
 * word's results are found field by field with bitmap operations (title, then names and places not
 * in the title, then the summary), so the work is in bitmaps, not one lookup per result and field.
 */
export function relevance(index: FacetIndex, results: RoaringBitmap32, terms: string[]): Ranked {
  const ids = results.toUint32Array();
  const ranks = new Float64Array(ids.length);
  const maxId = ids.length > 0 ? ids[ids.length - 1]! : 0;
  if (rankById.length <= maxId) rankById = new Float64Array(Math.max(maxId + 1, rankById.length * 2));
  const byId = rankById;
  for (const term of terms) {
    for (const { weight, events } of byBestField(index, results, term)) {
      const hitIds = events.toUint32Array();
      for (let i = 0; i < hitIds.length; i++) byId[hitIds[i]!]! += weight;
    }
  }
  for (let i = 0; i < ids.length; i++) {
    ranks[i] = byId[ids[i]!]!;
    byId[ids[i]!] = 0;
  }
  return { ids: new Int32Array(ids.buffer, ids.byteOffset, ids.length), ranks };
}

/** Results of one relevance: every event in `events` has rank `rank`. */
export interface RankGroup {
  rank: number;
  events: RoaringBitmap32;
}

/** More groups than this (a long query whose words fall in many field combinations): ranked per result instead. */
const MAX_RANK_GROUPS = 64;

/**
 * The same relevance as `relevance`, as groups of equal rank, best first: the results are split
 * word by word by the best field that holds the word (title, names and places, summary, neither),
 * adding the word's weight in the same order as `relevance` adds it, so the ranks are the very same
 * numbers. A page is then read from the best groups in date order (a few month bitmaps), and no
 * result is visited one by one. Null when the words split the results into too many groups.
 */
export function rankGroups(index: FacetIndex, results: RoaringBitmap32, terms: string[]): RankGroup[] | null {
  let groups: RankGroup[] = [{ rank: 0, events: results }];
  for (const term of terms) {
    const fields = byBestField(index, results, term);
    const next: RankGroup[] = [];
    for (const group of groups) {
      let rest = group.events;
      for (const { weight, events } of fields) {
        const hits = RoaringBitmap32.and(rest, events);
        if (hits.isEmpty) continue;
        next.push({ rank: group.rank + weight, events: hits });
        rest = RoaringBitmap32.andNot(rest, hits);
      }
      if (!rest.isEmpty) next.push({ rank: group.rank, events: rest });
    }
    if (next.length > MAX_RANK_GROUPS) return null;
    groups = next;
  }
  const byRank = new Map<number, RoaringBitmap32[]>();
  for (const { rank, events } of groups) byRank.set(rank, [...(byRank.get(rank) ?? []), events]);
  return [...byRank]
    .sort(([a], [b]) => b - a)
    .map(([rank, parts]) => ({ rank, events: parts.length === 1 ? parts[0]! : RoaringBitmap32.orMany(parts) }));
}
