import { type DatePrecision, formatPartialDate } from "@parley/schema";
import Link from "next/link";
import type { ResultOf } from "../graphql/tada.ts";
import { ActorPositions } from "../positions/ActorPositions.tsx";
import { FirstPageNotice } from "../shared/FirstPage.tsx";
import { actorKindLabel } from "../shared/labels.ts";
import { href } from "../shared/links.ts";
import { ActorEvents } from "./ActorEvents.tsx";
import type { ActorPageQuery } from "./actor.query.ts";
import type { ActorCountsQuery } from "./counts.query.ts";
import { OutletReports } from "./OutletReports.tsx";
import type { ActorView } from "./view.ts";

type Actor = NonNullable<ResultOf<typeof ActorPageQuery>["actor"]>;
export type ActorCounts = ResultOf<typeof ActorCountsQuery>;

function span(a: {
  startDate: string | null;
  startPrecision: string | null;
  endDate: string | null;
  endPrecision: string | null;
}): string {
  const f = (d: string | null, p: string | null) =>
    d ? formatPartialDate({ date: d, precision: (p ?? "DAY") as DatePrecision }) : null;
  const start = f(a.startDate, a.startPrecision);
  const end = f(a.endDate, a.endPrecision);
  if (start && end) return `${start} – ${end}`;
  if (start) return `since ${start}`;
  return end ? `until ${end}` : "";
}

export function ActorDetail({
  actor,
  view,
  problems,
  counts,
}: {
  actor: Actor;
  view: ActorView;
  problems: string[];
  counts: ActorCounts | null;
}) {
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
          {actor.affiliations.map((a) => (
            <li key={`${a.organisation?.id ?? ""}|${a.title}|${a.startDate ?? ""}`}>
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
          {members.map((m) => (
            <li key={`${m.actor.id}|${m.title}|${m.startDate ?? ""}`}>
              <Link href={href.actor(m.actor.id)}>{m.actor.name}</Link>, {m.title}{" "}
              <span className="muted">{span(m)}</span>
            </li>
          ))}
        </ul>
      )}
      <FirstPageNotice shown={members.length} total={actor.members.totalCount} what="people affiliated" />

      <h2 id="timeline">Timeline</h2>
      <ActorEvents
        actor={actor}
        view={view}
        events={counts?.participated.totalCount ?? null}
        citing={counts?.citing.totalCount ?? 0}
      />

      {counts && <OutletReports outlet={actor} data={counts.reports} citing={counts.citing.totalCount} />}

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
