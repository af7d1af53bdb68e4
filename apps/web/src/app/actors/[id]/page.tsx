import { notFound } from "next/navigation";
import { ActorDetail } from "../../../actors/ActorDetail.tsx";
import { ActorPageQuery } from "../../../actors/actor.query.ts";
import { actorViewFromParams, actorViewVariables, type ActorView } from "../../../actors/view.ts";
import { env } from "../../../env.ts";
import { getClient } from "../../../graphql/client.ts";
import { ApiUnavailable } from "../../../shared/ApiUnavailable.tsx";

export const dynamic = "force-dynamic";

type Params = Record<string, string | string[] | undefined>;

export default async function ActorPage({ params, searchParams }: { params: Promise<{ id: string }>; searchParams: Promise<Params> }) {
  const id = decodeURIComponent((await params).id);
  const { view: asked, problems } = actorViewFromParams(await searchParams);
  const load = (view: ActorView) => getClient().query(ActorPageQuery, { id, ...actorViewVariables(view) }).toPromise();
  let view = asked;
  let result = await load(view);
  // A cursor from an old or hand-edited link: show the newest page, and say so.
  if (result.error && !result.data?.actor && (view.before || view.after)) {
    const retry = await load({ ...view, before: null, after: null });
    if (retry.data?.actor) {
      problems.push(`the page of events this link points to could not be found (${result.error.message.replace(/^\[GraphQL\] /, "")}); showing the newest`);
      view = { ...view, before: null, after: null };
      result = retry;
    }
  }
  if (result.error && !result.data) return <ApiUnavailable apiUrl={env.PARLEY_API_URL} error={result.error} />;
  if (!result.data?.actor) notFound();
  return <ActorDetail actor={result.data.actor} view={view} problems={problems} />;
}
