import { Suspense } from "react";
import { EVENT_TYPES, searchStateToParams, type SearchState } from "@parley/schema";
import type { SearchData } from "../search/load.ts";
import { mapFrame } from "./map-frame.ts";
import { monthsOf } from "./months.ts";
import { MonthTimeline } from "./MonthTimeline.tsx";
import { placesOf } from "./pictures.fragment.ts";
import { TypedStacks } from "./TypedStacks.tsx";
import { TypeLegend } from "./TypeLegend.tsx";
import { ZoomableMap } from "./ZoomableMap.tsx";

/** The types to stack, biggest first: those chosen, or else every type with results. */
function stackedTypes(search: SearchData, state: SearchState): string[] {
  const facet = search.facets.find((f) => f.field === "TYPE")?.values ?? [];
  const chosen = state.filter.types ?? [];
  return facet.filter((v) => (chosen.length > 0 ? chosen.includes(v.value as never) : v.count > 0)).sort((a, b) => b.count - a.count).map((v) => v.value);
}

/** The results in time (every result, by month and type) and in space (the places of the shown results). */
export function SearchPictures({ search, state }: { search: SearchData; state: SearchState }) {
  if (search.totalCount === 0) return null;
  const map = mapFrame(placesOf(search.edges.map((e) => e.node)));
  const months = monthsOf(search.histogram);
  const types = stackedTypes(search, state);
  return (
    <section aria-labelledby="pictures-heading" className="pictures">
      <h2 id="pictures-heading">In time and space</h2>
      {months.length > 0 && (
        <MonthTimeline
          buckets={search.histogram.filter((b) => b.count > 0)}
          from={state.filter.from}
          to={state.filter.to}
          legend={<TypeLegend types={types} labels={EVENT_TYPES.labels} />}
          stacks={
            <Suspense key={searchStateToParams({ ...state, after: null }).toString()} fallback={null}>
              <TypedStacks state={state} total={search.histogram} types={types} />
            </Suspense>
          }
        />
      )}
      <figure className="picture">
        {map ? <ZoomableMap land={map.land} places={map.places} selected={state.filter.placeIds ?? []} /> : <p className="muted">None of these events has a place with coordinates.</p>}
        <figcaption id="map-caption">
          {map && `${map.places.length} ${map.places.length === 1 ? "place" : "places"} of the ${search.edges.length} events listed; circles grow with their events. `}
          Borders: Natural Earth.
        </figcaption>
      </figure>
    </section>
  );
}
