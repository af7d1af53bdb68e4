import Link from "next/link";
import { searchStateToParams, type SearchState } from "@parley/schema";
import type { ResultOf } from "../graphql/tada.ts";
import { EventCard } from "../events/EventCard.tsx";
import { Downloads } from "./Downloads.tsx";
import type { SearchPageQuery } from "./search.query.ts";

type Search = ResultOf<typeof SearchPageQuery>["searchEvents"];

const countFormat = new Intl.NumberFormat("en-GB");

export function Results({ search, state }: { search: Search; state: SearchState }) {
  const { totalCount, edges, pageInfo } = search;
  return (
    <section aria-labelledby="results-heading" className="results">
      <h2 id="results-heading" className="visually-hidden">
        Results
      </h2>
      <p className="result-count" role="status" aria-live="polite">
        {totalCount === 0
          ? "No events match"
          : edges.length < totalCount
            ? `${countFormat.format(totalCount)} events, showing ${countFormat.format(edges.length)}`
            : `${countFormat.format(totalCount)} ${totalCount === 1 ? "event" : "events"}`}
      </p>
      <Downloads state={state} totalCount={totalCount} />
      {totalCount === 0 && <NoResults state={state} />}
      <ol className="event-list">
        {edges.map((edge) => (
          <li key={edge.node.id}>
            <EventCard data={edge.node} />
            {state.query && edge.highlights.length > 0 && (
              <p className="highlights">
                {edge.highlights.slice(0, 2).map((h, i) => (
                  // The API escapes the text and adds only <mark> tags.
                  <span key={i} dangerouslySetInnerHTML={{ __html: h }} />
                ))}
              </p>
            )}
          </li>
        ))}
      </ol>
      <nav className="pager" aria-label="Pages">
        {state.after && <Link href={`/?${searchStateToParams({ ...state, after: null })}`}>First page</Link>}
        {pageInfo.hasNextPage && pageInfo.endCursor && (
          <Link href={`/?${searchStateToParams({ ...state, after: pageInfo.endCursor })}`} rel="next">
            Next page
          </Link>
        )}
      </nav>
    </section>
  );
}

function NoResults({ state }: { state: SearchState }) {
  const hasFilters = Object.values(state.filter).some((v) => (Array.isArray(v) ? v.length > 0 : v !== undefined));
  return (
    <div className="notice">
      <p>Nothing matches {state.query ? <>“{state.query}”</> : "this search"}{hasFilters ? " with these filters" : ""}.</p>
      <ul>
        {state.query && <li>Check the spelling, or try another spelling of a name (Parley knows many).</li>}
        {hasFilters && (
          <li>
            <Link href={`/?${searchStateToParams({ query: state.query })}`}>Keep the words, drop every filter</Link>
          </li>
        )}
        <li>
          <Link href="/">Start again with all events</Link>
        </li>
      </ul>
    </div>
  );
}
