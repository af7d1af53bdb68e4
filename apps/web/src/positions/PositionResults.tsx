import Link from "next/link";
import { type FragmentOf, readFragment } from "../graphql/tada.ts";
import { dateRangeLabel, positionIssueLabel, positionKindLabel } from "../shared/labels.ts";
import { href } from "../shared/links.ts";
import { PositionLinks } from "./PositionLinks.tsx";
import { PositionSummaryFragment } from "./position.fragment.ts";

/** Positions found, newest first: who holds what, on which issue, in which process. */
export function PositionResults({ positions }: { positions: FragmentOf<typeof PositionSummaryFragment>[] }) {
  return (
    <ol className="record-list" aria-label="Positions">
      {positions.map((data) => {
        const p = readFragment(PositionSummaryFragment, data);
        return (
          <li key={p.id}>
            <p className="event-meta">
              <span className={`position-kind kind-${p.kind.toLowerCase()}`}>{positionKindLabel(p.kind)}</span>
              <span>{positionIssueLabel(p.issue)}</span>
              <time dateTime={p.startDate}>{dateRangeLabel(p.startDate, p.endDate, p.datePrecision)}</time>
              {p.supersededBy.length > 0 && <span>later replaced</span>}
            </p>
            <h2>
              <Link href={href.actor(p.holder.id)}>{p.holder.name}</Link>:{" "}
              <Link href={href.position(p.id)}>{p.summary}</Link>
            </h2>
            <p className="muted">
              {p.process && (
                <>
                  <Link href={href.process(p.process.id)}>{p.process.name}</Link>
                  {" · "}
                </>
              )}
              <PositionLinks id={p.id} quotes={p.claims.length} summary={p.summary} />
            </p>
          </li>
        );
      })}
    </ol>
  );
}
