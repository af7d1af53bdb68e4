import Link from "next/link";
import type { ResultOf } from "../graphql/tada.ts";
import { fatalitiesLabel } from "../shared/fatalities.ts";
import { dateRangeLabel, eventTypeLabel, outcomeLabel, roleLabel } from "../shared/labels.ts";
import { href } from "../shared/links.ts";
import { TypeSwatch } from "../shared/TypeSwatch.tsx";
import { EventChanges } from "./EventChanges.tsx";
import { EventEvidence } from "./EventEvidence.tsx";
import type { EventPageQuery } from "./event.query.ts";

type Event = NonNullable<ResultOf<typeof EventPageQuery>["event"]>;

function groupByRole(participants: Event["participants"]) {
  const groups = new Map<string, Event["participants"]>();
  for (const p of participants) groups.set(p.role, [...(groups.get(p.role) ?? []), p]);
  return [...groups.entries()];
}

export function EventDetail({ event }: { event: Event }) {
  return (
    <article className="record" aria-labelledby="record-title">
      <p className="event-meta">
        <span className="event-type">
          <TypeSwatch type={event.type} />
          {eventTypeLabel(event.type)}
        </span>
        {event.contested && <span className="badge badge-contested">Contested</span>}
      </p>
      <h1 id="record-title">{event.title}</h1>
      {event.summary && <p className="lead">{event.summary}</p>}
      <dl className="facts">
        <dt>When</dt>
        <dd>
          <time dateTime={event.startDate}>{dateRangeLabel(event.startDate, event.endDate, event.datePrecision)}</time>{" "}
          <span className="muted">(precise to the {event.datePrecision.toLowerCase()})</span>
        </dd>
        {event.places.length > 0 && (
          <>
            <dt>Where</dt>
            <dd>{event.places.map((p) => `${p.name} (${p.country})`).join(" · ")}</dd>
          </>
        )}
        {event.outcome && (
          <>
            <dt>Outcome</dt>
            <dd>{outcomeLabel(event.outcome)}</dd>
          </>
        )}
        {event.fatalities && (
          <>
            <dt>Deaths reported</dt>
            <dd>{fatalitiesLabel(event.fatalities)}</dd>
          </>
        )}
        {event.process && (
          <>
            <dt>Process</dt>
            <dd>
              <Link href={href.process(event.process.id)}>{event.process.name}</Link>
            </dd>
          </>
        )}
      </dl>

      <h2>Who took part</h2>
      {event.participants.length === 0 ? (
        <p>No participants recorded.</p>
      ) : (
        <dl className="participants">
          {groupByRole(event.participants).map(([role, people]) => (
            <div key={role}>
              <dt>{roleLabel(role)}</dt>
              <dd>
                {people.map((p, i) => (
                  <span key={p.actor.id}>
                    {i > 0 && ", "}
                    <Link href={href.actor(p.actor.id)}>{p.actor.name}</Link>
                    {p.note && <span className="muted"> ({p.note})</span>}
                  </span>
                ))}
              </dd>
            </div>
          ))}
        </dl>
      )}

      {event.related.length > 0 && (
        <>
          <h2>Related events</h2>
          <ul className="related">
            {event.related.map((r) => (
              <li key={`${r.kind}-${r.direction}-${r.event.id}`}>
                <span className="relation">{r.label}</span> <Link href={href.event(r.event.id)}>{r.event.title}</Link>{" "}
                <span className="muted">{dateRangeLabel(r.event.startDate, null, r.event.datePrecision)}</span>
              </li>
            ))}
          </ul>
        </>
      )}

      <h2>Evidence</h2>
      <EventEvidence claims={event.claims} positions={event.positions} contested={event.contested} />
      <EventChanges data={event} />
    </article>
  );
}
