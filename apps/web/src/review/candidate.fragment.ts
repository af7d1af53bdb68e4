import { graphql } from "../graphql/tada.ts";

/** What a candidate card shows and its forms start from. */
export const CandidateFields = graphql(`
  fragment CandidateFields on Candidate {
    id kind status reviewer recordId
    payload {
      __typename
      ... on EventCandidatePayload {
        type title date precision endDate quote quotes unresolvedDate
        place { name country kind text place { id } }
        actors { text name kind role actor { id name } }
      }
      ... on ActorCandidatePayload { text name kind }
      ... on CitationCandidatePayload { text name quote outlet { id name } }
    }
  }
`);
