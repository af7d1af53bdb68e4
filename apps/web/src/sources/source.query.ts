import { graphql } from "../graphql/tada.ts";

export const SourcePageQuery = graphql(`
  query SourcePage($id: ID!) {
    source(id: $id) {
      id title url publishedAt publishedPrecision language author
      outlet { id name }
      cites { id name }
      claims(first: 100) {
        totalCount
        edges {
          node {
            id quote stance speakerLabel
            speaker { id name }
            event { id title }
            actor { id name }
          }
        }
      }
    }
  }
`);
