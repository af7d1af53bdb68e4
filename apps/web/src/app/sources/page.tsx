import { decodeGlobalId, searchStateToParams } from "@parley/schema";
import type { Metadata } from "next";
import Link from "next/link";
import { facetCounts } from "../../actors/event-counts.ts";
import { env } from "../../env.ts";
import { getClient } from "../../graphql/client.ts";
import { ApiUnavailable } from "../../shared/ApiUnavailable.tsx";
import { LinkProblems } from "../../shared/LinkProblems.tsx";
import { href } from "../../shared/links.ts";
import { loadListPage } from "../../shared/list-page.ts";
import { Pager } from "../../shared/Pager.tsx";
import { connectionArgs, type Params, pageViewFromParams, param, rangeLabel, shownRange } from "../../shared/paging.ts";
import { OutletList } from "../../sources/OutletList.tsx";
import { ReportList } from "../../sources/ReportList.tsx";
import { SourcesPageQuery } from "../../sources/sources.query.ts";

export const dynamic = "force-dynamic";

export const metadata: Metadata = { title: "Sources" };

export default async function SourcesPage({ searchParams }: { searchParams: Promise<Params> }) {
  const params = await searchParams;
  const problems: string[] = [];
  const outletText = param(params, "outlet");
  const outletId = outletText && decodeGlobalId(outletText, "Actor") !== null ? outletText : null;
  if (outletText && !outletId) problems.push(`ignored outlet=${outletText} (not the ID of an outlet)`);
  const { result, view } = await loadListPage(pageViewFromParams(params, problems), problems, (page) =>
    getClient()
      .query(SourcesPageQuery, { outletId, ...connectionArgs(page) })
      .toPromise(),
  );
  if (!result.data) return <ApiUnavailable apiUrl={env.PARLEY_API_URL} error={result.error} />;
  const { sources, outlets } = result.data;
  const outletList = outlets.edges.map((e) => e.node);
  const citing = await facetCounts(
    "OUTLET",
    outletList.map((o) => o.id),
  ).catch(() => new Map<string, number>());
  const outlet = outletList.find((o) => o.id === outletId) ?? null;
  const range = shownRange(view, sources.edges.length, sources.totalCount, sources.pageInfo);
  return (
    <section className="browse" aria-labelledby="browse-title">
      <h1 id="browse-title">Sources</h1>
      <p className="muted">
        The reports Parley&apos;s quotes come from, newest first, and the outlets that published them.
      </p>
      <LinkProblems problems={problems} />
      <div className="browse-layout">
        <OutletList outlets={outletList} citing={citing} current={outletId} />
        <div>
          <p role="status" className="result-count">
            {rangeLabel(range, sources.edges.length, sources.totalCount, "report", "reports")}
            {outlet && ` by ${outlet.name}`}
          </p>
          {outlet && (
            <p>
              <Link href={href.actor(outlet.id)}>{outlet.name}</Link>
              {" · "}
              <Link href={`/?${searchStateToParams({ filter: { outletIds: [outlet.id] }, sort: "DATE_DESC" })}`}>
                {citing.get(outlet.id) ?? "The"} events citing this outlet
              </Link>
            </p>
          )}
          <ReportList reports={sources.edges.map((e) => e.node)} />
          <Pager
            path="/sources"
            params={new URLSearchParams(outletId ? { outlet: outletId } : {})}
            view={view}
            shown={sources.edges.length}
            range={range}
            pageInfo={sources.pageInfo}
            what="reports"
            total={sources.totalCount}
          />
        </div>
      </div>
    </section>
  );
}
