import Link from "next/link";
import { Evidence } from "../events/Evidence.tsx";
import type { ResultOf } from "../graphql/tada.ts";
import { dateRangeLabel, positionIssueLabel, positionKindLabel } from "../shared/labels.ts";
import { href } from "../shared/links.ts";
import { PositionChanges } from "./PositionChanges.tsx";
import type { PositionPageQuery } from "./position.query.ts";

type Position = NonNullable<ResultOf<typeof PositionPageQuery>["position"]>;

export function PositionDetail({ position }: { position: Position }) {
  const contested =
    position.claims.some((c) => c.stance === "DENIES") && position.claims.some((c) => c.stance === "ASSERTS");
  return (
    <article className="record" aria-labelledby="record-title">
      <p className="event-meta">
        <span className={`position-kind kind-${position.kind.toLowerCase()}`}>{positionKindLabel(position.kind)}</span>
        <span>{positionIssueLabel(position.issue)}</span>
        {contested && <span className="badge badge-contested">Contested</span>}
      </p>
      <h1 id="record-title">{position.summary}</h1>
      <dl className="facts">
        <dt>Held by</dt>
        <dd>
          <Link href={href.actor(position.holder.id)}>{position.holder.name}</Link>
        </dd>
        <dt>Stated</dt>
        <dd>{dateRangeLabel(position.startDate, position.endDate, position.datePrecision)}</dd>
        {position.process && (
          <>
            <dt>Process</dt>
            <dd>
              <Link href={href.process(position.process.id)}>{position.process.name}</Link>
            </dd>
          </>
        )}
        {position.event && (
          <>
            <dt>Where</dt>
            <dd>
              <Link href={href.event(position.event.id)}>{position.event.title}</Link>
            </dd>
          </>
        )}
      </dl>

      <h2 id="evidence">Evidence</h2>
      <Evidence claims={position.claims} contested={contested} what="position" />

      <h2 id="changes">Changes over time</h2>
      <PositionChanges position={position} />
    </article>
  );
}
