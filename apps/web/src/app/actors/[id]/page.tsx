import { notFound } from "next/navigation";
import { ActorDetail } from "../../../actors/ActorDetail.tsx";
import { ActorPageQuery } from "../../../actors/actor.query.ts";
import { env } from "../../../env.ts";
import { getClient } from "../../../graphql/client.ts";
import { ApiUnavailable } from "../../../shared/ApiUnavailable.tsx";

export const dynamic = "force-dynamic";

export default async function ActorPage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  const result = await getClient().query(ActorPageQuery, { id: decodeURIComponent(id) }).toPromise();
  if (result.error && !result.data) return <ApiUnavailable apiUrl={env.PARLEY_API_URL} error={result.error} />;
  if (!result.data?.actor) notFound();
  return <ActorDetail actor={result.data.actor} />;
}
