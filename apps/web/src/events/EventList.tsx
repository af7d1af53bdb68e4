import type { FragmentOf } from "../graphql/tada.ts";
import { EventCard, type EventCardFragment } from "./EventCard.tsx";

const countFormat = new Intl.NumberFormat("en-GB");

type EventNode = FragmentOf<typeof EventCardFragment> & { id: string };

export function EventList({ events, totalCount }: { events: EventNode[]; totalCount: number }) {
  const shown = events.length;
  return (
    <section aria-labelledby="events-heading">
      <h1 id="events-heading">Events</h1>
      <p className="result-count" role="status">
        {shown < totalCount
          ? `Showing ${countFormat.format(shown)} of ${countFormat.format(totalCount)} events`
          : `${countFormat.format(totalCount)} ${totalCount === 1 ? "event" : "events"}`}
      </p>
      <ol className="event-list">
        {events.map((event) => (
          <li key={event.id}>
            <EventCard data={event} />
          </li>
        ))}
      </ol>
    </section>
  );
}
