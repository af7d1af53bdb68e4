import type { EventFilter } from "@parley/schema";
import { getClient } from "../graphql/client.ts";
import { FacetCountsQuery } from "./event-counts.query.ts";

/** A search takes at most this many values of one facet. */
const MAX_VALUES = 50;

/**
 * Events per record for the ACTOR or OUTLET facet: each ID's count with the search's other filters
 * (none by default), in as few searches as the facet's limit allows. An ID the search refuses, or a
 * failed search, leaves its IDs out of the map.
 */
export async function facetCounts(
  field: "ACTOR" | "OUTLET",
  ids: string[],
  search: { query?: string | null; filter?: EventFilter } = {},
): Promise<Map<string, number>> {
  const key = field === "ACTOR" ? "actorIds" : "outletIds";
  const chunks: string[][] = [];
  for (let i = 0; i < ids.length; i += MAX_VALUES) chunks.push(ids.slice(i, i + MAX_VALUES));
  const results = await Promise.all(
    chunks.map((chunk) =>
      getClient()
        .query(FacetCountsQuery, { query: search.query || null, filter: { ...search.filter, [key]: chunk } })
        .toPromise(),
    ),
  );
  const counts = new Map<string, number>();
  for (const result of results) {
    const facet = result.data?.searchEvents.facets.find((f) => f.field === field);
    for (const v of facet?.values ?? []) if (v.selected) counts.set(v.value, v.count);
  }
  return counts;
}
