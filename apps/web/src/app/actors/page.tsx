import { ACTOR_KINDS, type ActorKind } from "@parley/schema";
import type { Metadata } from "next";
import { ActorFinder } from "../../actors/ActorFinder.tsx";
import { ActorList } from "../../actors/ActorList.tsx";
import { ActorMatchList } from "../../actors/ActorMatchList.tsx";
import { ActorsPageQuery } from "../../actors/actors.query.ts";
import { facetCounts } from "../../actors/event-counts.ts";
import { KindTabs } from "../../actors/KindTabs.tsx";
import { env } from "../../env.ts";
import { getClient } from "../../graphql/client.ts";
import { ApiUnavailable } from "../../shared/ApiUnavailable.tsx";
import { LinkProblems } from "../../shared/LinkProblems.tsx";
import { loadListPage } from "../../shared/list-page.ts";
import { Pager } from "../../shared/Pager.tsx";
import { connectionArgs, type Params, pageViewFromParams, param, rangeLabel, shownRange } from "../../shared/paging.ts";

export const dynamic = "force-dynamic";

type Props = { searchParams: Promise<Params> };

export async function generateMetadata({ searchParams }: Props): Promise<Metadata> {
  const params = await searchParams;
  const q = param(params, "q");
  const kind = ACTOR_KINDS.schema.safeParse(param(params, "kind"));
  return { title: q ? `Actors named “${q}”` : kind.success ? `Actors: ${ACTOR_KINDS.labels[kind.data]}` : "Actors" };
}

export default async function ActorsPage({ searchParams }: Props) {
  const params = await searchParams;
  const problems: string[] = [];
  const q = param(params, "q")?.trim().slice(0, 200) ?? "";
  const kindText = param(params, "kind");
  const kindParsed = ACTOR_KINDS.schema.safeParse(kindText);
  if (kindText !== undefined && !kindParsed.success)
    problems.push(`ignored kind=${kindText} (one of ${ACTOR_KINDS.codes.join(", ")})`);
  const kind: ActorKind | null = kindParsed.success ? kindParsed.data : null;
  const { result, view } = await loadListPage(pageViewFromParams(params, problems), problems, (page) =>
    getClient()
      .query(ActorsPageQuery, { kinds: kind ? [kind] : null, ...connectionArgs(page) })
      .toPromise(),
  );
  if (!result.data) return <ApiUnavailable apiUrl={env.PARLEY_API_URL} error={result.error} />;
  const data = result.data;
  const { totalCount, edges, pageInfo } = data.actors;
  const counts = Object.fromEntries(ACTOR_KINDS.codes.map((k) => [k, data[k].totalCount])) as Record<ActorKind, number>;
  const range = shownRange(view, edges.length, totalCount, pageInfo);
  const events = q
    ? null
    : await facetCounts(
        "ACTOR",
        edges.map((e) => e.node.id),
      ).catch(() => new Map<string, number>());
  return (
    <section className="browse" aria-labelledby="browse-title">
      <h1 id="browse-title">Actors</h1>
      <p className="muted">
        Every party, mediator, group, person and outlet, by name, with the events each took part in.
      </p>
      <ActorFinder initial={q} />
      <LinkProblems problems={problems} />
      {q ? (
        <ActorMatchList query={q} />
      ) : (
        <>
          <KindTabs counts={counts} current={kind} />
          <p role="status" className="result-count">
            {rangeLabel(range, edges.length, totalCount, "actor", "actors")}
            {kind ? `: ${ACTOR_KINDS.labels[kind].toLowerCase()}` : ""}, by name
          </p>
          <ActorList rows={edges.map((e) => ({ data: e.node }))} events={events ?? new Map()} />
          <Pager
            path="/actors"
            params={new URLSearchParams(kind ? { kind } : {})}
            view={view}
            shown={edges.length}
            range={range}
            pageInfo={pageInfo}
            what="actors"
            total={totalCount}
          />
        </>
      )}
    </section>
  );
}
