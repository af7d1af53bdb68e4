import { formatPartialDate, POSITION_FACET_FIELDS, type PositionFilter } from "@parley/schema";
import type { Chip } from "../search/active-filters.ts";
import { removal } from "../search/edits.ts";
import { POSITION_FACETS } from "./params.ts";

interface LabelledFacet {
  field: string;
  values: { value: string; label: string }[];
}

const day = (date: string) => formatPartialDate({ date, precision: "DAY" });

/** One chip per active filter of the positions search: words, each facet value, dates. */
export function positionChips(query: string, filter: PositionFilter, facets: LabelledFacet[]): Chip[] {
  const chips: Chip[] = query ? [{ text: `Words: “${query}”`, remove: removal("q") }] : [];
  for (const field of POSITION_FACET_FIELDS.codes) {
    const { param, filter: key } = POSITION_FACETS[field];
    const labels = facets.find((f) => f.field === field)?.values ?? [];
    for (const value of filter[key] ?? []) {
      chips.push({
        text: `${POSITION_FACET_FIELDS.labels[field]}: ${labels.find((v) => v.value === value)?.label ?? value}`,
        remove: removal(param, value),
      });
    }
  }
  const { from, to } = filter;
  const dates = from && to ? `${day(from)} – ${day(to)}` : from ? `from ${day(from)}` : to ? `until ${day(to)}` : null;
  if (dates) chips.push({ text: `Dates: ${dates}`, remove: removal("from") });
  return chips;
}
