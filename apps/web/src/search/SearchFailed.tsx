import { type SearchState, searchStateToParams } from "@parley/schema";
import type { CombinedError } from "@urql/core";
import Link from "next/link";
import { LinkProblems } from "../shared/LinkProblems.tsx";

/** The API answered but could not run this search: say what it said, and the ways on. Not the "start the API" page. */
export function SearchFailed({
  state,
  error,
  warnings,
}: {
  state: SearchState;
  error: CombinedError;
  warnings: string[];
}) {
  return (
    <section className="notice notice-error" role="alert" aria-labelledby="search-failed-heading">
      <h1 id="search-failed-heading">This search could not be run</h1>
      <LinkProblems problems={warnings} />
      <p>Parley&rsquo;s API is answering, but refused this search: {error.message.replace(/^\[GraphQL\] /, "")}.</p>
      <ul>
        {state.query && (
          <li>
            <Link href={`/?${searchStateToParams({ query: state.query })}`}>Search the words alone</Link>
          </li>
        )}
        <li>
          <Link href="/">Start again with all events</Link>
        </li>
      </ul>
    </section>
  );
}
