import type { FacetField } from "@parley/schema";
import type { RoaringBitmap32 } from "./bitmap.ts";
import type { FacetIndex } from "./facet-index.ts";
import type { FacetKey } from "./facet-key.ts";

interface SizeOrder {
  /** The index's `additions` when sorted. */
  additions: number;
  values: { key: FacetKey; bitmap: RoaringBitmap32; size: number }[];
}

/** Sorted again once this many events were added since (or a value appeared). */
const RESORT_AFTER = 1_000;

const sortedBySize = new WeakMap<FacetIndex, Partial<Record<FacetField, SizeOrder>>>();

/**
 * A facet's values, largest bitmap first, with the sizes they had then, and the slack: how many
 * events were added since, the most any bitmap can have grown. Kept through writes, so a write does
 * not cost every later search a sort of thousands of values.
 */
export function bySize(index: FacetIndex, field: FacetField): { values: SizeOrder["values"]; slack: number } {
  let fields = sortedBySize.get(index);
  if (!fields) {
    fields = {};
    sortedBySize.set(index, fields);
  }
  let order = fields[field];
  const map = index.fields[field];
  if (!order || order.values.length !== map.size || index.additions - order.additions > RESORT_AFTER) {
    // Each size is read once (a call into the native library), not at every comparison of the sort.
    const values = [...map]
      .map(([key, bitmap]) => ({ key, bitmap, size: bitmap.size }))
      .sort((a, b) => b.size - a.size);
    fields[field] = order = { additions: index.additions, values };
  }
  return { values: order.values, slack: index.additions - order.additions };
}
