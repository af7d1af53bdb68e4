import { z } from "zod";
import { eventFilterFields, eventFilterSchema, type EventFilter, QUERY_MAX_LENGTH } from "./search.ts";
import { EVENT_SORTS, type EventSort } from "./vocabulary.ts";

/** The search state a URL carries: `/?q=talks&type=CEASEFIRE&country=PK&from=2022-01-01&sort=DATE_DESC`. */
export interface SearchState {
  query: string;
  filter: EventFilter;
  sort: EventSort;
  after: string | null;
}

type Params = URLSearchParams | Record<string, string | string[] | undefined>;

const LIST_KEYS = {
  types: "type",
  actorIds: "actor",
  roles: "role",
  countries: "country",
  placeIds: "place",
  outletIds: "outlet",
} as const;

function all(params: Params, key: string): string[] {
  if (params instanceof URLSearchParams) return params.getAll(key);
  const value = params[key];
  return value === undefined ? [] : Array.isArray(value) ? value : [value];
}

function one(params: Params, key: string): string | undefined {
  return all(params, key)[0];
}

/** A URL value that was left out, by its URL key (`type`, `from`). */
export interface SearchParamIssue {
  key: string;
  value: string | null;
  message: string;
}

/**
 * Reads search state from URL params. Values that do not parse are dropped one by one and reported
 * (as text in `problems`, and by key in `issues`), so a hand-edited link still shows the rest of its
 * view, and an export can refuse what it cannot read.
 */
export function searchStateFromParams(params: Params): { state: SearchState; problems: string[]; issues: SearchParamIssue[] } {
  const problems: string[] = [];
  const issues: SearchParamIssue[] = [];
  const candidate: Record<string, unknown> = {};
  for (const [field, key] of Object.entries(LIST_KEYS)) {
    const values = all(params, key).filter((v) => v !== "");
    if (values.length === 0) continue;
    const fieldSchema: z.ZodType = eventFilterFields[field as keyof typeof LIST_KEYS];
    const kept = values.filter((v) => {
      const checked = fieldSchema.safeParse([v]);
      if (!checked.success) {
        problems.push(`ignored ${key}=${v}`);
        issues.push({ key, value: v, message: checked.error.issues[0]!.message });
      }
      return checked.success;
    });
    if (kept.length > 0) candidate[field] = kept;
  }
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
      problems.push(`ignored ${key}: ${issue.message}`);
      issues.push({ key, value: one(params, key) ?? null, message: issue.message });
    }
    const { from: _from, to: _to, ...rest } = candidate;
    filter = eventFilterSchema.safeParse(rest).data ?? {};
  }

  const sortParam = one(params, "sort");
  const sort = EVENT_SORTS.schema.safeParse(sortParam);
  if (sortParam && !sort.success) {
    problems.push(`ignored sort=${sortParam}`);
    issues.push({ key: "sort", value: sortParam, message: `must be one of ${EVENT_SORTS.codes.join(", ")}` });
  }
  const query = (one(params, "q") ?? "").slice(0, QUERY_MAX_LENGTH);
  return {
    state: { query, filter, sort: sort.success ? sort.data : "RELEVANCE", after: one(params, "after") ?? null },
    problems,
    issues,
  };
}

/** Writes search state as URL params, leaving out defaults so links stay short. */
export function searchStateToParams(state: Partial<SearchState>): URLSearchParams {
  const params = new URLSearchParams();
  if (state.query) params.set("q", state.query);
  const filter = state.filter ?? {};
  for (const [field, key] of Object.entries(LIST_KEYS)) {
    for (const value of (filter[field as keyof typeof LIST_KEYS] as string[] | undefined) ?? []) params.append(key, value);
  }
  if (filter.from) params.set("from", filter.from);
  if (filter.to) params.set("to", filter.to);
  if (filter.contested) params.set("contested", "1");
  if (state.sort && state.sort !== "RELEVANCE") params.set("sort", state.sort);
  if (state.after) params.set("after", state.after);
  return params;
}
