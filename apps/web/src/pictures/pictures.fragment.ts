import { graphql, readFragment, type FragmentOf } from "../graphql/tada.ts";
import type { MapPlace } from "./PlacesMap.tsx";
import type { TimelineEvent } from "./EventTimeline.tsx";

/** What the timeline and the map need of each shown event. */
export const EventPicturesFragment = graphql(`
  fragment EventPictures on Event {
    id title type startDate endDate
    places { id name country lat lon }
  }
`);

export function picturesData(nodes: FragmentOf<typeof EventPicturesFragment>[]): { events: TimelineEvent[]; places: MapPlace[] } {
  const events = nodes.map((n) => readFragment(EventPicturesFragment, n));
  const places = new Map<string, MapPlace>();
  for (const e of events) {
    for (const p of e.places) {
      const known = places.get(p.id);
      if (known) known.count++;
      else places.set(p.id, { ...p, count: 1 });
    }
  }
  return { events, places: [...places.values()] };
}
