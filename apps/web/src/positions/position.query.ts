import { graphql } from "../graphql/tada.ts";

export const PositionPageQuery = graphql(`
  query PositionPage($id: ID!) {
    position(id: $id) {
      id kind issue summary startDate endDate datePrecision
      holder { id name positions(first: 100) { edges { node { id kind issue summary startDate endDate datePrecision supersedes { id } } } } }
      process { id name }
      event { id title startDate endDate datePrecision }
      respondsTo { id kind summary startDate endDate datePrecision holder { id name } }
      responses(first: 100) { totalCount edges { node { id kind summary startDate endDate datePrecision holder { id name } } } }
      claims {
        id quote stance speakerLabel
        speaker { id name }
        source { id title publishedAt publishedPrecision outlet { id name } }
      }
    }
  }
`);
