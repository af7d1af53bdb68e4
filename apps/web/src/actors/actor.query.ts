import { graphql } from "../graphql/tada.ts";
import { PositionSummaryFragment } from "../positions/position.fragment.ts";

export const ActorPageQuery = graphql(
  `
  query ActorPage($id: ID!) {
    actor(id: $id) {
      id name kind description country aliases
      affiliations { title startDate startPrecision endDate endPrecision organisation { id name } }
      members { title startDate startPrecision endDate endPrecision actor { id name } }
      positions { id ...PositionSummary }
      events(first: 100) {
        totalCount
        edges {
          node {
            role
            event {
              id title type startDate endDate datePrecision contested
              participants { role actor { id name } }
            }
          }
        }
      }
    }
  }
`,
  [PositionSummaryFragment],
);
