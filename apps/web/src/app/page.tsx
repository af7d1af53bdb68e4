import { EVENT_SORTS, PAGE_SIZE, searchStateFromParams } from "@parley/schema";
import { env } from "../env.ts";
import { getClient } from "../graphql/client.ts";
import { EventsEmpty } from "../events/EventsEmpty.tsx";
import { Pictures } from "../pictures/Pictures.tsx";
import { Facets } from "../search/Facets.tsx";
import { Histogram } from "../search/Histogram.tsx";
import { Results } from "../search/Results.tsx";
import { SearchForm } from "../search/SearchForm.tsx";
import { SearchPageQuery } from "../search/search.query.ts";
import { ApiUnavailable } from "../shared/ApiUnavailable.tsx";

// Rendered per request: the build must not need a running API.
export const dynamic = "force-dynamic";

type Params = Record<string, string | string[] | undefined>;

export default async function SearchPage({ searchParams }: { searchParams: Promise<Params> }) {
  const { state, problems } = searchStateFromParams(await searchParams);
  const result = await getClient()
    .query(SearchPageQuery, { query: state.query || null, filter: state.filter, first: PAGE_SIZE.default, after: state.after, sort: state.sort })
    .toPromise();

  if (!result.data) return <ApiUnavailable apiUrl={env.PARLEY_API_URL} error={result.error} />;
  const search = result.data.searchEvents;
  const everything = !state.query && Object.keys(state.filter).length === 0;
  if (everything && search.totalCount === 0) return <EventsEmpty />;

  return (
    <SearchForm>
      <div className="search-bar">
        <h1 className="visually-hidden">Search events</h1>
        <label className="search-box">
          <span className="visually-hidden">Search events, actors and places</span>
          <input type="search" name="q" defaultValue={state.query} placeholder="Search events, actors, places — any spelling" key={state.query} />
        </label>
        <button type="submit">Search</button>
        <label className="sort">
          Sort{" "}
          <select name="sort" defaultValue={state.sort} key={state.sort}>
            {EVENT_SORTS.codes.map((code) => (
              <option key={code} value={code}>
                {EVENT_SORTS.labels[code]}
              </option>
            ))}
          </select>
        </label>
      </div>
      {(problems.length > 0 || result.error) && (
        <p className="notice notice-error" role="alert">
          {result.error ? result.error.message.replace(/^\[GraphQL\] /, "") : `Parts of this link could not be read and were left out: ${problems.join("; ")}.`}
        </p>
      )}
      <div className="search-layout">
        <aside className="filters" aria-label="Filters">
          <label className="toggle">
            <input key={String(state.filter.contested === true)} type="checkbox" name="contested" value="1" defaultChecked={state.filter.contested === true} /> Contested only
          </label>
          <Histogram buckets={search.histogram} from={state.filter.from} to={state.filter.to} />
          <Facets facets={search.facets} />
          <noscript>
            <button type="submit">Apply filters</button>
          </noscript>
        </aside>
        <div className="search-main">
          <Results search={search} state={state} />
          <Pictures nodes={search.edges.map((e) => e.node)} />
        </div>
      </div>
    </SearchForm>
  );
}
