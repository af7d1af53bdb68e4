import Link from "next/link";
import type { ResultOf } from "../graphql/tada.ts";
import { FirstPageNotice } from "../shared/FirstPage.tsx";
import { dateRangeLabel, eventTypeLabel } from "../shared/labels.ts";
import { href } from "../shared/links.ts";
import { PositionMatrix } from "./PositionMatrix.tsx";
import type { ProcessPageQuery } from "./process.query.ts";

type Process = Extract<NonNullable<ResultOf<typeof ProcessPageQuery>["node"]>, { __typename: "Process" }>;

export function ProcessDetail({ process }: { process: Process }) {
  const positions = process.positions.edges.map((e) => e.node);
  const events = process.events.edges.map((e) => e.node);
  return (
    <article className="record" aria-labelledby="record-title">
      <p className="event-meta">
        <span className="event-type">Process</span>
        {process.startDate && (
          <span>{dateRangeLabel(process.startDate, process.endDate, process.startPrecision ?? "DAY")}</span>
        )}
      </p>
      <h1 id="record-title">{process.name}</h1>
      {process.description && <p className="lead">{process.description}</p>}

      <h2>Positions</h2>
      <p className="muted">
        Each party&apos;s latest position on each issue. Follow a quote count to the sources, or “changes” to see how
        the position moved.
      </p>
      <PositionMatrix positions={positions} />
      <FirstPageNotice shown={positions.length} total={process.positions.totalCount} what="positions" />

      <h2>Events</h2>
      {events.length === 0 ? (
        <p>No events recorded for this process.</p>
      ) : (
        <ul className="process-events">
          {events.map((e) => (
            <li key={e.id}>
              <time dateTime={e.startDate}>{dateRangeLabel(e.startDate, e.endDate, e.datePrecision)}</time>{" "}
              <Link href={href.event(e.id)}>{e.title}</Link> <span className="muted">{eventTypeLabel(e.type)}</span>
            </li>
          ))}
        </ul>
      )}
      <FirstPageNotice shown={events.length} total={process.events.totalCount} what="events" />
    </article>
  );
}
