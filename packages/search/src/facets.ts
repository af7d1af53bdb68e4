import { RoaringBitmap32 } from "./bitmap.ts";
import { EVENT_TYPES, FACET_FIELDS, PARTICIPANT_ROLES, type FacetField } from "@parley/schema";
import type { FacetIndex, FacetKey } from "./facet-index.ts";

/**
 * How many values a facet lists, most frequent first, besides the selected ones (always listed):
 * every value of the closed lists (TYPE, ROLE), the top 15 of the open ones.
 */
export const FACET_VALUE_LIMIT = 15;
const UNLIMITED: FacetField[] = ["TYPE", "ROLE"];
/** Below this many events in scope, a facet is counted from each event's values rather than from every value's bitmap. */
const FORWARD_BELOW = 100_000;

export interface FacetValueCount {
  key: FacetKey;
  count: number;
  selected: boolean;
}

export interface FacetCounts {
  field: FacetField;
  values: FacetValueCount[];
}

export type FacetFilters = Partial<Record<FacetField, { keys: FacetKey[]; bitmap: RoaringBitmap32 }>>;

/**
 * Disjunctive counts: each facet is counted over the events that pass every other filter (and the
 * text query and dates) but not its own, so a ticked value does not hide its siblings.
 */
export function countFacets(index: FacetIndex, base: RoaringBitmap32 | null, filters: FacetFilters, limit = FACET_VALUE_LIMIT): FacetCounts[] {
  // The landing page (nothing chosen) is the most frequent search: its counts are kept until the index changes.
  const unfiltered = base === null && Object.keys(filters).length === 0;
  if (unfiltered && landing.get(index)?.version === index.version) return landing.get(index)!.counts;
  const counts = FACET_FIELDS.codes.map((field) => {
    const others = FACET_FIELDS.codes.filter((f) => f !== field && filters[f]).map((f) => filters[f]!.bitmap);
    let scope: RoaringBitmap32 | null = base;
    for (const bitmap of others) scope = scope ? RoaringBitmap32.and(scope, bitmap) : bitmap;
    const selected = new Set(filters[field]?.keys ?? []);
    const counts: FacetValueCount[] = [];
    if (scope && scope.size < FORWARD_BELOW) {
      const forward = index.forward[field];
      for (const [code, count] of forward.count(scope.toUint32Array())) {
        const key = forward.key(code);
        counts.push({ key, count, selected: selected.has(key) });
      }
      for (const key of selected) if (!counts.some((c) => c.key === key)) counts.push({ key, count: 0, selected: true });
    } else {
      for (const [key, bitmap] of index.fields[field]) {
        const count = scope ? bitmap.andCardinality(scope) : bitmap.size;
        if (count > 0 || selected.has(key)) counts.push({ key, count, selected: selected.has(key) });
      }
    }
    counts.sort((a, b) => b.count - a.count || compareKeys(a.key, b.key));
    const shown = UNLIMITED.includes(field) ? counts : counts.slice(0, limit);
    for (const key of selected) {
      if (shown.some((v) => v.key === key)) continue;
      shown.push(counts.find((v) => v.key === key) ?? { key, count: 0, selected: true });
    }
    return { field, values: shown };
  });
  if (unfiltered) landing.set(index, { version: index.version, counts });
  return counts;
}

const landing = new WeakMap<FacetIndex, { version: number; counts: FacetCounts[] }>();

function compareKeys(a: FacetKey, b: FacetKey): number {
  return typeof a === "number" && typeof b === "number" ? a - b : String(a).localeCompare(String(b));
}

const countryNames = new Intl.DisplayNames(["en"], { type: "region", fallback: "code" });
const countryLabels = new Map<string, string>();

function countryLabel(code: string): string {
  let label = countryLabels.get(code);
  if (label === undefined) {
    try {
      label = countryNames.of(code) ?? code;
    } catch {
      label = code;
    }
    countryLabels.set(code, label);
  }
  return label;
}

/** A label for enum and country values; names of actors, places and outlets come from the database. */
export function staticLabel(field: FacetField, key: FacetKey): string | null {
  switch (field) {
    case "TYPE":
      return EVENT_TYPES.labels[key as keyof typeof EVENT_TYPES.labels] ?? String(key);
    case "ROLE":
      return PARTICIPANT_ROLES.labels[key as keyof typeof PARTICIPANT_ROLES.labels] ?? String(key);
    case "COUNTRY":
      return countryLabel(String(key));
    default:
      return null;
  }
}
