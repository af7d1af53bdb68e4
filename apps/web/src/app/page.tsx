import { env } from "../env.ts";
import { ApiUnavailable } from "../shared/ApiUnavailable.tsx";
import { EventList } from "../events/EventList.tsx";
import { EventsEmpty } from "../events/EventsEmpty.tsx";
import { EventsPageQuery, FIRST_PAGE } from "../events/events.query.ts";
import { getClient } from "../graphql/client.ts";

// Rendered per request: the build must not need a running API.
export const dynamic = "force-dynamic";

export default async function HomePage() {
  const result = await getClient().query(EventsPageQuery, FIRST_PAGE).toPromise();

  if (result.error || !result.data) {
    return <ApiUnavailable apiUrl={env.PARLEY_API_URL} error={result.error} />;
  }

  const { edges, totalCount } = result.data.events;
  if (edges.length === 0) return <EventsEmpty />;
  return <EventList events={edges.map((edge) => edge.node)} totalCount={totalCount} />;
}
