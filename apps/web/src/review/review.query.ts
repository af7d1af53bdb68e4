import { graphql } from "../graphql/tada.ts";
import { CandidateFields } from "./candidate.fragment.ts";

/** Who a token belongs to: sign-in asks it, and every review page again, so a revoked token stops working at once. */
export const ViewerQuery = graphql(`
  query Viewer {
    viewer { name role }
  }
`);

export const ReviewQueueQuery = graphql(`
  query ReviewQueue {
    viewer { name role }
    candidateSources(first: 100) {
      totalCount
      edges { node { id title publishedAt outlet { name } pending: candidates(status: PENDING) { totalCount } } }
    }
  }
`);

export const ReviewSourceQuery = graphql(
  `
  query ReviewSource($id: ID!) {
    source(id: $id) {
      id title url publishedAt text
      outlet { id name }
      candidates(first: 100) { totalCount edges { node { id ...CandidateFields } } }
    }
  }
`,
  [CandidateFields],
);

/** A candidate reached by its own URL: which report to open it in. */
export const CandidateSourceQuery = graphql(`
  query CandidateSource($id: ID!) {
    node(id: $id) { ... on Candidate { id source { id } } }
  }
`);
