import {
  decodeGlobalId,
  isoDate,
  type POSITION_FACET_FIELDS,
  POSITION_ISSUES,
  POSITION_KINDS,
  type PositionFilter,
  QUERY_MAX_LENGTH,
} from "@parley/schema";
import { type Params, param } from "../shared/paging.ts";

export type PositionFacetField = (typeof POSITION_FACET_FIELDS.codes)[number];

/** Each facet of the positions search: its URL parameter, its filter field and how a value is checked. */
export const POSITION_FACETS: Record<
  PositionFacetField,
  { param: string; filter: "actorIds" | "kinds" | "issues" | "processIds"; valid(v: string): boolean; expected: string }
> = {
  ACTOR: {
    param: "actor",
    filter: "actorIds",
    valid: (v) => decodeGlobalId(v, "Actor") !== null,
    expected: "the ID of an actor",
  },
  KIND: {
    param: "kind",
    filter: "kinds",
    valid: (v) => POSITION_KINDS.schema.safeParse(v).success,
    expected: `one of ${POSITION_KINDS.codes.join(", ")}`,
  },
  ISSUE: {
    param: "issue",
    filter: "issues",
    valid: (v) => POSITION_ISSUES.schema.safeParse(v).success,
    expected: `one of ${POSITION_ISSUES.codes.join(", ")}`,
  },
  PROCESS: {
    param: "process",
    filter: "processIds",
    valid: (v) => decodeGlobalId(v, "Process") !== null,
    expected: "the ID of a process",
  },
};

const all = (params: Params, key: string): string[] => {
  const value = params instanceof URLSearchParams ? params.getAll(key) : params[key];
  return (value === undefined ? [] : Array.isArray(value) ? value : [value]).filter((v) => v !== "");
};

/** The positions search a URL asks for; each value that cannot be read is left out and named in `problems`. */
export function positionSearchFromParams(
  params: Params,
  problems: string[],
): { query: string; filter: PositionFilter } {
  const filter: PositionFilter = {};
  for (const { param: key, filter: field, valid, expected } of Object.values(POSITION_FACETS)) {
    const values = all(params, key).slice(0, 50);
    for (const v of values) if (!valid(v)) problems.push(`ignored ${key}=${v} (${expected})`);
    const kept = values.filter(valid);
    if (kept.length > 0) (filter as Record<string, string[]>)[field] = kept;
  }
  for (const key of ["from", "to"] as const) {
    const value = param(params, key);
    if (value && isoDate.safeParse(value).success) filter[key] = value;
    else if (value) problems.push(`ignored ${key}=${value} (a date such as 2022-05-01)`);
  }
  if (filter.from && filter.to && filter.from > filter.to) {
    problems.push("ignored from: it is after to");
    delete filter.from;
  }
  return { query: (param(params, "q") ?? "").slice(0, QUERY_MAX_LENGTH), filter };
}
