import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { env } from "../../../env.ts";
import { getClient } from "../../../graphql/client.ts";
import { ProcessDetail } from "../../../processes/ProcessDetail.tsx";
import { ProcessPageQuery } from "../../../processes/process.query.ts";
import { ApiUnavailable } from "../../../shared/ApiUnavailable.tsx";

export const dynamic = "force-dynamic";

type Props = { params: Promise<{ id: string }> };

const load = async ({ params }: Props) =>
  getClient()
    .query(ProcessPageQuery, { id: decodeURIComponent((await params).id) })
    .toPromise();

export async function generateMetadata(props: Props): Promise<Metadata> {
  const node = (await load(props)).data?.node;
  return { title: node?.__typename === "Process" ? node.name : "No such process" };
}

export default async function ProcessPage(props: Props) {
  const result = await load(props);
  if (result.error && !result.data) return <ApiUnavailable apiUrl={env.PARLEY_API_URL} error={result.error} />;
  const node = result.data?.node;
  if (node?.__typename !== "Process") notFound();
  return <ProcessDetail process={node} />;
}
