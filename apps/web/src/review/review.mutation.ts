import { graphql } from "../graphql/tada.ts";

// `clientMutationId` is the form's key.

/** What every refused write says, so the page can tell the editor what went wrong and where. */
const WriteErrors = graphql(`
  fragment WriteErrors on Error {
    message
    ... on ValidationError { problems { field message } }
    ... on ForbiddenError { reason }
  }
`);

export const AcceptCandidateMutation = graphql(
  `
  mutation AcceptCandidate($input: AcceptCandidateInput!) {
    acceptCandidate(input: $input) {
      __typename
      ... on AcceptCandidateSuccess { candidate { id kind status recordId } }
      ...WriteErrors
    }
  }
`,
  [WriteErrors],
);

export const UpdateCandidateMutation = graphql(
  `
  mutation UpdateCandidate($input: UpdateCandidateInput!) {
    updateCandidate(input: $input) {
      __typename
      ... on UpdateCandidateSuccess { candidate { id status } }
      ...WriteErrors
    }
  }
`,
  [WriteErrors],
);

export const RejectCandidateMutation = graphql(
  `
  mutation RejectCandidate($input: RejectCandidateInput!) {
    rejectCandidate(input: $input) {
      __typename
      ... on RejectCandidateSuccess { candidate { id status } }
      ...WriteErrors
    }
  }
`,
  [WriteErrors],
);

export const MergeCandidateMutation = graphql(
  `
  mutation MergeCandidate($input: MergeCandidateInput!) {
    mergeCandidate(input: $input) {
      __typename
      ... on MergeCandidateSuccess { candidate { id status recordId } }
      ...WriteErrors
    }
  }
`,
  [WriteErrors],
);

export const IngestReportMutation = graphql(
  `
  mutation IngestReport($input: IngestReportInput!) {
    ingestReport(input: $input) {
      __typename
      ... on IngestReportSuccess { source { id title publishedAt candidates { totalCount } } }
      ...WriteErrors
    }
  }
`,
  [WriteErrors],
);
