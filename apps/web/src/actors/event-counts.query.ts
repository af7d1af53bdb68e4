import { graphql } from "../graphql/tada.ts";

/**
 * How many events each of some actors (or outlets) has, in one search: a facet lists every selected
 * value with what it would give alone, so selecting the actors asked about counts each of them.
 */
export const FacetCountsQuery = graphql(`
  query FacetCounts($query: String, $filter: EventFilter!) {
    searchEvents(query: $query, filter: $filter, first: 1) {
      facets { field values { value count selected } }
    }
  }
`);
