import { graphql } from "../graphql/tada.ts";

/** An event's latest changes, for its page's "Changes" section. */
export const EventChangesFields = graphql(`
  fragment EventChangesFields on Event {
    revisions(last: 20) { totalCount edges { cursor node { action author at changes } } }
  }
`);
