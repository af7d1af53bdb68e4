import Link from "next/link";
import { env } from "../env.ts";
import { ApiUnavailable } from "../shared/ApiUnavailable.tsx";
import { EventList } from "../events/EventList.tsx";
import { EventsEmpty } from "../events/EventsEmpty.tsx";
import { EventsPageQuery, FIRST_PAGE } from "../events/events.query.ts";
import { getClient } from "../graphql/client.ts";
import { Pictures } from "../pictures/Pictures.tsx";

// Rendered per request: the build must not need a running API.
export const dynamic = "force-dynamic";

export default async function HomePage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const { after } = await searchParams;
  const cursor = typeof after === "string" && after.length < 200 ? after : null;
  const result = await getClient().query(EventsPageQuery, { ...FIRST_PAGE, after: cursor }).toPromise();

  if (result.error || !result.data) {
    return <ApiUnavailable apiUrl={env.PARLEY_API_URL} error={result.error} />;
  }

  const { edges, totalCount, pageInfo } = result.data.events;
  if (totalCount === 0) return <EventsEmpty />;
  return (
    <>
      <EventList events={edges.map((edge) => edge.node)} totalCount={totalCount} />
      <Pictures nodes={edges.map((edge) => edge.node)} />
      <nav className="pager" aria-label="Pages">
        {cursor && <Link href="/">Newest events</Link>}
        {pageInfo.hasNextPage && pageInfo.endCursor && (
          <Link href={`/?after=${encodeURIComponent(pageInfo.endCursor)}`} rel="next">
            Older events
          </Link>
        )}
      </nav>
    </>
  );
}
