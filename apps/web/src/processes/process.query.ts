import { graphql } from "../graphql/tada.ts";
import { PositionSummaryFragment } from "../positions/position.fragment.ts";

export const ProcessPageQuery = graphql(
  `
  query ProcessPage($id: ID!) {
    node(id: $id) {
      __typename
      ... on Process {
        id name description startDate startPrecision endDate endPrecision
        positions { id ...PositionSummary }
        events { id title type startDate endDate datePrecision }
      }
    }
  }
`,
  [PositionSummaryFragment],
);
