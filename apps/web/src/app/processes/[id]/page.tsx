import { notFound } from "next/navigation";
import { env } from "../../../env.ts";
import { getClient } from "../../../graphql/client.ts";
import { ProcessDetail } from "../../../processes/ProcessDetail.tsx";
import { ProcessPageQuery } from "../../../processes/process.query.ts";
import { ApiUnavailable } from "../../../shared/ApiUnavailable.tsx";

export const dynamic = "force-dynamic";

export default async function ProcessPage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  const result = await getClient().query(ProcessPageQuery, { id: decodeURIComponent(id) }).toPromise();
  if (result.error && !result.data) return <ApiUnavailable apiUrl={env.PARLEY_API_URL} error={result.error} />;
  const node = result.data?.node;
  if (node?.__typename !== "Process") notFound();
  return <ProcessDetail process={node} />;
}
