import { PAGE_SIZE } from "@parley/schema";
import { graphql } from "../graphql/tada.ts";
import { EventCardFragment } from "./EventCard.tsx";
import { EventPicturesFragment } from "../pictures/pictures.fragment.ts";

export const EventsPageQuery = graphql(
  `
    query EventsPage($first: Int, $after: String) {
      events(first: $first, after: $after, orderBy: DATE_DESC) {
        totalCount
        edges { cursor node { id ...EventCard ...EventPictures } }
        pageInfo { hasNextPage endCursor }
      }
    }
  `,
  [EventCardFragment, EventPicturesFragment],
);

export const FIRST_PAGE = { first: PAGE_SIZE.default };
