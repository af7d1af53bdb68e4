import { graphql } from "../graphql/tada.ts";
import { ProcessRowFragment } from "./ProcessList.tsx";

export const ProcessesPageQuery = graphql(
  `
  query ProcessesPage($first: Int, $after: String, $last: Int, $before: String) {
    processes(first: $first, after: $after, last: $last, before: $before) {
      totalCount
      pageInfo { hasNextPage hasPreviousPage startCursor endCursor }
      edges { node { id ...ProcessRow } }
    }
  }
`,
  [ProcessRowFragment],
);
