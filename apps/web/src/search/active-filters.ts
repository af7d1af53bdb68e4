import {
  FACET_FIELDS,
  FACET_FILTERS,
  formatPartialDate,
  PARTICIPANT_PARAM,
  PARTICIPANT_ROLES,
  participantParam,
  type SearchState,
} from "@parley/schema";
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

/**
 * One chip per active filter, in the order of the form: words, facet values, participants ("Taking
 * part: Qatar as Mediator", named from `actorNames`), dates, contested.
 */
export function activeFilterChips(
  state: SearchState,
  facets: LabelledFacet[],
  actorNames: ReadonlyMap<string, string> = new Map(),
): Chip[] {
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
  for (const entry of state.filter.participants ?? []) {
    const roles = entry.roles?.length ? ` as ${entry.roles.map((r) => PARTICIPANT_ROLES.labels[r]).join(" or ")}` : "";
    chips.push({
      text: `Taking part: ${actorNames.get(entry.actorId) ?? "an actor not found"}${roles}`,
      remove: removal(PARTICIPANT_PARAM, participantParam(entry)),
    });
  }
  const { from, to } = state.filter;
  const dates = from && to ? `${day(from)} – ${day(to)}` : from ? `from ${day(from)}` : to ? `until ${day(to)}` : null;
  if (dates) chips.push({ text: `Dates: ${dates}`, remove: removal("from") });
  if (state.filter.contested) chips.push({ text: "Contested only", remove: removal("contested") });
  return chips;
}
