import Link from "next/link";
import { type FragmentOf, graphql, readFragment } from "../graphql/tada.ts";
import { dateRangeLabel } from "../shared/labels.ts";
import { href } from "../shared/links.ts";

export const ProcessRowFragment = graphql(`
  fragment ProcessRow on Process {
    id name description startDate startPrecision endDate
    events(first: 0) { totalCount }
    positions(first: 0) { totalCount }
  }
`);

const plural = (n: number, one: string, many: string) => `${n} ${n === 1 ? one : many}`;

/** Processes as a list: name, span, what they are, and how many events and positions each holds. */
export function ProcessList({ processes }: { processes: FragmentOf<typeof ProcessRowFragment>[] }) {
  return (
    <ol className="record-list" aria-label="Processes">
      {processes.map((data) => {
        const p = readFragment(ProcessRowFragment, data);
        return (
          <li key={p.id}>
            <h2>
              <Link href={href.process(p.id)}>{p.name}</Link>
            </h2>
            <p className="event-meta">
              {p.startDate ? (
                <span>{dateRangeLabel(p.startDate, p.endDate, p.startPrecision ?? "DAY")}</span>
              ) : (
                <span>Undated</span>
              )}
              <span>{plural(p.events.totalCount, "event", "events")}</span>
              <span>{plural(p.positions.totalCount, "position", "positions")}</span>
            </p>
            {p.description && <p>{p.description}</p>}
          </li>
        );
      })}
    </ol>
  );
}
