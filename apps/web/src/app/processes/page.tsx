import type { Metadata } from "next";
import { env } from "../../env.ts";
import { getClient } from "../../graphql/client.ts";
import { ProcessList } from "../../processes/ProcessList.tsx";
import { ProcessesPageQuery } from "../../processes/processes.query.ts";
import { ApiUnavailable } from "../../shared/ApiUnavailable.tsx";
import { LinkProblems } from "../../shared/LinkProblems.tsx";
import { loadListPage } from "../../shared/list-page.ts";
import { Pager } from "../../shared/Pager.tsx";
import { connectionArgs, type Params, pageViewFromParams, rangeLabel, shownRange } from "../../shared/paging.ts";

export const dynamic = "force-dynamic";

export const metadata: Metadata = { title: "Processes" };

export default async function ProcessesPage({ searchParams }: { searchParams: Promise<Params> }) {
  const problems: string[] = [];
  const { result, view } = await loadListPage(pageViewFromParams(await searchParams, problems), problems, (page) =>
    getClient().query(ProcessesPageQuery, connectionArgs(page)).toPromise(),
  );
  if (!result.data) return <ApiUnavailable apiUrl={env.PARLEY_API_URL} error={result.error} />;
  const { totalCount, edges, pageInfo } = result.data.processes;
  const range = shownRange(view, edges.length, totalCount, pageInfo);
  return (
    <section className="browse" aria-labelledby="browse-title">
      <h1 id="browse-title">Processes</h1>
      <p className="muted">
        Peace processes and conflict episodes, oldest first, with their events and each party&apos;s positions.
      </p>
      <LinkProblems problems={problems} />
      <p role="status" className="result-count">
        {rangeLabel(range, edges.length, totalCount, "process", "processes")}
      </p>
      <ProcessList processes={edges.map((e) => e.node)} />
      <Pager
        path="/processes"
        params={new URLSearchParams()}
        view={view}
        shown={edges.length}
        range={range}
        pageInfo={pageInfo}
        what="processes"
        total={totalCount}
      />
    </section>
  );
}
