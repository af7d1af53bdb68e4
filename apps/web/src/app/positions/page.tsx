import { POSITION_FACET_FIELDS } from "@parley/schema";
import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { env } from "../../env.ts";
import { getClient } from "../../graphql/client.ts";
import { positionChips } from "../../positions/chips.ts";
import { PositionResults } from "../../positions/PositionResults.tsx";
import { POSITION_FACETS, type PositionFacetField, positionSearchFromParams } from "../../positions/params.ts";
import { PositionsSearchQuery } from "../../positions/positions.query.ts";
import { ActiveFilters } from "../../search/ActiveFilters.tsx";
import { DateFields } from "../../search/DateFields.tsx";
import { applyEdits } from "../../search/edits.ts";
import { FacetGroup } from "../../search/FacetGroup.tsx";
import { SearchForm } from "../../search/SearchForm.tsx";
import { ApiUnavailable } from "../../shared/ApiUnavailable.tsx";
import { LinkProblems } from "../../shared/LinkProblems.tsx";
import { Pager } from "../../shared/Pager.tsx";
import { PAGE_SIZES, type Params, pageViewFromParams, param, rangeLabel, shownRange } from "../../shared/paging.ts";

export const dynamic = "force-dynamic";

type Props = { searchParams: Promise<Params> };

export async function generateMetadata({ searchParams }: Props): Promise<Metadata> {
  const q = param(await searchParams, "q");
  return { title: q ? `“${q}”: positions` : "Positions" };
}

const asURLSearchParams = (params: Params) =>
  params instanceof URLSearchParams
    ? params
    : new URLSearchParams(
        Object.entries(params).flatMap(([k, v]) =>
          v === undefined ? [] : (Array.isArray(v) ? v : [v]).map((x) => [k, x]),
        ),
      );

export default async function PositionsPage({ searchParams }: Props) {
  const params = asURLSearchParams(await searchParams);
  const edited = applyEdits(params);
  if (edited) redirect(`/positions?${edited}`);
  const problems: string[] = [];
  const { query, filter } = positionSearchFromParams(params, problems);
  let view = pageViewFromParams(params, problems);
  const load = () =>
    getClient()
      .query(PositionsSearchQuery, { query: query || null, filter, first: view.per, after: view.after })
      .toPromise();
  let result = await load();
  if (!result.data && !result.error?.networkError && view.after) {
    problems.push("the page this link points to belongs to another search; showing the first");
    view = { ...view, after: null, start: 1 };
    result = await load();
  }
  if (!result.data) return <ApiUnavailable apiUrl={env.PARLEY_API_URL} error={result.error} />;
  const { totalCount, edges, pageInfo, facets } = result.data.searchPositions;
  const range = shownRange(view, edges.length, totalCount, pageInfo);
  const kept = new URLSearchParams([...params].filter(([k]) => !["after", "before", "start", "per"].includes(k)));
  return (
    <SearchForm action="/positions">
      <div className="search-bar">
        <h1>Positions</h1>
        <label className="search-box">
          <span className="visually-hidden">Search positions</span>
          <input
            type="search"
            name="q"
            defaultValue={query}
            key={query}
            placeholder="Search positions: words of the demand, the holder's names, the quotes"
          />
        </label>
        <button type="submit">Search</button>
      </div>
      <LinkProblems problems={problems} />
      <div className="search-layout positions-layout">
        <aside className="filters" aria-label="Filters">
          <DateFields from={filter.from} to={filter.to} />
          {POSITION_FACET_FIELDS.codes.map((field: PositionFacetField) => (
            <FacetGroup
              key={field}
              name={POSITION_FACETS[field].param}
              legend={POSITION_FACET_FIELDS.labels[field]}
              values={facets.find((f) => f.field === field)?.values ?? []}
            />
          ))}
          <noscript>
            <button type="submit">Apply filters</button>
          </noscript>
        </aside>
        <section className="results" aria-labelledby="positions-count">
          <ActiveFilters chips={positionChips(query, filter, facets)} />
          <p id="positions-count" role="status" className="result-count">
            {rangeLabel(range, edges.length, totalCount, "position", "positions")}, newest first
          </p>
          <PositionResults positions={edges.map((e) => e.node)} />
          <Pager
            path="/positions"
            params={kept}
            view={view}
            shown={edges.length}
            range={range}
            pageInfo={pageInfo}
            backward={false}
            what="positions"
            total={totalCount}
          />
          {view.per !== PAGE_SIZES[0] && <input type="hidden" name="per" value={view.per} />}
        </section>
      </div>
    </SearchForm>
  );
}
