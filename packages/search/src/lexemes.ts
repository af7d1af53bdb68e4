import { RoaringBitmap32 } from "./bitmap.ts";

export type Weight = "A" | "B" | "C";
export const WEIGHTS: Weight[] = ["A", "B", "C"];

/** An event's lexemes by the weight of the field they occur in. */
export type EventLexemes = Record<Weight, readonly string[]>;

/** Above this many events changed since the build, the changes are merged into the built bitmaps. */
const MERGE_ABOVE = 20_000;

const byWeight = (): Record<Weight, Map<string, RoaringBitmap32>> => ({ A: new Map(), B: new Map(), C: new Map() });

/**
 * Events by text lexeme, per document weight (A title, B names and places, C summary).
 *
 * The bitmaps built in bulk are not edited when an event changes: which lexemes an old version held
 * is not kept per event, so taking it out would mean visiting every lexeme's bitmap, and a corpus of
 * real reports has hundreds of thousands of them. Instead, the events changed since the build are
 * marked, their bits in the built bitmaps no longer count, and their current lexemes sit in small
 * bitmaps beside them. A write then touches only its own lexemes; once many events have changed,
 * both are merged into fresh built bitmaps.
 */
export class LexemeIndex {
  /** Filled in bulk by the loader; replaced, never edited, afterwards. */
  built = byWeight();
  /** Events removed or added since the build: their bits in `built` are stale. */
  private changed = new RoaringBitmap32();
  /** The current lexemes of the changed events that exist. */
  private overlay = byWeight();
  private readonly current = new Map<number, EventLexemes>();

  constructor(private readonly mergeAbove = MERGE_ABOVE) {}

  /** Events whose field of this weight holds the lexeme. Read-only: it may be the index's own bitmap. */
  get(weight: Weight, lexeme: string): RoaringBitmap32 | undefined {
    const built = this.built[weight].get(lexeme);
    if (this.changed.isEmpty) return built;
    const kept = built ? RoaringBitmap32.andNot(built, this.changed) : undefined;
    const added = this.overlay[weight].get(lexeme);
    if (!added || added.isEmpty) return kept;
    return kept ? RoaringBitmap32.or(kept, added) : added;
  }

  /** The lexemes of this weight's field (some perhaps in no event any more, after changes). */
  *words(weight: Weight): Iterable<string> {
    yield* this.built[weight].keys();
    for (const [lexeme, events] of this.overlay[weight])
      if (!events.isEmpty && !this.built[weight].has(lexeme)) yield lexeme;
  }

  /** Whether the event's document holds the lexeme now, in any field. */
  holds(id: number, lexeme: string): boolean {
    if (this.changed.has(id)) {
      const now = this.current.get(id);
      return now !== undefined && WEIGHTS.some((w) => now[w].includes(lexeme));
    }
    return WEIGHTS.some((w) => this.built[w].get(lexeme)?.has(id) ?? false);
  }

  /** Forgets the lexemes of these events. */
  remove(ids: Iterable<number>) {
    for (const id of ids) {
      this.changed.add(id);
      const had = this.current.get(id);
      if (!had) continue;
      this.current.delete(id);
      for (const w of WEIGHTS) for (const lexeme of had[w]) this.overlay[w].get(lexeme)?.remove(id);
    }
  }

  /** Records an event's lexemes (after `remove` of its earlier version, if any). */
  add(id: number, lexemes: EventLexemes) {
    this.changed.add(id);
    this.current.set(id, lexemes);
    for (const w of WEIGHTS) {
      for (const lexeme of lexemes[w]) {
        let bitmap = this.overlay[w].get(lexeme);
        if (!bitmap) {
          bitmap = new RoaringBitmap32();
          this.overlay[w].set(lexeme, bitmap);
        }
        bitmap.add(id);
      }
    }
    if (this.changed.size > this.mergeAbove) this.merge();
  }

  /**
   * Folds the changes into new built bitmaps (a pass over every lexeme, once per MERGE_ABOVE changed
   * events). New bitmaps, not edited ones: a search under way may still read the old.
   */
  merge() {
    if (this.changed.isEmpty) return;
    const merged = byWeight();
    for (const w of WEIGHTS) {
      for (const [lexeme, bitmap] of this.built[w]) {
        const kept = RoaringBitmap32.andNot(bitmap, this.changed);
        if (!kept.isEmpty) merged[w].set(lexeme, kept);
      }
      for (const [lexeme, added] of this.overlay[w]) {
        if (added.isEmpty) continue;
        const kept = merged[w].get(lexeme);
        merged[w].set(lexeme, kept ? RoaringBitmap32.or(kept, added) : added);
      }
    }
    this.built = merged;
    this.changed = new RoaringBitmap32();
    this.overlay = byWeight();
    this.current.clear();
  }

  /** Every bitmap held, for compaction and statistics. */
  bitmaps(): RoaringBitmap32[] {
    return [...WEIGHTS.flatMap((w) => [...this.built[w].values(), ...this.overlay[w].values()]), this.changed];
  }
}
