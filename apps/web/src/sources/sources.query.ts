import { graphql } from "../graphql/tada.ts";
import { ReportRowFragment } from "./ReportList.tsx";

/** A page of reports (of one outlet, or all), and the outlets to choose from. */
export const SourcesPageQuery = graphql(
  `
  query SourcesPage($outletId: ID, $first: Int, $after: String, $last: Int, $before: String) {
    sources(outletId: $outletId, first: $first, after: $after, last: $last, before: $before) {
      totalCount
      pageInfo { hasNextPage hasPreviousPage startCursor endCursor }
      edges { node { id ...ReportRow } }
    }
    outlets: actors(kinds: [MEDIA_OUTLET], first: 100) { totalCount edges { node { id name country } } }
  }
`,
  [ReportRowFragment],
);
