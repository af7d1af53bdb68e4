import Link from "next/link";
import { formatPartialDate, type DatePrecision } from "@parley/schema";
import type { ResultOf } from "../graphql/tada.ts";
import { actorKindLabel, roleLabel } from "../shared/labels.ts";
import { href } from "../shared/links.ts";
import type { ActorPageQuery } from "./actor.query.ts";
import { companions } from "./companions.ts";
import { ActorTimeline } from "./Timeline.tsx";
import { ActorPositions } from "../positions/ActorPositions.tsx";

type Actor = NonNullable<ResultOf<typeof ActorPageQuery>["actor"]>;

function span(a: { startDate: string | null; startPrecision: string | null; endDate: string | null; endPrecision: string | null }): string {
  const f = (d: string | null, p: string | null) => (d ? formatPartialDate({ date: d, precision: (p ?? "DAY") as DatePrecision }) : null);
  const start = f(a.startDate, a.startPrecision);
  const end = f(a.endDate, a.endPrecision);
  if (start && end) return `${start} – ${end}`;
  if (start) return `since ${start}`;
  return end ? `until ${end}` : "";
}

export function ActorDetail({ actor }: { actor: Actor }) {
  const appearances = actor.events.edges.map((e) => e.node);
  const partners = companions(actor.id, appearances);
  return (
    <article className="record" aria-labelledby="record-title">
      <p className="event-meta">
        <span className="event-type">{actorKindLabel(actor.kind)}</span>
        {actor.country && <span>{actor.country}</span>}
      </p>
      <h1 id="record-title">{actor.name}</h1>
      {actor.description && <p className="lead">{actor.description}</p>}
      {actor.aliases.length > 0 && (
        <p>
          <strong>Also written:</strong> {actor.aliases.join(" · ")}
        </p>
      )}

      {(actor.affiliations.length > 0 || actor.members.length > 0) && <h2>Affiliations</h2>}
      {actor.affiliations.length > 0 && (
        <ul className="affiliations">
          {actor.affiliations.map((a, i) => (
            <li key={i}>
              {a.title}
              {a.organisation && (
                <>
                  {", "}
                  <Link href={href.actor(a.organisation.id)}>{a.organisation.name}</Link>
                </>
              )}{" "}
              <span className="muted">{span(a)}</span>
            </li>
          ))}
        </ul>
      )}
      {actor.members.length > 0 && (
        <ul className="affiliations" aria-label="People affiliated">
          {actor.members.map((m, i) => (
            <li key={i}>
              <Link href={href.actor(m.actor.id)}>{m.actor.name}</Link>, {m.title} <span className="muted">{span(m)}</span>
            </li>
          ))}
        </ul>
      )}

      <h2>Timeline</h2>
      {appearances.length === 0 ? (
        <p>No events recorded for this actor.</p>
      ) : (
        <ActorTimeline items={appearances.map((a) => ({ ...a.event, role: a.role }))} />
      )}
      {actor.events.totalCount > appearances.length && (
        <p className="muted">Showing the first {appearances.length} of {actor.events.totalCount} appearances.</p>
      )}

      <h2>Positions over time</h2>
      <ActorPositions positions={actor.positions} />

      {partners.length > 0 && (
        <>
          <h2>Appears most often with</h2>
          <ul className="companions">
            {partners.map((c) => (
              <li key={c.id}>
                <Link href={href.actor(c.id)}>{c.name}</Link>{" "}
                <span className="muted">
                  {c.events} {c.events === 1 ? "event" : "events"}, as {[...c.roles.entries()].map(([r, n]) => `${roleLabel(r).toLowerCase()} ×${n}`).join(", ")}
                </span>
              </li>
            ))}
          </ul>
        </>
      )}
    </article>
  );
}
