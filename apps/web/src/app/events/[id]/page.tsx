import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { env } from "../../../env.ts";
import { EventDetail } from "../../../events/EventDetail.tsx";
import { EventPageQuery } from "../../../events/event.query.ts";
import { getClient } from "../../../graphql/client.ts";
import { ApiUnavailable } from "../../../shared/ApiUnavailable.tsx";

export const dynamic = "force-dynamic";

type Props = { params: Promise<{ id: string }> };

// The metadata and the page ask the same question of the request's one client, which answers it once.
const load = async ({ params }: Props) =>
  getClient()
    .query(EventPageQuery, { id: decodeURIComponent((await params).id) })
    .toPromise();

export async function generateMetadata(props: Props): Promise<Metadata> {
  const event = (await load(props)).data?.event;
  return { title: event ? event.title : "No such event" };
}

export default async function EventPage(props: Props) {
  const result = await load(props);
  if (result.error && !result.data) return <ApiUnavailable apiUrl={env.PARLEY_API_URL} error={result.error} />;
  if (!result.data?.event) notFound();
  return <EventDetail event={result.data.event} />;
}
