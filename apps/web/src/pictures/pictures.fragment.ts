import { type FragmentOf, graphql, readFragment } from "../graphql/tada.ts";
import type { MapPlace } from "./map-frame.ts";

/** How many places the map asks for: the busiest ones, if a search has more. */
export const MAP_PLACES = 200;

/** What the pictures need of a search: every result by month, and every result's places. */
export const SearchPicturesFragment = graphql(`
  fragment SearchPictures on EventSearchResult {
    histogram(interval: MONTH) { start count }
    places(first: 200) { count place { id name country lat lon } }
  }
`);

export type SearchPicturesData = ReturnType<typeof readPictures>;

export const readPictures = (data: FragmentOf<typeof SearchPicturesFragment>) =>
  readFragment(SearchPicturesFragment, data);

/** The places of every result, each with how many results are there. */
export function placesOf(pictures: SearchPicturesData): MapPlace[] {
  return pictures.places.map(({ place, count }) => ({ ...place, count }));
}
