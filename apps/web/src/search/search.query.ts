import { graphql } from "../graphql/tada.ts";
import { EventCardFragment } from "../events/EventCard.tsx";
import { EventPicturesFragment } from "../pictures/pictures.fragment.ts";

export const SearchPageQuery = graphql(
  `
    query SearchPage($query: String, $filter: EventFilter, $first: Int, $after: String, $sort: EventSort) {
      searchEvents(query: $query, filter: $filter, first: $first, after: $after, sort: $sort) {
        totalCount
        edges { cursor highlights node { id ...EventCard ...EventPictures } }
        pageInfo { hasNextPage hasPreviousPage startCursor endCursor }
        facets { field values { value label count selected } }
        histogram(interval: MONTH) { start count }
      }
    }
  `,
  [EventCardFragment, EventPicturesFragment],
);
