import { graphql } from "../graphql/tada.ts";
import { PositionSummaryFragment } from "../positions/position.fragment.ts";

/**
 * An actor's page: its record, its roles with counts, the actors it shares most events with, and one
 * page of its appearances (the newest by default: `last`; older ones with `before`, newer with `after`).
 */
export const ActorPageQuery = graphql(
  `
  query ActorPage($id: ID!, $roles: [ParticipantRole!], $first: Int, $after: String, $last: Int, $before: String) {
    actor(id: $id) {
      id name kind description country aliases
      affiliations { title startDate startPrecision endDate endPrecision organisation { id name } }
      members(first: 100) { totalCount edges { node { title startDate startPrecision endDate endPrecision actor { id name } } } }
      positions(first: 100) { totalCount edges { node { id ...PositionSummary } } }
      roleCounts { role count }
      companions(first: 12) { sharedEvents actor { id name } }
      events(roles: $roles, first: $first, after: $after, last: $last, before: $before) {
        totalCount
        pageInfo { hasPreviousPage hasNextPage startCursor endCursor }
        edges {
          node {
            role
            event { id title type startDate endDate datePrecision contested }
          }
        }
      }
    }
  }
`,
  [PositionSummaryFragment],
);
