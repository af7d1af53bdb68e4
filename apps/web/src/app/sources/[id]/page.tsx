import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { env } from "../../../env.ts";
import { getClient } from "../../../graphql/client.ts";
import { ApiUnavailable } from "../../../shared/ApiUnavailable.tsx";
import { SourceDetail } from "../../../sources/SourceDetail.tsx";
import { SourcePageQuery } from "../../../sources/source.query.ts";

export const dynamic = "force-dynamic";

type Props = { params: Promise<{ id: string }> };

const load = async ({ params }: Props) =>
  getClient()
    .query(SourcePageQuery, { id: decodeURIComponent((await params).id) })
    .toPromise();

export async function generateMetadata(props: Props): Promise<Metadata> {
  const source = (await load(props)).data?.source;
  return { title: source ? source.title : "No such source" };
}

export default async function SourcePage(props: Props) {
  const result = await load(props);
  if (result.error && !result.data) return <ApiUnavailable apiUrl={env.PARLEY_API_URL} error={result.error} />;
  if (!result.data?.source) notFound();
  return <SourceDetail source={result.data.source} />;
}
