import { searchStateToParams } from "@parley/schema";
import Link from "next/link";
import type { ResultOf } from "../graphql/tada.ts";
import { roleLabel } from "../shared/labels.ts";
import type { ActorPageQuery } from "./actor.query.ts";
import { ActorTimeline } from "./Timeline.tsx";
import { type ActorView, actorViewHref, TIMELINE_SIZES } from "./view.ts";

type Actor = NonNullable<ResultOf<typeof ActorPageQuery>["actor"]>;

const plural = (n: number, one: string, many: string) => `${n} ${n === 1 ? one : many}`;

/** The actor's appearances: a role to narrow them to, one page of them, and the way to the others. */
export function ActorEvents({
  actor,
  view,
  events,
  citing,
}: {
  actor: Actor;
  view: ActorView;
  events: number | null;
  citing: number;
}) {
  const { totalCount, pageInfo, edges } = actor.events;
  const all = actor.roleCounts.reduce((n, r) => n + r.count, 0);
  const paged = view.before !== null || view.after !== null;
  const inSearch = `/?${searchStateToParams({ filter: { actorIds: [actor.id] }, sort: "DATE_DESC" })}`;
  return (
    <>
      {actor.roleCounts.length > 0 && (
        <nav className="role-tabs" aria-label="Roles">
          <Link
            href={actorViewHref(actor.id, { per: view.per })}
            aria-current={view.role === null ? "page" : undefined}
          >
            Every role <span className="count">{all}</span>
          </Link>
          {actor.roleCounts.map((r) => (
            <Link
              key={r.role}
              href={actorViewHref(actor.id, { role: r.role, per: view.per })}
              aria-current={view.role === r.role ? "page" : undefined}
            >
              {roleLabel(r.role)} <span className="count">{r.count}</span>
            </Link>
          ))}
        </nav>
      )}
      {edges.length === 0 ? (
        <p>
          {view.role
            ? `No events recorded with this actor as ${roleLabel(view.role).toLowerCase()}.`
            : citing > 0
              ? `${actor.name} takes part in no recorded event, but its reports are sources of ${plural(citing, "event", "events")}: see its reports below.`
              : "No events recorded for this actor."}
        </p>
      ) : (
        <>
          <p className="muted" role="status">
            {plural(totalCount, "appearance", "appearances")}
            {view.role ? ` as ${roleLabel(view.role).toLowerCase()}` : ""}
            {/* An actor may hold several roles in one event: then it has more appearances than events. */}
            {!view.role && events !== null && events !== totalCount ? ` in ${plural(events, "event", "events")}` : ""}
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
              {n === view.per ? (
                <strong>{n}</strong>
              ) : (
                <Link href={actorViewHref(actor.id, { role: view.role, per: n })}>{n}</Link>
              )}
            </span>
          ))}
        </p>
      )}
    </>
  );
}
