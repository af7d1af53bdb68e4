import { defined, FACET_FIELDS, type FacetField } from "@parley/schema";
import { ActorRoles } from "./actor-roles.ts";
import { RoaringBitmap32 } from "./bitmap.ts";
import { CrossCounts } from "./cross-counts.ts";
import { DateRanges } from "./date-ranges.ts";
import { monthOfDay } from "./days.ts";
import type { FacetKey } from "./facet-key.ts";
import { type EventFatalities, Fatalities } from "./fatalities.ts";
import { type ForwardField, ForwardIndex, START_MONTH } from "./forward.ts";
import { KeptScopes } from "./kept-scopes.ts";
import { type EventLexemes, LexemeIndex, WEIGHTS } from "./lexemes.ts";

export { WEIGHTS, type Weight } from "./lexemes.ts";

/** What the index knows of one event: the facts its facets, filters and histogram are made of. */
export interface EventFacts {
  id: number;
  type: string;
  startDay: number;
  endDay: number;
  contested: boolean;
  participants: { actorId: number; role: string }[];
  /** `located`: the place has coordinates. */
  places: { placeId: number; country: string; located: boolean }[];
  outlets: number[];
  fatalities: EventFatalities;
  /** The lexemes of the event's text document by weight: A title, B names and places, C summary. */
  lexemes: EventLexemes;
}

/**
 * Roaring bitmaps of event IDs, one per facet value (per type, actor, role, country, place, outlet),
 * per start month and per end month, plus every event's start and end day. Counting a facet value
 * under a filter is one bitmap intersection count.
 */
export class FacetIndex {
  readonly all = new RoaringBitmap32();
  readonly contested = new RoaringBitmap32();
  readonly fields: Record<FacetField, Map<FacetKey, RoaringBitmap32>> = {
    TYPE: new Map(),
    ACTOR: new Map(),
    ROLE: new Map(),
    COUNTRY: new Map(),
    PLACE: new Map(),
    OUTLET: new Map(),
  };
  /** Events by actor and role together: who held which role. */
  readonly actorRoles = new ActorRoles();
  /** Places with coordinates, as of the last write of one of their events. */
  readonly located = new Set<number>();
  readonly fatalities = new Fatalities();
  /** Events by text lexeme (as PostgreSQL's `parley` configuration stems them), per document weight. */
  readonly lexemes = new LexemeIndex();
  /** The same facts the other way round: each event's values of every facet, and its start month. */
  readonly forward = new ForwardIndex<ForwardField>([...FACET_FIELDS.codes, START_MONTH]);
  /** Facet counts and months kept for the events of each single choice (a type, contested…). */
  readonly cross = new CrossCounts(this.forward);
  readonly startMonths = new Map<number, RoaringBitmap32>();
  readonly endMonths = new Map<number, RoaringBitmap32>();
  startDay = new Int32Array(1024);
  endDay = new Int32Array(1024);
  /** Events of the date ranges searched recently, kept up to date through writes. */
  readonly dateRanges: DateRanges = new DateRanges(this);
  /** Facet counts of the scopes searched recently (a date range, a word, several filters…), kept up to date through writes. */
  readonly scopes: KeptScopes = new KeptScopes(this);
  private sortedMonths: number[] | null = null;
  /** How many events were added since the build: no value's bitmap has grown by more. */
  additions = 0;
  /** Rises with every change, so that results computed from the index can be cached by it. */
  version = 0;

  /** Events whose document holds the lexeme, in any field. */
  lexeme(lexeme: string): RoaringBitmap32 {
    const found = WEIGHTS.map((w) => this.lexemes.get(w, lexeme)).filter((b): b is RoaringBitmap32 => b !== undefined);
    return found.length === 1 ? defined(found[0]).clone() : RoaringBitmap32.orMany(found);
  }

  /**
   * Each start month's events in date order (start day, then ID), oldest first, worked out when a
   * page by date first walks the month, then kept in order as events come and go (a write puts its
   * event in place, rather than the month being sorted again at the next page): the landing page,
   * and a page of a broad filter, take the newest events of the newest month without reading the
   * start day of each of the month's events. At most 4 bytes an event.
   */
  private readonly monthOrder = new Map<number, Uint32Array>();

  monthInDateOrder(month: number): Uint32Array {
    let sorted = this.monthOrder.get(month);
    if (!sorted) {
      const days = this.startDay;
      sorted = (this.startMonths.get(month)?.toUint32Array() ?? new Uint32Array(0)).sort(
        (a, b) => defined(days[a]) - defined(days[b]) || a - b,
      );
      this.monthOrder.set(month, sorted);
    }
    return sorted;
  }

  /** Where (day, id) stands in a month's date order (monthInDateOrder): the first entry not before it. */
  positionInDateOrder(sorted: Uint32Array, day: number, id: number): number {
    const days = this.startDay;
    let low = 0;
    let high = sorted.length;
    while (low < high) {
      const mid = (low + high) >>> 1;
      const other = defined(sorted[mid]);
      if ((defined(days[other]) - day || other - id) < 0) low = mid + 1;
      else high = mid;
    }
    return low;
  }

  /** Puts an event (its start day already recorded) into its month's date order, if that is kept. */
  private orderAdd(id: number) {
    const month = monthOfDay(defined(this.startDay[id]));
    const sorted = this.monthOrder.get(month);
    if (!sorted) return;
    const at = this.positionInDateOrder(sorted, defined(this.startDay[id]), id);
    const grown = new Uint32Array(sorted.length + 1);
    grown.set(sorted.subarray(0, at));
    grown[at] = id;
    grown.set(sorted.subarray(at), at + 1);
    this.monthOrder.set(month, grown);
  }

  /** Takes an event (its start day still the recorded one) out of its month's date order, if that is kept. */
  private orderRemove(id: number) {
    const month = monthOfDay(defined(this.startDay[id]));
    const sorted = this.monthOrder.get(month);
    if (!sorted) return;
    const at = this.positionInDateOrder(sorted, defined(this.startDay[id]), id);
    if (sorted[at] !== id) {
      this.monthOrder.delete(month); // not where its day puts it: worked out again when next read
      return;
    }
    const shrunk = new Uint32Array(sorted.length - 1);
    shrunk.set(sorted.subarray(0, at));
    shrunk.set(sorted.subarray(at + 1), at);
    this.monthOrder.set(month, shrunk);
  }

  /** Start months that hold events, oldest first. */
  months(): number[] {
    if (!this.sortedMonths)
      this.sortedMonths = [...this.startMonths.entries()]
        .filter(([, b]) => b.size > 0)
        .map(([m]) => m)
        .sort((a, b) => a - b);
    return this.sortedMonths;
  }

  private ensureCapacity(id: number) {
    if (id < this.startDay.length) return;
    let size = this.startDay.length;
    while (size <= id) size *= 2;
    const start = new Int32Array(size);
    start.set(this.startDay);
    const end = new Int32Array(size);
    end.set(this.endDay);
    this.startDay = start;
    this.endDay = end;
  }

  /** Forgets the given events everywhere (they are re-added from fresh facts, or were deleted). */
  remove(ids: RoaringBitmap32) {
    if (ids.isEmpty) return;
    // The facet values and months an event is in are known from its forward lists and days, so only
    // those bitmaps are touched (thousands of actors and places are not); its words are set aside
    // by the lexeme index without visiting every word's bitmap.
    for (const id of RoaringBitmap32.and(this.all, ids)) {
      const values = this.forward.valuesOf(id);
      for (const [field, keys] of Object.entries(values) as [ForwardField, FacetKey[]][]) {
        if (field !== START_MONTH) for (const key of keys) this.fields[field].get(key)?.remove(id);
      }
      this.actorRoles.remove(id, (values.ACTOR ?? []) as number[], (values.ROLE ?? []) as string[]);
      this.fatalities.forget(id);
      const codes = this.forward.codesOf(id);
      const contested = this.contested.has(id);
      this.cross.change(codes, contested, -1);
      this.scopes.removed(id, codes, defined(this.startDay[id]), defined(this.endDay[id]), contested);
      this.forward.set(id, {});
      this.startMonths.get(monthOfDay(defined(this.startDay[id])))?.remove(id);
      this.orderRemove(id);
      this.endMonths.get(monthOfDay(defined(this.endDay[id])))?.remove(id);
      this.dateRanges.removed(id);
    }
    this.all.andNotInPlace(ids);
    this.contested.andNotInPlace(ids);
    this.lexemes.remove(ids);
    this.sortedMonths = null;
    this.version++;
  }

  add(facts: EventFacts) {
    const { id } = facts;
    this.ensureCapacity(id);
    this.startDay[id] = facts.startDay;
    this.endDay[id] = facts.endDay;
    this.all.add(id);
    if (facts.contested) this.contested.add(id);
    bitmapFor(this.fields.TYPE, facts.type).add(id);
    for (const p of facts.participants) {
      bitmapFor(this.fields.ACTOR, p.actorId).add(id);
      bitmapFor(this.fields.ROLE, p.role).add(id);
    }
    this.actorRoles.add(id, facts.participants);
    for (const p of facts.places) {
      bitmapFor(this.fields.PLACE, p.placeId).add(id);
      bitmapFor(this.fields.COUNTRY, p.country).add(id);
      if (p.located) this.located.add(p.placeId);
      else this.located.delete(p.placeId);
    }
    this.fatalities.set(id, facts.fatalities);
    for (const outlet of facts.outlets) bitmapFor(this.fields.OUTLET, outlet).add(id);
    this.lexemes.add(id, facts.lexemes);
    this.forward.set(id, {
      TYPE: [facts.type],
      ACTOR: facts.participants.map((p) => p.actorId),
      ROLE: facts.participants.map((p) => p.role),
      PLACE: facts.places.map((p) => p.placeId),
      COUNTRY: facts.places.map((p) => p.country),
      OUTLET: facts.outlets,
      START_MONTH: [monthOfDay(facts.startDay)],
    });
    const codes = this.forward.codesOf(id);
    this.cross.change(codes, facts.contested, 1);
    bitmapFor(this.startMonths, monthOfDay(facts.startDay)).add(id);
    this.orderAdd(id);
    bitmapFor(this.endMonths, monthOfDay(facts.endDay)).add(id);
    this.dateRanges.added(id, facts.startDay, facts.endDay);
    this.scopes.added(codes, facts);
    this.additions++;
    this.sortedMonths = null;
    this.version++;
  }

  /** Replaces what the index holds for `changed` by `facts` (events absent from `facts` are gone). */
  apply(changed: number[], facts: EventFacts[]) {
    this.remove(new RoaringBitmap32(changed));
    for (const f of facts) this.add(f);
  }

  /** Every bitmap the index holds. */
  private bitmaps(): RoaringBitmap32[] {
    return [
      this.all,
      this.contested,
      ...Object.values(this.fields).flatMap((m) => [...m.values()]),
      ...this.startMonths.values(),
      ...this.endMonths.values(),
      ...this.lexemes.bitmaps(),
      ...this.actorRoles.bitmaps(),
    ];
  }

  /** Compacts every bitmap after a bulk build. */
  optimize() {
    for (const b of this.bitmaps()) {
      b.runOptimize();
      b.shrinkToFit();
    }
  }

  stats() {
    const size = (bitmaps: RoaringBitmap32[]) =>
      bitmaps.reduce((sum, b) => sum + b.getSerializationSizeInBytes("portable"), 0);
    const bitmaps = this.bitmaps();
    const pairs = this.actorRoles.bitmaps();
    return {
      events: this.all.size,
      bitmaps: bitmaps.length,
      bytes: size(bitmaps),
      actorRoleBitmaps: pairs.length,
      actorRoleBytes: size(pairs),
    };
  }
}

export function bitmapFor(
  map: Map<FacetKey, RoaringBitmap32> | Map<number, RoaringBitmap32> | Map<string, RoaringBitmap32>,
  key: FacetKey,
): RoaringBitmap32 {
  const m = map as Map<FacetKey, RoaringBitmap32>;
  let bitmap = m.get(key);
  if (!bitmap) {
    bitmap = new RoaringBitmap32();
    m.set(key, bitmap);
  }
  return bitmap;
}
