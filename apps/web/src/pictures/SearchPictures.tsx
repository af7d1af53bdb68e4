import { EVENT_TYPES, type SearchState } from "@parley/schema";
import { Suspense } from "react";
import type { SearchData } from "../search/load.ts";
import { pageParams } from "../search/page-params.ts";
import { MonthTimeline } from "./MonthTimeline.tsx";
import { mapFrame } from "./map-frame.ts";
import { monthsOf } from "./months.ts";
import { MAP_PLACES, placesOf, readPictures } from "./pictures.fragment.ts";
import { TypedStacks } from "./TypedStacks.tsx";
import { TypeLegend } from "./TypeLegend.tsx";
import { ZoomableMap } from "./ZoomableMap.tsx";

/** The types to stack, biggest first: those chosen, or else every type with results. */
function stackedTypes(search: SearchData, state: SearchState): string[] {
  const facet = search.facets.find((f) => f.field === "TYPE")?.values ?? [];
  const chosen = state.filter.types ?? [];
  return facet
    .filter((v) => (chosen.length > 0 ? chosen.includes(v.value as never) : v.count > 0))
    .sort((a, b) => b.count - a.count)
    .map((v) => v.value);
}

/** Every result in time (by month and type) and in space (every place of every result). */
export function SearchPictures({ search, state }: { search: SearchData; state: SearchState }) {
  if (search.totalCount === 0) return null;
  const pictures = readPictures(search);
  const map = mapFrame(placesOf(pictures));
  const months = monthsOf(pictures.histogram);
  const types = stackedTypes(search, state);
  return (
    <section aria-labelledby="pictures-heading" className="pictures">
      <h2 id="pictures-heading">In time and space</h2>
      {months.length > 0 && (
        <MonthTimeline
          buckets={pictures.histogram.filter((b) => b.count > 0)}
          from={state.filter.from}
          to={state.filter.to}
          legend={<TypeLegend types={types} labels={EVENT_TYPES.labels} />}
          stacks={
            <Suspense key={pageParams(state).toString()} fallback={null}>
              <TypedStacks state={state} total={pictures.histogram} types={types} />
            </Suspense>
          }
        />
      )}
      <figure className="picture">
        {map ? (
          <ZoomableMap land={map.land} places={map.places} selected={state.filter.placeIds ?? []} />
        ) : (
          <p className="muted">None of these events has a place with coordinates.</p>
        )}
        <figcaption id="map-caption">
          {map && `${placesCaption(map.places.length, search.totalCount)}; circles grow with their events. `}
          Borders: Natural Earth.
        </figcaption>
      </figure>
    </section>
  );
}

const count = new Intl.NumberFormat("en-GB");

/** "12 places of all 46 events", or, where the search has more than the map asks for, the busiest of them. */
function placesCaption(places: number, events: number): string {
  const of = events === 1 ? "the 1 event" : `all ${count.format(events)} events`;
  if (places >= MAP_PLACES) return `The ${count.format(places)} places with the most events of ${of}`;
  return `${count.format(places)} ${places === 1 ? "place" : "places"} of ${of}`;
}
