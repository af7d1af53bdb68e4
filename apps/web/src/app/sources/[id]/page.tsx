import { notFound } from "next/navigation";
import { env } from "../../../env.ts";
import { getClient } from "../../../graphql/client.ts";
import { ApiUnavailable } from "../../../shared/ApiUnavailable.tsx";
import { SourceDetail } from "../../../sources/SourceDetail.tsx";
import { SourcePageQuery } from "../../../sources/source.query.ts";

export const dynamic = "force-dynamic";

export default async function SourcePage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  const result = await getClient().query(SourcePageQuery, { id: decodeURIComponent(id) }).toPromise();
  if (result.error && !result.data) return <ApiUnavailable apiUrl={env.PARLEY_API_URL} error={result.error} />;
  if (!result.data?.source) notFound();
  return <SourceDetail source={result.data.source} />;
}
