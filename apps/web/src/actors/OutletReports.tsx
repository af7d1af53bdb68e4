import { type DatePrecision, formatPartialDate, searchStateToParams } from "@parley/schema";
import Link from "next/link";
import { type FragmentOf, graphql, readFragment } from "../graphql/tada.ts";
import { href } from "../shared/links.ts";

export const OutletReportsFragment = graphql(`
  fragment OutletReports on SourceConnection {
    totalCount
    edges { node { id title publishedAt publishedPrecision } }
  }
`);

/** An outlet's side of the record: the reports it published and the events whose claims rest on them. */
export function OutletReports({
  outlet,
  data,
  citing,
}: {
  outlet: { id: string; name: string };
  data: FragmentOf<typeof OutletReportsFragment>;
  citing: number;
}) {
  const reports = readFragment(OutletReportsFragment, data);
  if (reports.totalCount === 0 && citing === 0) return null;
  const events = `/?${searchStateToParams({ filter: { outletIds: [outlet.id] }, sort: "DATE_DESC" })}`;
  return (
    <section aria-labelledby="outlet-reports">
      <h2 id="outlet-reports">Reports by {outlet.name}</h2>
      <p>
        {reports.totalCount > 0
          ? `Claims from its ${reports.totalCount === 1 ? "report" : `${reports.totalCount} reports`} are the evidence of `
          : "Its reports are the evidence of "}
        <Link href={events}>{citing === 1 ? "1 event" : `${citing} events`} citing this outlet</Link>.
      </p>
      {reports.edges.length > 0 && (
        <ul className="report-list">
          {reports.edges.map(({ node: r }) => (
            <li key={r.id}>
              <Link href={href.source(r.id)}>{r.title}</Link>
              {r.publishedAt && (
                <span className="muted">
                  {" "}
                  ·{" "}
                  {formatPartialDate({
                    date: r.publishedAt,
                    precision: (r.publishedPrecision ?? "DAY") as DatePrecision,
                  })}
                </span>
              )}
            </li>
          ))}
        </ul>
      )}
      {reports.totalCount > reports.edges.length && (
        <p>
          <Link href={`/sources?outlet=${encodeURIComponent(outlet.id)}`}>Every report by {outlet.name}</Link>
        </p>
      )}
    </section>
  );
}
