import type { z } from "zod";
import { defined } from "./defined.ts";
import { FACET_FILTERS, type FacetFilter, idTypeName, PARTICIPANT_PARAM } from "./facets.ts";
import { decodeGlobalId } from "./ids.ts";
import { ONE_WAY_PROBLEM, ParamIssues, type SearchParamIssue } from "./param-issues.ts";
import { type EventFilter, eventFilterFields, eventFilterSchema, QUERY_MAX_LENGTH } from "./search.ts";
import { participantsFromParams, participantsToParams } from "./url-participants.ts";
import { EVENT_SORTS, type EventSort } from "./vocabulary.ts";

export { participantParam } from "./participant-param.ts";

/** The search state a URL carries: `/?q=talks&type=CEASEFIRE&country=PK&from=2022-01-01&sort=DATE_DESC`. */
export interface SearchState {
  query: string;
  filter: EventFilter;
  sort: EventSort;
  /** The page after this cursor (forward), or before `before` (backward); at most one is set. */
  after: string | null;
  before?: string | null;
}

export type Params = URLSearchParams | Record<string, string | string[] | undefined>;

export function all(params: Params, key: string): string[] {
  if (params instanceof URLSearchParams) return params.getAll(key);
  const value = params[key];
  return value === undefined ? [] : Array.isArray(value) ? value : [value];
}

function one(params: Params, key: string): string | undefined {
  return all(params, key)[0];
}

/** Why a facet's URL value is refused, or null when its field takes it. */
function facetValueProblem(field: keyof typeof FACET_FILTERS, value: string): string | null {
  const { filter, idType }: FacetFilter = FACET_FILTERS[field];
  const checked = (eventFilterFields[filter] as z.ZodType).safeParse([value]);
  if (!checked.success) return defined(checked.error.issues[0]).message;
  return idType && decodeGlobalId(value, idType) === null ? `is not the ID of ${idTypeName(idType)}` : null;
}

/**
 * Reads search state from URL params. Values that do not parse (an unknown type, a malformed ID, a
 * `p` entry with an unknown role) are dropped one by one and reported (as text in `problems`, and by
 * key in `issues`), so a hand-edited link still shows the rest of its view, and an export can refuse
 * what it cannot read.
 */

export function searchStateFromParams(params: Params): {
  state: SearchState;
  problems: string[];
  issues: SearchParamIssue[];
} {
  const found = new ParamIssues();
  const candidate: Record<string, unknown> = {};
  for (const field of Object.keys(FACET_FILTERS) as (keyof typeof FACET_FILTERS)[]) {
    const { filter, param } = FACET_FILTERS[field];
    const values = all(params, param).filter((v) => v !== "");
    const kept = values.filter((v) => {
      const problem = facetValueProblem(field, v);
      if (problem) found.add(param, v, problem);
      return problem === null;
    });
    if (kept.length > 0) candidate[filter] = kept;
  }
  const participants = participantsFromParams(all(params, PARTICIPANT_PARAM), found);
  if (participants.length > 0) candidate.participants = participants;
  for (const key of ["from", "to"] as const) {
    const value = one(params, key);
    if (value) candidate[key] = value;
  }
  if (one(params, "contested") === "1" || one(params, "contested") === "true") candidate.contested = true;

  let filter: EventFilter = {};
  const parsed = eventFilterSchema.safeParse(candidate);
  if (parsed.success) filter = parsed.data;
  else {
    for (const issue of parsed.error.issues) {
      const key = String(issue.path[0] ?? "filter");
      found.add(key, one(params, key) ?? null, issue.message, `ignored ${key}: ${issue.message}`);
    }
    const { from: _from, to: _to, ...rest } = candidate;
    filter = eventFilterSchema.safeParse(rest).data ?? {};
  }

  const sortParam = one(params, "sort");
  const sort = EVENT_SORTS.schema.safeParse(sortParam);
  if (sortParam && !sort.success) found.add("sort", sortParam, `must be one of ${EVENT_SORTS.codes.join(", ")}`);
  const query = (one(params, "q") ?? "").slice(0, QUERY_MAX_LENGTH);
  const after = one(params, "after") ?? null;
  const before = after === null ? (one(params, "before") ?? null) : null;
  if (after !== null && one(params, "before") !== undefined)
    found.add(
      "before",
      defined(one(params, "before")),
      "is left out: a link pages one way, and it has `after`",
      ONE_WAY_PROBLEM,
    );
  return {
    state: {
      query,
      filter,
      sort: sort.success ? sort.data : "RELEVANCE",
      after,
      ...(before !== null ? { before } : {}),
    },
    problems: found.problems,
    issues: found.issues,
  };
}

/** Writes search state as URL params, leaving out defaults so links stay short. */
export function searchStateToParams(state: Partial<SearchState>): URLSearchParams {
  const params = new URLSearchParams();
  if (state.query) params.set("q", state.query);
  const filter = state.filter ?? {};
  for (const { filter: field, param } of Object.values(FACET_FILTERS)) {
    for (const value of (filter[field] as string[] | undefined) ?? []) params.append(param, value);
  }
  for (const value of participantsToParams(filter.participants)) params.append(PARTICIPANT_PARAM, value);
  if (filter.from) params.set("from", filter.from);
  if (filter.to) params.set("to", filter.to);
  if (filter.contested) params.set("contested", "1");
  if (state.sort && state.sort !== "RELEVANCE") params.set("sort", state.sort);
  if (state.after) params.set("after", state.after);
  else if (state.before) params.set("before", state.before);
  return params;
}
