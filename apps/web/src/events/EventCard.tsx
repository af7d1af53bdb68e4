import Link from "next/link";
import { type FragmentOf, graphql, readFragment } from "../graphql/tada.ts";
import { dateRangeLabel, eventTypeLabel } from "../shared/labels.ts";
import { href } from "../shared/links.ts";
import { TypeSwatch } from "../shared/TypeSwatch.tsx";

export const EventCardFragment = graphql(`
  fragment EventCard on Event {
    id
    type
    title
    summary
    startDate
    endDate
    datePrecision
    contested
    places { id name country }
    participants { role actor { id name } }
  }
`);

export function EventCard({ data }: { data: FragmentOf<typeof EventCardFragment> }) {
  const event = readFragment(EventCardFragment, data);
  const actors = [...new Map(event.participants.map((p) => [p.actor.id, p.actor])).values()];
  return (
    <article className="event-card" aria-labelledby={`event-${event.id}`}>
      <p className="event-meta">
        <span className="event-type">
          <TypeSwatch type={event.type} />
          {eventTypeLabel(event.type)}
        </span>
        <time dateTime={event.startDate}>{dateRangeLabel(event.startDate, event.endDate, event.datePrecision)}</time>
        {event.contested && <span className="badge badge-contested">Contested</span>}
      </p>
      <h2 id={`event-${event.id}`}>
        <Link href={href.event(event.id)}>{event.title}</Link>
      </h2>
      {event.summary && <p className="event-summary">{event.summary}</p>}
      {event.places.length > 0 && (
        <p className="event-places">
          <span className="visually-hidden">Places: </span>
          {event.places.map((p) => `${p.name} (${p.country})`).join(" · ")}
        </p>
      )}
      {actors.length > 0 && (
        <p className="event-actors">
          <span className="visually-hidden">Actors: </span>
          {actors.map((a, i) => (
            <span key={a.id}>
              {i > 0 && ", "}
              <Link href={href.actor(a.id)}>{a.name}</Link>
            </span>
          ))}
        </p>
      )}
    </article>
  );
}
