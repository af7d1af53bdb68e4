import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { ActorDetail } from "../../../actors/ActorDetail.tsx";
import { ActorPageQuery } from "../../../actors/actor.query.ts";
import { ActorCountsQuery } from "../../../actors/counts.query.ts";
import { type ActorView, actorViewFromParams, actorViewVariables } from "../../../actors/view.ts";
import { env } from "../../../env.ts";
import { getClient } from "../../../graphql/client.ts";
import { ApiUnavailable } from "../../../shared/ApiUnavailable.tsx";

export const dynamic = "force-dynamic";

type Params = Record<string, string | string[] | undefined>;
type Props = { params: Promise<{ id: string }>; searchParams: Promise<Params> };

/** The actor as the URL asks for it; a cursor from an old or hand-edited link falls back to the newest page, and says so. */
async function loadActor({ params, searchParams }: Props) {
  const id = decodeURIComponent((await params).id);
  const { view: asked, problems } = actorViewFromParams(await searchParams);
  const load = (view: ActorView) =>
    getClient()
      .query(ActorPageQuery, { id, ...actorViewVariables(view) })
      .toPromise();
  let view = asked;
  let result = await load(view);
  if (result.error && !result.data?.actor && (view.before || view.after)) {
    const retry = await load({ ...view, before: null, after: null });
    if (retry.data?.actor) {
      problems.push(
        `the page of events this link points to could not be found (${result.error.message.replace(/^\[GraphQL\] /, "")}); showing the newest`,
      );
      view = { ...view, before: null, after: null };
      result = retry;
    }
  }
  return { result, view, problems };
}

export async function generateMetadata(props: Props): Promise<Metadata> {
  const actor = (await loadActor(props)).result.data?.actor;
  return { title: actor ? actor.name : "No such actor" };
}

export default async function ActorPage(props: Props) {
  const { result, view, problems } = await loadActor(props);
  if (result.error && !result.data) return <ApiUnavailable apiUrl={env.PARLEY_API_URL} error={result.error} />;
  const actor = result.data?.actor;
  if (!actor) notFound();
  // Counts are a help, not the page: without them it still shows.
  const counts = await getClient()
    .query(ActorCountsQuery, { actorIds: [actor.id], outletId: actor.id })
    .toPromise();
  return <ActorDetail actor={actor} view={view} problems={problems} counts={counts.data ?? null} />;
}
