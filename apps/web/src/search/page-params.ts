import { type SearchState, searchStateToParams } from "@parley/schema";

/** The search's params without its place in the results, for links to other pages of it (the pager adds the page size). */
export function pageParams(state: SearchState): URLSearchParams {
  return searchStateToParams({ ...state, after: null, before: null });
}
