import { graphql, readFragment, type FragmentOf } from "../graphql/tada.ts";
import type { MapPlace } from "./map-frame.ts";

/** What the map needs of each shown event. */
export const EventPicturesFragment = graphql(`
  fragment EventPictures on Event {
    id
    places { id name country lat lon }
  }
`);

/** The places of the shown events, each with how many of them happened there. */
export function placesOf(nodes: FragmentOf<typeof EventPicturesFragment>[]): MapPlace[] {
  const places = new Map<string, MapPlace>();
  for (const e of nodes.map((n) => readFragment(EventPicturesFragment, n))) {
    for (const p of e.places) {
      const known = places.get(p.id);
      if (known) known.count++;
      else places.set(p.id, { ...p, count: 1 });
    }
  }
  return [...places.values()];
}
