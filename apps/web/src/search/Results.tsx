import { type SearchState, searchStateToParams } from "@parley/schema";
import Link from "next/link";
import { Fragment } from "react";
import { EventCard } from "../events/EventCard.tsx";
import { Pager } from "../shared/Pager.tsx";
import type { PageView } from "../shared/paging.ts";
import { DidYouMean } from "./DidYouMean.tsx";
import { highlightPieces } from "./highlights.ts";
import type { SearchData } from "./load.ts";
import { pageParams } from "./page-params.ts";

/** One page of results, with the matches marked, a better spelling of the words if there is one, and the way to the pages either side. */
export function Results({
  search,
  state,
  page,
  range,
}: {
  search: SearchData;
  state: SearchState;
  page: PageView;
  range: { from: number } | null;
}) {
  const { totalCount, edges, pageInfo } = search;
  return (
    <>
      <DidYouMean state={state} suggestions={search.suggestions} />
      {totalCount === 0 && <NoResults state={state} />}
      <ol className="event-list" start={range?.from}>
        {edges.map((edge) => (
          <li key={edge.node.id}>
            <EventCard data={edge.node} />
            {state.query && edge.highlights.length > 0 && (
              <p className="highlights">
                {edge.highlights.slice(0, 2).map((h) => (
                  <span key={h}>
                    {highlightPieces(h).map((piece) =>
                      piece.marked ? (
                        <mark key={piece.at}>{piece.text}</mark>
                      ) : (
                        <Fragment key={piece.at}>{piece.text}</Fragment>
                      ),
                    )}
                  </span>
                ))}
              </p>
            )}
          </li>
        ))}
      </ol>
      <Pager
        path="/"
        params={pageParams(state)}
        view={page}
        shown={edges.length}
        range={range}
        pageInfo={pageInfo}
        sizes={false}
        what="results"
        total={totalCount}
      />
    </>
  );
}

function NoResults({ state }: { state: SearchState }) {
  const hasFilters = Object.values(state.filter).some((v) => (Array.isArray(v) ? v.length > 0 : v !== undefined));
  return (
    <div className="notice">
      <p>
        Nothing matches {state.query ? <>“{state.query}”</> : "this search"}
        {hasFilters ? " with these filters" : ""}.
      </p>
      <ul>
        {state.query && <li>Check the spelling, or try another spelling of a name (Parley knows many).</li>}
        {hasFilters && <li>Remove a filter above, one at a time, to see which one leaves nothing.</li>}
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
