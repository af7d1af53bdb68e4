import { graphql } from "../graphql/tada.ts";

export const ActorMatchesQuery = graphql(`
  query ActorMatches($query: String!) {
    searchActors(query: $query, first: 8) { matchedName score actor { id name } }
  }
`);
