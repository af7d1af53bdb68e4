import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { env } from "../../../env.ts";
import { getClient } from "../../../graphql/client.ts";
import { PositionDetail } from "../../../positions/PositionDetail.tsx";
import { PositionPageQuery } from "../../../positions/position.query.ts";
import { ApiUnavailable } from "../../../shared/ApiUnavailable.tsx";

export const dynamic = "force-dynamic";

type Props = { params: Promise<{ id: string }> };

const load = async ({ params }: Props) =>
  getClient()
    .query(PositionPageQuery, { id: decodeURIComponent((await params).id) })
    .toPromise();

export async function generateMetadata(props: Props): Promise<Metadata> {
  const position = (await load(props)).data?.position;
  return { title: position ? `${position.holder.name}: ${position.summary}` : "No such position" };
}

export default async function PositionPage(props: Props) {
  const result = await load(props);
  if (result.error && !result.data) return <ApiUnavailable apiUrl={env.PARLEY_API_URL} error={result.error} />;
  if (!result.data?.position) notFound();
  return <PositionDetail position={result.data.position} />;
}
