import { gql } from "@urql/core";
import { PAGE_SIZE } from "@parley/schema";
import { EventCardFragment, type EventCardData } from "./EventCard.tsx";

export interface EventsPageData {
  events: {
    totalCount: number;
    edges: { cursor: string; node: EventCardData }[];
    pageInfo: { hasNextPage: boolean; endCursor: string | null };
  };
}

export interface EventsPageVariables {
  first: number;
  after?: string | null;
}

export const EventsPageQuery = gql<EventsPageData, EventsPageVariables>`
  query EventsPage($first: Int, $after: String) {
    events(first: $first, after: $after) {
      totalCount
      edges { cursor node { ...EventCard } }
      pageInfo { hasNextPage endCursor }
    }
  }
  ${EventCardFragment}
`;

export const FIRST_PAGE: EventsPageVariables = { first: PAGE_SIZE.default };
