import { defined } from "@parley/schema";
import { type FacetIndex, WEIGHTS } from "./facet-index.ts";

/** A query word in fewer events than this matches little: the search suggests the corpus's nearest words for it. */
export const FEW_MATCHES = 3;
/** A suggested word is in at least this many times as many events as the word it replaces (and FEW_MATCHES). */
const MORE_BY = 10;
const MAX_SUGGESTIONS = 5;

/** A lexeme to suggest, with one event whose text holds it (to find the word as written there). */
export interface Suggested {
  lexeme: string;
  eventId: number;
}

/**
 * Edit distance (insertions, deletions, substitutions, and two neighbours swapped) of `a` and `b`, or
 * `max + 1` as soon as it must exceed `max`: most of the vocabulary is refused after a row or two.
 */
export function editDistance(a: string, b: string, max: number): number {
  if (Math.abs(a.length - b.length) > max) return max + 1;
  let before = new Array<number>(b.length + 1).fill(0);
  let previous = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const row = [i];
    let least = i;
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let d = Math.min(defined(previous[j]) + 1, defined(row[j - 1]) + 1, defined(previous[j - 1]) + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) d = Math.min(d, defined(before[j - 2]) + 1);
      row.push(d);
      least = Math.min(least, d);
    }
    if (least > max) return max + 1;
    before = previous;
    previous = row;
  }
  return defined(previous[b.length]);
}

/** How far a word of this length may be from a suggestion: one edit for short words, two for the others. */
const reach = (word: string) => (word.length <= 4 ? 1 : 2);

/**
 * For each query lexeme that matches little (fewer than FEW_MATCHES events), the nearest lexeme of
 * the corpus that matches much more: the fewest edits away, then the most events, then the first
 * alphabetically. The lexemes are PostgreSQL's stems ("ceasfir" for "ceasfire"), so a misspelt word is
 * compared with the stems of the words the corpus holds.
 */
export function nearestLexemes(index: FacetIndex, terms: readonly string[]): Suggested[] {
  const out: Suggested[] = [];
  for (const term of new Set(terms)) {
    if (out.length >= MAX_SUGGESTIONS) break;
    const own = index.lexeme(term).size;
    if (own >= FEW_MATCHES) continue;
    const max = reach(term);
    const enough = Math.max(FEW_MATCHES, own * MORE_BY);
    let best: { lexeme: string; distance: number; events: number; eventId: number } | null = null;
    const seen = new Set<string>();
    for (const w of WEIGHTS) {
      for (const lexeme of index.lexemes.words(w)) {
        if (lexeme === term || seen.has(lexeme) || Math.abs(lexeme.length - term.length) > max) continue;
        seen.add(lexeme);
        const distance = editDistance(term, lexeme, max);
        if (distance > max || (best && distance > best.distance)) continue;
        const events = index.lexeme(lexeme);
        if (events.size < enough) continue;
        if (
          !best ||
          distance < best.distance ||
          events.size > best.events ||
          (events.size === best.events && lexeme < best.lexeme)
        ) {
          best = { lexeme, distance, events: events.size, eventId: events.minimum() };
        }
      }
    }
    if (best && !out.some((s) => s.lexeme === best.lexeme)) out.push({ lexeme: best.lexeme, eventId: best.eventId });
  }
  return out;
}
