import { graphql } from "../graphql/tada.ts";
import { OutletReportsFragment } from "./OutletReports.tsx";

/**
 * What an actor page counts beyond the actor itself: the events it took part in (an actor may hold
 * several roles in one event, so these can be fewer than its appearances), the events whose claims
 * cite its reports when it is an outlet, and those reports. Asked apart from the actor, after it is
 * known to exist: a search refuses an ID that is no actor's.
 */
export const ActorCountsQuery = graphql(
  `
  query ActorCounts($actorIds: [ID!]!, $outletId: ID!) {
    participated: searchEvents(filter: { actorIds: $actorIds }, first: 1) { totalCount }
    citing: searchEvents(filter: { outletIds: $actorIds }, first: 1) { totalCount }
    reports: sources(outletId: $outletId, first: 20) { ...OutletReports }
  }
`,
  [OutletReportsFragment],
);
