import { type DatePrecision, formatPartialDate } from "@parley/schema";
import Link from "next/link";
import { type FragmentOf, graphql, readFragment } from "../graphql/tada.ts";
import { href } from "../shared/links.ts";

export const ReportRowFragment = graphql(`
  fragment ReportRow on Source {
    id title url publishedAt publishedPrecision
    outlet { id name }
    events(first: 0) { totalCount }
    claims(first: 0) { totalCount }
  }
`);

const plural = (n: number, one: string, many: string) => `${n} ${n === 1 ? one : many}`;

/** Reports, newest first: outlet, date, and how many quotes and events rest on each. */
export function ReportList({ reports }: { reports: FragmentOf<typeof ReportRowFragment>[] }) {
  return (
    <ol className="record-list" aria-label="Reports">
      {reports.map((data) => {
        const r = readFragment(ReportRowFragment, data);
        return (
          <li key={r.id}>
            <h2>
              <Link href={href.source(r.id)}>{r.title}</Link>
            </h2>
            <p className="event-meta">
              {r.outlet ? <Link href={href.actor(r.outlet.id)}>{r.outlet.name}</Link> : <span>Outlet not named</span>}
              {r.publishedAt && (
                <time dateTime={r.publishedAt}>
                  {formatPartialDate({
                    date: r.publishedAt,
                    precision: (r.publishedPrecision ?? "DAY") as DatePrecision,
                  })}
                </time>
              )}
              <span>
                {plural(r.claims.totalCount, "quote", "quotes")} about {plural(r.events.totalCount, "event", "events")}
              </span>
            </p>
          </li>
        );
      })}
    </ol>
  );
}
