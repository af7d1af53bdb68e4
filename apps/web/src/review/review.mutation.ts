import { graphql } from "../graphql/tada.ts";

// Every write names its errors' fields, so the page can say what went wrong; `clientMutationId` is the form's key.

export const AcceptCandidateMutation = graphql(`
  mutation AcceptCandidate($input: AcceptCandidateInput!) {
    acceptCandidate(input: $input) {
      __typename
      ... on AcceptCandidateSuccess { candidate { id kind status recordId } }
      ... on ValidationError { message problems { field message } }
      ... on ForbiddenError { reason }
      ... on Error { message }
    }
  }
`);

export const UpdateCandidateMutation = graphql(`
  mutation UpdateCandidate($input: UpdateCandidateInput!) {
    updateCandidate(input: $input) {
      __typename
      ... on UpdateCandidateSuccess { candidate { id status } }
      ... on ValidationError { message problems { field message } }
      ... on ForbiddenError { reason }
      ... on Error { message }
    }
  }
`);

export const RejectCandidateMutation = graphql(`
  mutation RejectCandidate($input: RejectCandidateInput!) {
    rejectCandidate(input: $input) {
      __typename
      ... on RejectCandidateSuccess { candidate { id status } }
      ... on ValidationError { message problems { field message } }
      ... on ForbiddenError { reason }
      ... on Error { message }
    }
  }
`);

export const MergeCandidateMutation = graphql(`
  mutation MergeCandidate($input: MergeCandidateInput!) {
    mergeCandidate(input: $input) {
      __typename
      ... on MergeCandidateSuccess { candidate { id status recordId } }
      ... on ValidationError { message problems { field message } }
      ... on ForbiddenError { reason }
      ... on Error { message }
    }
  }
`);

export const IngestReportMutation = graphql(`
  mutation IngestReport($input: IngestReportInput!) {
    ingestReport(input: $input) {
      __typename
      ... on IngestReportSuccess { source { id title publishedAt candidates { totalCount } } }
      ... on ValidationError { message problems { field message } }
      ... on ForbiddenError { reason }
      ... on Error { message }
    }
  }
`);
