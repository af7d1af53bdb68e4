import type { EventFilter, SearchState } from "@parley/schema";
import { defined } from "@parley/schema/defined";
import type { CombinedError } from "@urql/core";
import { getClient } from "../graphql/client.ts";
import type { ResultOf } from "../graphql/tada.ts";
import { connectionArgs, type PageView } from "../shared/paging.ts";
import { SearchPageQuery } from "./search.query.ts";

export type SearchData = ResultOf<typeof SearchPageQuery>["searchEvents"];

/** The names of the actors of the search's `participants`, by ID (a record that no longer exists has none). */
export type ActorNames = Map<string, string>;

export type SearchLoad =
  | { kind: "ok"; search: SearchData; actorNames: ActorNames; state: SearchState; page: PageView; warnings: string[] }
  | { kind: "unreachable"; error: CombinedError | undefined }
  | { kind: "failed"; error: CombinedError; state: SearchState; warnings: string[] };

/** The argument a BAD_USER_INPUT error names (`after`, `filter.actorIds`), if any. */
function refusedArgument(error: CombinedError | undefined): { argument: string; message: string } | null {
  for (const e of error?.graphQLErrors ?? []) {
    const argument = e.extensions?.argument;
    if (e.extensions?.code === "BAD_USER_INPUT" && typeof argument === "string")
      return { argument, message: e.message };
  }
  return null;
}

/**
 * Runs the search the URL asks for. What the API refuses (a cursor of another search, an ID of no
 * record of that kind) is left out with a warning and the rest runs; the page that tells how to
 * start the API is only for an API that does not answer.
 */
export async function loadSearch(asked: SearchState, askedPage: PageView, warnings: string[]): Promise<SearchLoad> {
  let state = asked;
  let page = askedPage;
  for (let attempt = 0; attempt < 4; attempt++) {
    const participantIds = (state.filter.participants ?? []).map((p) => p.actorId);
    const result = await getClient()
      .query(SearchPageQuery, {
        query: state.query || null,
        filter: state.filter,
        ...connectionArgs(page),
        sort: state.sort,
        participantIds,
      })
      .toPromise();
    if (result.data) {
      // By the ID asked, not the one answered: a merged actor answers as the actor it became.
      const actorNames: ActorNames = new Map(
        participantIds.flatMap((id, i): [string, string][] => {
          const actor = result.data?.participantActors[i];
          return actor && "name" in actor ? [[id, actor.name]] : [];
        }),
      );
      return { kind: "ok", search: result.data.searchEvents, actorNames, state, page, warnings };
    }
    if (!result.error || result.error.networkError) return { kind: "unreachable", error: result.error };
    const refused = refusedArgument(result.error);
    if (!refused) return { kind: "failed", error: result.error, state, warnings };
    if (refused.argument === "after" || refused.argument === "before") {
      warnings.push(
        "the page of results this link points to belongs to another search or no longer exists; showing the first page",
      );
      page = { ...page, after: null, before: null, start: 1 };
      state = { ...state, after: null, before: null };
    } else if (refused.argument.startsWith("filter.")) {
      const field = defined(refused.argument.slice("filter.".length).split(/[.[]/)[0]);
      warnings.push(`ignored ${field}: ${refused.message.replace(/^\[GraphQL\] /, "")}`);
      const { [field as keyof EventFilter]: _dropped, ...rest } = state.filter;
      state = { ...state, filter: rest };
    } else if (refused.argument === "query") {
      warnings.push(`ignored the words: ${refused.message}`);
      state = { ...state, query: "" };
    } else {
      return { kind: "failed", error: result.error, state, warnings };
    }
  }
  return { kind: "unreachable", error: undefined };
}
