import { notFound } from "next/navigation";
import { EventDetail } from "../../../events/EventDetail.tsx";
import { EventPageQuery } from "../../../events/event.query.ts";
import { getClient } from "../../../graphql/client.ts";
import { env } from "../../../env.ts";
import { ApiUnavailable } from "../../../shared/ApiUnavailable.tsx";

export const dynamic = "force-dynamic";

export default async function EventPage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  const result = await getClient().query(EventPageQuery, { id: decodeURIComponent(id) }).toPromise();
  if (result.error && !result.data) return <ApiUnavailable apiUrl={env.PARLEY_API_URL} error={result.error} />;
  if (!result.data?.event) notFound();
  return <EventDetail event={result.data.event} />;
}
