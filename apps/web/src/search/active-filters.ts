import { FACET_FIELDS, FACET_FILTERS, formatPartialDate, type SearchState } from "@parley/schema";
import { removal } from "./edits.ts";

export interface Chip {
  /** What the chip shows, and (after "Remove") its button's name. */
  text: string;
  /** The `remove` value that takes the filter out. */
  remove: string;
}

interface LabelledFacet {
  field: string;
  values: { value: string; label: string; selected: boolean }[];
}

const day = (date: string) => formatPartialDate({ date, precision: "DAY" });

/** One chip per active filter, in the order of the form: words, facet values, dates, contested. */
export function activeFilterChips(state: SearchState, facets: LabelledFacet[]): Chip[] {
  const chips: Chip[] = [];
  if (state.query) chips.push({ text: `Words: “${state.query}”`, remove: removal("q") });
  for (const field of FACET_FIELDS.codes) {
    const { filter, param } = FACET_FILTERS[field];
    const facet = facets.find((f) => f.field === field);
    for (const value of state.filter[filter] ?? []) {
      const label = facet?.values.find((v) => v.value === value)?.label ?? value;
      chips.push({ text: `${FACET_FIELDS.labels[field]}: ${label}`, remove: removal(param, value) });
    }
  }
  const { from, to } = state.filter;
  if (from || to) {
    const text = from && to ? `Dates: ${day(from)} – ${day(to)}` : from ? `Dates: from ${day(from)}` : `Dates: until ${day(to!)}`;
    chips.push({ text, remove: removal("from") });
  }
  if (state.filter.contested) chips.push({ text: "Contested only", remove: removal("contested") });
  return chips;
}

