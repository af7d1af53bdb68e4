import { graphql } from "../graphql/tada.ts";
import { PositionSummaryFragment } from "../positions/position.fragment.ts";

export const ProcessPageQuery = graphql(
  `
  query ProcessPage($id: ID!) {
    node(id: $id) {
      __typename
      ... on Process {
        id name description startDate startPrecision endDate endPrecision
        positions(first: 100) { totalCount edges { node { id ...PositionSummary } } }
        events(first: 100) { totalCount edges { node { id title type startDate endDate datePrecision } } }
      }
    }
  }
`,
  [PositionSummaryFragment],
);
