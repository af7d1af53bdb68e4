import Link from "next/link";
import { formatPartialDate, searchStateToParams, type DatePrecision } from "@parley/schema";
import type { ResultOf } from "../graphql/tada.ts";
import { actorKindLabel, roleLabel } from "../shared/labels.ts";
import { href } from "../shared/links.ts";
import type { ActorPageQuery } from "./actor.query.ts";
import { actorViewHref, TIMELINE_SIZES, type ActorView } from "./view.ts";
import { ActorTimeline } from "./Timeline.tsx";
import { ActorPositions } from "../positions/ActorPositions.tsx";
import { FirstPageNotice } from "../shared/FirstPage.tsx";

type Actor = NonNullable<ResultOf<typeof ActorPageQuery>["actor"]>;

function span(a: { startDate: string | null; startPrecision: string | null; endDate: string | null; endPrecision: string | null }): string {
  const f = (d: string | null, p: string | null) => (d ? formatPartialDate({ date: d, precision: (p ?? "DAY") as DatePrecision }) : null);
  const start = f(a.startDate, a.startPrecision);
  const end = f(a.endDate, a.endPrecision);
  if (start && end) return `${start} – ${end}`;
  if (start) return `since ${start}`;
  return end ? `until ${end}` : "";
}

export function ActorDetail({ actor, view, problems }: { actor: Actor; view: ActorView; problems: string[] }) {
  const members = actor.members.edges.map((e) => e.node);
  const positions = actor.positions.edges.map((e) => e.node);
  return (
    <article className="record" aria-labelledby="record-title">
      {problems.length > 0 && (
        <p className="notice notice-error" role="alert">
          Parts of this link could not be read and were left out: {problems.join("; ")}.
        </p>
      )}
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

      {(actor.affiliations.length > 0 || members.length > 0) && <h2>Affiliations</h2>}
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
      {members.length > 0 && (
        <ul className="affiliations" aria-label="People affiliated">
          {members.map((m, i) => (
            <li key={i}>
              <Link href={href.actor(m.actor.id)}>{m.actor.name}</Link>, {m.title} <span className="muted">{span(m)}</span>
            </li>
          ))}
        </ul>
      )}
      <FirstPageNotice shown={members.length} total={actor.members.totalCount} what="people affiliated" />

      <h2 id="timeline">Timeline</h2>
      <ActorEvents actor={actor} view={view} />

      <h2>Positions over time</h2>
      <ActorPositions positions={positions} />
      <FirstPageNotice shown={positions.length} total={actor.positions.totalCount} what="positions" />

      {actor.companions.length > 0 && (
        <>
          <h2>Appears most often with</h2>
          <ul className="companions">
            {actor.companions.map((c) => (
              <li key={c.actor.id}>
                <Link href={href.actor(c.actor.id)}>{c.actor.name}</Link>{" "}
                <span className="muted">
                  {c.sharedEvents} {c.sharedEvents === 1 ? "event" : "events"} together
                </span>
              </li>
            ))}
          </ul>
        </>
      )}
    </article>
  );
}

/** The actor's appearances: a role to narrow them to, one page of them, and the way to the others. */
function ActorEvents({ actor, view }: { actor: Actor; view: ActorView }) {
  const { totalCount, pageInfo, edges } = actor.events;
  const all = actor.roleCounts.reduce((n, r) => n + r.count, 0);
  const paged = view.before !== null || view.after !== null;
  const inSearch = `/?${searchStateToParams({ filter: { actorIds: [actor.id] }, sort: "DATE_DESC" })}`;
  return (
    <>
      {actor.roleCounts.length > 0 && (
        <nav className="role-tabs" aria-label="Roles">
          <Link href={actorViewHref(actor.id, { per: view.per })} aria-current={view.role === null ? "page" : undefined}>
            Every role <span className="count">{all}</span>
          </Link>
          {actor.roleCounts.map((r) => (
            <Link key={r.role} href={actorViewHref(actor.id, { role: r.role, per: view.per })} aria-current={view.role === r.role ? "page" : undefined}>
              {roleLabel(r.role)} <span className="count">{r.count}</span>
            </Link>
          ))}
        </nav>
      )}
      {edges.length === 0 ? (
        <p>{view.role ? `No events recorded with this actor as ${roleLabel(view.role).toLowerCase()}.` : "No events recorded for this actor."}</p>
      ) : (
        <>
          <p className="muted" role="status">
            {totalCount} {totalCount === 1 ? "appearance" : "appearances"}
            {view.role ? ` as ${roleLabel(view.role).toLowerCase()}` : ""}
            {totalCount > edges.length ? `; ${edges.length} shown, ${paged ? "in date order" : "the latest"}` : ""}.{" "}
            <Link href={inSearch}>Search and filter the actor&apos;s events</Link>
          </p>
          <ActorTimeline items={edges.map(({ node }) => ({ ...node.event, role: node.role }))} />
        </>
      )}
      {(pageInfo.hasPreviousPage || pageInfo.hasNextPage || paged) && (
        <nav className="pager" aria-label="Pages of events">
          {pageInfo.hasPreviousPage && pageInfo.startCursor && (
            <Link href={actorViewHref(actor.id, { ...view, after: null, before: pageInfo.startCursor })} rel="prev">
              Earlier events
            </Link>
          )}
          {pageInfo.hasNextPage && pageInfo.endCursor && (
            <Link href={actorViewHref(actor.id, { ...view, before: null, after: pageInfo.endCursor })} rel="next">
              Later events
            </Link>
          )}
          {paged && <Link href={actorViewHref(actor.id, { role: view.role, per: view.per })}>Latest events</Link>}
        </nav>
      )}
      {totalCount > TIMELINE_SIZES[0] && (
        <p className="muted per-page">
          Per page:{" "}
          {TIMELINE_SIZES.map((n, i) => (
            <span key={n}>
              {i > 0 && " · "}
              {n === view.per ? <strong>{n}</strong> : <Link href={actorViewHref(actor.id, { role: view.role, per: n })}>{n}</Link>}
            </span>
          ))}
        </p>
      )}
    </>
  );
}
