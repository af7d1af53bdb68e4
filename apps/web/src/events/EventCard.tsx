import { gql } from "@urql/core";
import { EVENT_TYPES, formatPartialDate, type DatePrecision } from "@parley/schema";

/** Hand-written until apps/api prints schema.graphql; then typed documents replace it. */
export interface EventCardData {
  id: string;
  type: string;
  title: string;
  summary: string | null;
  startDate: string;
  datePrecision: DatePrecision;
  contested: boolean;
  places: { id: string; name: string; country: string | null }[];
  participants: { role: string; actor: { id: string; name: string } }[];
}

export const EventCardFragment = gql<EventCardData>`
  fragment EventCard on Event {
    id
    type
    title
    summary
    startDate
    datePrecision
    contested
    places { id name country }
    participants { role actor { id name } }
  }
`;

function eventTypeLabel(type: string): string {
  const known = EVENT_TYPES.schema.safeParse(type);
  return known.success ? EVENT_TYPES.labels[known.data] : type;
}

function placeLabel(place: EventCardData["places"][number]): string {
  return place.country ? `${place.name} (${place.country})` : place.name;
}

export function EventCard({ event }: { event: EventCardData }) {
  const actors = [...new Map(event.participants.map((p) => [p.actor.id, p.actor.name])).values()];
  return (
    <article className="event-card" aria-labelledby={`event-${event.id}`}>
      <p className="event-meta">
        <span className="event-type">{eventTypeLabel(event.type)}</span>
        <time dateTime={event.startDate}>
          {formatPartialDate({ date: event.startDate, precision: event.datePrecision })}
        </time>
        {event.contested && <span className="badge badge-contested">Contested</span>}
      </p>
      <h2 id={`event-${event.id}`}>{event.title}</h2>
      {event.summary && <p className="event-summary">{event.summary}</p>}
      {event.places.length > 0 && (
        <p className="event-places">
          <span className="visually-hidden">Places: </span>
          {event.places.map(placeLabel).join(" · ")}
        </p>
      )}
      {actors.length > 0 && (
        <p className="event-actors">
          <span className="visually-hidden">Actors: </span>
          {actors.join(", ")}
        </p>
      )}
    </article>
  );
}
