import { EVENT_TYPES, type FacetField, PARTICIPANT_ROLES } from "@parley/schema";
import type { FacetKey } from "./facet-key.ts";
import type { FacetCounts } from "./facets.ts";
import type { Names } from "./rows.ts";

export interface FacetValue {
  field: FacetField;
  key: FacetKey;
  label: string;
  count: number;
  selected: boolean;
}

export interface Facet {
  field: FacetField;
  values: FacetValue[];
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

/** The actors (and outlets) and places whose names label the counted values. */
export function labelIds(counts: FacetCounts[]): { actors: number[]; places: number[] } {
  const ids = (fields: FacetField[]) =>
    counts.filter((c) => fields.includes(c.field)).flatMap((c) => c.values.map((v) => v.key as number));
  return { actors: ids(["ACTOR", "OUTLET"]), places: ids(["PLACE"]) };
}

export function labelled(counts: FacetCounts[], names: Names): Facet[] {
  return counts.map(({ field, values }) => ({
    field,
    values: values.map((v) => ({
      field,
      key: v.key,
      count: v.count,
      selected: v.selected,
      label:
        staticLabel(field, v.key) ??
        (field === "PLACE" ? names.places : names.actors).get(v.key as number) ??
        String(v.key),
    })),
  }));
}
