import { EventCardFragment } from "../events/EventCard.tsx";
import { graphql } from "../graphql/tada.ts";
import { SearchPicturesFragment } from "../pictures/pictures.fragment.ts";

export const SearchPageQuery = graphql(
  `
    query SearchPage($query: String, $filter: EventFilter, $first: Int, $after: String, $last: Int, $before: String, $sort: EventSort, $participantIds: [ID!]!) {
      searchEvents(query: $query, filter: $filter, first: $first, after: $after, last: $last, before: $before, sort: $sort) {
        totalCount
        edges { cursor highlights node { id ...EventCard } }
        pageInfo { hasNextPage hasPreviousPage startCursor endCursor }
        facets { field values { value label count selected } }
        fatalities { low best high events }
        suggestions
        ...SearchPictures
      }
      participantActors: nodes(ids: $participantIds) { id ... on Actor { name } }
    }
  `,
  [EventCardFragment, SearchPicturesFragment],
);
