import type { FragmentOf } from "../graphql/tada.ts";
import { EventTimeline } from "./EventTimeline.tsx";
import { PlacesMap } from "./PlacesMap.tsx";
import { picturesData, type EventPicturesFragment } from "./pictures.fragment.ts";

/** The shown events as a timeline and a map. */
export function Pictures({ nodes }: { nodes: FragmentOf<typeof EventPicturesFragment>[] }) {
  if (nodes.length === 0) return null;
  const { events, places } = picturesData(nodes);
  return (
    <section aria-labelledby="pictures-heading" className="pictures">
      <h2 id="pictures-heading">These events in time and space</h2>
      <EventTimeline events={events} />
      <PlacesMap places={places} />
    </section>
  );
}
