import { getClient } from "../../../graphql/client.ts";
import { ActorMatchesQuery } from "../../../search/actors.query.ts";

/** Typeahead for the actor facet: the browser asks here, the server asks the API's `searchActors`. */
export async function GET(request: Request) {
  const q = new URL(request.url).searchParams.get("q")?.trim().slice(0, 200) ?? "";
  if (q.length < 2) return Response.json({ matches: [] });
  const result = await getClient().query(ActorMatchesQuery, { query: q }, { requestPolicy: "network-only" }).toPromise();
  if (result.error || !result.data) return Response.json({ error: "The actor lookup failed." }, { status: 502 });
  const matches = result.data.searchActors.map((m) => ({ id: m.actor.id, name: m.actor.name, matchedName: m.matchedName }));
  return Response.json({ matches }, { headers: { "cache-control": "no-store" } });
}
