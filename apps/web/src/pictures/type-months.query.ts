import { graphql } from "../graphql/tada.ts";

/** One event type's months in a search: a histogram of the search narrowed to the type. */
export const TypeMonthsQuery = graphql(`
  query TypeMonths($query: String, $filter: EventFilter!) {
    searchEvents(query: $query, filter: $filter, first: 0) {
      histogram(interval: MONTH) { start count }
    }
  }
`);
