import { searchStateFromParams } from "@parley/schema";
import { facetCounts } from "../../../actors/event-counts.ts";
import { getClient } from "../../../graphql/client.ts";
import { ActorMatchesQuery } from "../../../search/actors.query.ts";

/**
 * Typeahead for actors: the browser asks here, the server asks the API's `searchActors`, then how
 * many events each match has: in the search given as `search` (its URL params, the actor facet's
 * own choice left out, as a facet counts), or in all events.
 */
export async function GET(request: Request) {
  const url = new URL(request.url);
  const q = url.searchParams.get("q")?.trim().slice(0, 200) ?? "";
  if (q.length < 2) return Response.json({ matches: [] });
  const result = await getClient()
    .query(ActorMatchesQuery, { query: q }, { requestPolicy: "network-only" })
    .toPromise();
  if (result.error || !result.data) return Response.json({ error: "The actor lookup failed." }, { status: 502 });
  const { state } = searchStateFromParams(new URLSearchParams(url.searchParams.get("search") ?? ""));
  const ids = result.data.searchActors.map((m) => m.actor.id);
  const counts = await facetCounts("ACTOR", ids, { query: state.query, filter: state.filter }).catch(
    () => new Map<string, number>(),
  );
  const matches = result.data.searchActors.map((m) => ({
    id: m.actor.id,
    name: m.actor.name,
    matchedName: m.matchedName,
    events: counts.get(m.actor.id) ?? null,
  }));
  return Response.json({ matches }, { headers: { "cache-control": "no-store" } });
}
