import Link from "next/link";
import { type FragmentOf, readFragment } from "../graphql/tada.ts";
import { PositionLinks } from "../positions/PositionLinks.tsx";
import { PositionSummaryFragment } from "../positions/position.fragment.ts";
import { dateRangeLabel, positionIssueLabel, positionKindLabel } from "../shared/labels.ts";
import { href } from "../shared/links.ts";
import { positionMatrix } from "./matrix.ts";

/** Each party's latest position on each issue of a process, with the way to its quotes and its history. */
export function PositionMatrix({ positions }: { positions: FragmentOf<typeof PositionSummaryFragment>[] }) {
  const matrix = positionMatrix(positions.map((p) => readFragment(PositionSummaryFragment, p)));
  if (matrix.parties.length === 0) return <p>No negotiating positions are recorded for this process yet.</p>;
  return (
    <div className="matrix-scroll">
      <table className="position-matrix" aria-label="Positions by issue and party">
        <thead>
          <tr>
            <th scope="col">Issue</th>
            {matrix.parties.map((party) => (
              <th scope="col" key={party.id}>
                <Link href={href.actor(party.id)}>{party.name}</Link>
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {matrix.issues.map((issue) => (
            <tr key={issue}>
              <th scope="row">{positionIssueLabel(issue)}</th>
              {matrix.parties.map((party) => {
                const cell = matrix.cell(issue, party.id);
                return (
                  <td key={party.id} aria-label={`${party.name} on ${positionIssueLabel(issue).toLowerCase()}`}>
                    {cell.length === 0 ? (
                      <span className="muted">No position</span>
                    ) : (
                      cell.map((p) => (
                        <div key={p.id} className="matrix-position">
                          <span className={`position-kind kind-${p.kind.toLowerCase()}`}>
                            {positionKindLabel(p.kind)}
                          </span>{" "}
                          <time className="muted" dateTime={p.startDate}>
                            {dateRangeLabel(p.startDate, p.endDate, p.datePrecision)}
                          </time>
                          <p>{p.summary}</p>
                          {p.supersededBy.length > 0 && <p className="muted">Replaced later, outside this process.</p>}
                          <PositionLinks id={p.id} quotes={p.claims.length} summary={p.summary} />
                        </div>
                      ))
                    )}
                  </td>
                );
              })}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
