import { searchStateFromParams } from "@parley/schema";
import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { env } from "../env.ts";
import { EventsEmpty } from "../events/EventsEmpty.tsx";
import { SearchPictures } from "../pictures/SearchPictures.tsx";
import { ActiveFilters } from "../search/ActiveFilters.tsx";
import { activeFilterChips } from "../search/active-filters.ts";
import { DateFields } from "../search/DateFields.tsx";
import { applyEdits } from "../search/edits.ts";
import { Facets } from "../search/Facets.tsx";
import { FiltersDrawer } from "../search/FiltersDrawer.tsx";
import { loadSearch } from "../search/load.ts";
import { ParticipantFields } from "../search/ParticipantFields.tsx";
import { pageParams } from "../search/page-params.ts";
import { Results } from "../search/Results.tsx";
import { ResultsHeader } from "../search/ResultsHeader.tsx";
import { SearchBar } from "../search/SearchBar.tsx";
import { SearchFailed } from "../search/SearchFailed.tsx";
import { SearchForm } from "../search/SearchForm.tsx";
import { SearchViews } from "../search/SearchViews.tsx";
import { ApiUnavailable } from "../shared/ApiUnavailable.tsx";
import { LinkProblems } from "../shared/LinkProblems.tsx";
import { type Params, pageViewFromParams, shownRange } from "../shared/paging.ts";

// Rendered per request: the build must not need a running API.
export const dynamic = "force-dynamic";

type Props = { searchParams: Promise<Params> };

const toSearchParams = (params: Params) =>
  params instanceof URLSearchParams
    ? params
    : new URLSearchParams(
        Object.entries(params).flatMap(([k, v]) =>
          v === undefined ? [] : (Array.isArray(v) ? v : [v]).map((x) => [k, x]),
        ),
      );

export async function generateMetadata({ searchParams }: Props): Promise<Metadata> {
  const { state } = searchStateFromParams(toSearchParams(await searchParams));
  // The root layout's title template does not apply to its own segment's page.
  return { title: `${state.query ? `“${state.query}”: search` : "Search events"} · Parley` };
}

export default async function SearchPage({ searchParams }: Props) {
  const params = toSearchParams(await searchParams);
  // A chip's or "Clear all"'s button, sent without JavaScript: the page it asks for.
  const edited = applyEdits(params);
  if (edited) redirect(`/?${edited}`);
  const { state: asked, problems } = searchStateFromParams(params);
  const askedPage = pageViewFromParams(params, problems);
  const loaded = await loadSearch(asked, askedPage, problems);
  if (loaded.kind === "unreachable") return <ApiUnavailable apiUrl={env.PARLEY_API_URL} error={loaded.error} />;
  if (loaded.kind === "failed")
    return <SearchFailed state={loaded.state} error={loaded.error} warnings={loaded.warnings} />;

  const { search, actorNames, state, page, warnings } = loaded;
  const everything = !state.query && Object.keys(state.filter).length === 0;
  if (everything && search.totalCount === 0) return <EventsEmpty />;
  const chips = activeFilterChips(state, search.facets, actorNames);
  const range = shownRange(page, search.edges.length, search.totalCount, search.pageInfo);
  const context = pageParams(state).toString();

  return (
    <SearchForm>
      <SearchBar query={state.query} />
      <LinkProblems problems={warnings} />
      <div className="search-layout">
        <FiltersDrawer active={chips.length} total={search.totalCount}>
          <label className="toggle">
            <input
              key={String(state.filter.contested === true)}
              type="checkbox"
              name="contested"
              value="1"
              defaultChecked={state.filter.contested === true}
            />{" "}
            Contested only
          </label>
          <DateFields from={state.filter.from} to={state.filter.to} />
          <ParticipantFields participants={state.filter.participants ?? []} />
          <Facets facets={search.facets} context={context} />
          <noscript>
            <button type="submit">Apply filters</button>
          </noscript>
        </FiltersDrawer>
        <section id="results" tabIndex={-1} aria-labelledby="results-heading" className="results">
          <h2 id="results-heading" className="visually-hidden" tabIndex={-1}>
            Results
          </h2>
          <ActiveFilters chips={chips} />
          <ResultsHeader
            state={state}
            page={page}
            total={search.totalCount}
            shown={search.edges.length}
            range={range}
            fatalities={search.fatalities}
          />
          <SearchViews
            list={<Results search={search} state={state} page={page} range={range} />}
            pictures={<SearchPictures search={search} state={state} />}
          />
        </section>
      </div>
    </SearchForm>
  );
}
