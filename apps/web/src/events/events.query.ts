import { PAGE_SIZE } from "@parley/schema";
import { graphql } from "../graphql/tada.ts";
import { EventCardFragment } from "./EventCard.tsx";

export const EventsPageQuery = graphql(
  `
    query EventsPage($first: Int, $after: String) {
      events(first: $first, after: $after, orderBy: DATE_DESC) {
        totalCount
        edges { cursor node { id ...EventCard } }
        pageInfo { hasNextPage endCursor }
      }
    }
  `,
  [EventCardFragment],
);

export const FIRST_PAGE = { first: PAGE_SIZE.default };
