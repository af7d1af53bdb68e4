import { notFound } from "next/navigation";
import { env } from "../../../env.ts";
import { getClient } from "../../../graphql/client.ts";
import { PositionDetail } from "../../../positions/PositionDetail.tsx";
import { PositionPageQuery } from "../../../positions/position.query.ts";
import { ApiUnavailable } from "../../../shared/ApiUnavailable.tsx";

export const dynamic = "force-dynamic";

export default async function PositionPage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  const result = await getClient().query(PositionPageQuery, { id: decodeURIComponent(id) }).toPromise();
  if (result.error && !result.data) return <ApiUnavailable apiUrl={env.PARLEY_API_URL} error={result.error} />;
  if (!result.data?.position) notFound();
  return <PositionDetail position={result.data.position} />;
}
