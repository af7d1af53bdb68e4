import { graphql } from "../graphql/tada.ts";

/** What a list, a timeline or a matrix cell shows of a position. */
export const PositionSummaryFragment = graphql(`
  fragment PositionSummary on Position {
    id kind issue summary startDate endDate datePrecision
    holder { id name }
    process { id name }
    respondsTo { id summary holder { id name } }
    supersedes { id }
    supersededBy { id }
    claims { id }
  }
`);
