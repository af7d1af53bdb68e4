import { graphql } from "../graphql/tada.ts";
import { PositionSummaryFragment } from "./position.fragment.ts";

export const PositionsSearchQuery = graphql(
  `
  query PositionsSearch($query: String, $filter: PositionFilter, $first: Int, $after: String) {
    searchPositions(query: $query, filter: $filter, first: $first, after: $after) {
      totalCount
      pageInfo { hasNextPage hasPreviousPage startCursor endCursor }
      edges { node { id ...PositionSummary } }
      facets { field values { value label count selected } }
    }
  }
`,
  [PositionSummaryFragment],
);
