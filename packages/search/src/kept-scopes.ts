import type { FacetField } from "@parley/schema";
import { defined } from "@parley/schema";
import { RoaringBitmap32 } from "./bitmap.ts";
import { Row, type RowSet } from "./cross-counts.ts";
import type { DateRanges } from "./date-ranges.ts";
import { dayFromIso } from "./days.ts";
import type { FacetKey } from "./facet-key.ts";
import type { ForwardField, ForwardIndex } from "./forward.ts";
import { type EventLexemes, type LexemeIndex, WEIGHTS } from "./lexemes.ts";

/**
 * A facet scope as a search names it: its base (a text query of one word, contested or not, a date
 * range) and its filters, each the events holding any of its values. Left out: not part of it.
 */
export interface ScopeSpec {
  word?: string;
  contested?: boolean;
  from?: string;
  to?: string;
  filters: readonly { field: FacetField; keys: readonly FacetKey[] }[];
}

/** What the scopes' events and their counts are worked out from. */
export interface ScopeIndex {
  readonly all: RoaringBitmap32;
  readonly contested: RoaringBitmap32;
  readonly fields: Record<FacetField, Map<FacetKey, RoaringBitmap32>>;
  readonly lexemes: LexemeIndex;
  readonly forward: ForwardIndex<ForwardField>;
  readonly dateRanges: DateRanges;
  lexeme(lexeme: string): RoaringBitmap32;
}

/** One event as the membership test reads it: before a change (from the index) or after (from its facts). */
interface EventState {
  codes: ArrayLike<number>;
  startDay: number;
  endDay: number;
  contested: boolean;
  hasWord(word: string): boolean;
}

/** A scope searched again and again gets its counts kept from its second search on: one searched once is not worth a pass over its events. */
const KEEP_FROM_USE = 2;

/** A scope named by a search, with its counts once they are kept. */
interface Kept {
  spec: ScopeSpec;
  fromDay: number | null;
  toDay: number | null;
  uses: number;
  row: Row | null;
}

/** How many scopes are kept (the most recently searched). */
const KEPT = 64;

/** The same name for the same scope, whatever the order of its filters and values. */
function keyOf(spec: ScopeSpec): string {
  const filters = [...spec.filters]
    .sort((a, b) => (a.field < b.field ? -1 : 1))
    .map((f) => [f.field, [...f.keys].map(String).sort()]);
  return JSON.stringify([spec.word ?? null, spec.contested ?? null, spec.from ?? null, spec.to ?? null, filters]);
}

function includes(codes: ArrayLike<number>, code: number): boolean {
  for (let i = 0; i < codes.length; i++) if (codes[i] === code) return true;
  return false;
}

/**
 * Facet counts kept for the scopes searched recently that the index keeps no counts of from the
 * start (CrossCounts keeps those of single choices): a date range, a word, a type with a country,
 * an actor with a role… Each is counted in one pass over its events from its second search on, so a scope searched again, or paged through, reads its counts instead of passing over
 * its events' values or intersecting thousands of value bitmaps with it. Exact through writes: a
 * changed event leaves the kept scopes it was in and joins those it is in now, each decided from its
 * values' codes, days, contested flag and words.
 */
export class KeptScopes {
  private readonly kept = new Map<string, Kept>();

  constructor(private readonly index: ScopeIndex) {}

  /** The scope's counts as rows, or null while they are not kept. */
  rows(spec: ScopeSpec): RowSet | null {
    const key = keyOf(spec);
    let kept = this.kept.get(key);
    if (kept)
      this.kept.delete(key); // put back as the most recent below
    else {
      kept = {
        spec,
        fromDay: spec.from ? dayFromIso(spec.from) : null,
        toDay: spec.to ? dayFromIso(spec.to) : null,
        uses: 0,
        row: null,
      };
      if (this.kept.size >= KEPT) this.kept.delete(defined(this.kept.keys().next().value));
    }
    this.kept.set(key, kept);
    if (!kept.row && ++kept.uses >= KEEP_FROM_USE) {
      const { forward } = this.index;
      kept.row = new Row(forward.codeCount);
      forward.tallyInto(this.events(spec).toUint32Array(), kept.row.counts);
    }
    return kept.row ? { plus: [kept.row], minus: [] } : null;
  }

  /** The scope's events as the index holds them now. */
  private events(spec: ScopeSpec): RoaringBitmap32 {
    const { index } = this;
    let events = spec.word !== undefined ? RoaringBitmap32.and(index.lexeme(spec.word), index.all) : index.all;
    if (spec.contested === true) events = RoaringBitmap32.and(events, index.contested);
    if (spec.contested === false) events = RoaringBitmap32.andNot(events, index.contested);
    const range = index.dateRanges.get(spec.from, spec.to);
    if (range) events = RoaringBitmap32.and(events, range);
    for (const { field, keys } of spec.filters) {
      const bitmaps = keys.map((k) => index.fields[field].get(k)).filter((b): b is RoaringBitmap32 => b !== undefined);
      events = RoaringBitmap32.and(events, RoaringBitmap32.orMany(bitmaps));
    }
    return events;
  }

  private holds({ spec, fromDay, toDay }: Kept, event: EventState): boolean {
    if (spec.contested !== undefined && event.contested !== spec.contested) return false;
    if ((fromDay !== null && event.endDay < fromDay) || (toDay !== null && event.startDay > toDay)) return false;
    for (const { field, keys } of spec.filters) {
      // codes looked up now: a value first seen after the scope was kept has one only since
      const codes = this.index.forward.codesOfField(field);
      if (
        !keys.some((key) => {
          const code = codes.get(key);
          return code !== undefined && includes(event.codes, code);
        })
      )
        return false;
    }
    return spec.word === undefined || event.hasWord(spec.word);
  }

  /** An event is about to leave the index (or be added again), as the index holds it now. */
  removed(id: number, codes: ArrayLike<number>, startDay: number, endDay: number, contested: boolean) {
    const event: EventState = {
      codes,
      startDay,
      endDay,
      contested,
      hasWord: (word) => this.index.lexemes.holds(id, word),
    };
    for (const kept of this.kept.values()) if (kept.row && this.holds(kept, event)) kept.row.change(codes, -1);
  }

  /** An event joined the index with these codes and facts. */
  added(
    codes: ArrayLike<number>,
    facts: { startDay: number; endDay: number; contested: boolean; lexemes: EventLexemes },
  ) {
    const event: EventState = {
      codes,
      startDay: facts.startDay,
      endDay: facts.endDay,
      contested: facts.contested,
      hasWord: (word) => WEIGHTS.some((w) => facts.lexemes[w].includes(word)),
    };
    for (const kept of this.kept.values()) if (kept.row && this.holds(kept, event)) kept.row.change(codes, 1);
  }
}
