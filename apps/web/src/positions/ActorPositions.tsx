import Link from "next/link";
import { type FragmentOf, readFragment } from "../graphql/tada.ts";
import { dateRangeLabel, positionIssueLabel, positionKindLabel } from "../shared/labels.ts";
import { href } from "../shared/links.ts";
import { PositionLinks } from "./PositionLinks.tsx";
import { PositionSummaryFragment } from "./position.fragment.ts";

/** An actor's negotiating positions in the order it took them. */
export function ActorPositions({ positions }: { positions: FragmentOf<typeof PositionSummaryFragment>[] }) {
  const rows = positions.map((p) => readFragment(PositionSummaryFragment, p));
  if (rows.length === 0) return <p>No negotiating positions recorded for this actor.</p>;
  return (
    <ol className="timeline positions-timeline" aria-label="Positions over time">
      {rows.map((p) => (
        <li key={p.id} className={`timeline-row${p.supersededBy.length ? " position-superseded" : ""}`}>
          <span className="timeline-year">{p.startDate.slice(0, 4)}</span>
          <span className={`position-kind kind-${p.kind.toLowerCase()}`}>{positionKindLabel(p.kind)}</span>
          <span className="timeline-body">
            <time dateTime={p.startDate}>{dateRangeLabel(p.startDate, p.endDate, p.datePrecision)}</time>{" "}
            <span className="muted">{positionIssueLabel(p.issue)}</span>
            {p.process && (
              <>
                {" · "}
                <Link href={href.process(p.process.id)}>{p.process.name}</Link>
              </>
            )}
            <br />
            <Link href={href.position(p.id)}>{p.summary}</Link>
            {p.respondsTo && (
              <span className="muted">
                {" "}
                (answering {p.respondsTo.holder.name}: “{p.respondsTo.summary}”)
              </span>
            )}
            {p.supersededBy.length > 0 && <span className="muted"> · later replaced</span>}{" "}
            <PositionLinks id={p.id} quotes={p.claims.length} summary={p.summary} />
          </span>
        </li>
      ))}
    </ol>
  );
}
