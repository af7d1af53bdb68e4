import { graphql } from "../graphql/tada.ts";
import { ActorRowFragment } from "./ActorList.tsx";

/** A page of actors of some kinds, with how many actors there are of each kind. */
export const ActorsPageQuery = graphql(
  `
  query ActorsPage($kinds: [ActorKind!], $first: Int, $after: String, $last: Int, $before: String) {
    actors(kinds: $kinds, first: $first, after: $after, last: $last, before: $before) {
      totalCount
      pageInfo { hasNextPage hasPreviousPage startCursor endCursor }
      edges { node { id ...ActorRow } }
    }
    PERSON: actors(kinds: [PERSON], first: 0) { totalCount }
    ARMED_GROUP: actors(kinds: [ARMED_GROUP], first: 0) { totalCount }
    GOVERNMENT: actors(kinds: [GOVERNMENT], first: 0) { totalCount }
    SECURITY_FORCE: actors(kinds: [SECURITY_FORCE], first: 0) { totalCount }
    POLITICAL_PARTY: actors(kinds: [POLITICAL_PARTY], first: 0) { totalCount }
    RELIGIOUS_ORGANISATION: actors(kinds: [RELIGIOUS_ORGANISATION], first: 0) { totalCount }
    INTERNATIONAL_ORGANISATION: actors(kinds: [INTERNATIONAL_ORGANISATION], first: 0) { totalCount }
    MEDIA_OUTLET: actors(kinds: [MEDIA_OUTLET], first: 0) { totalCount }
    CIVIL_SOCIETY: actors(kinds: [CIVIL_SOCIETY], first: 0) { totalCount }
    RESEARCH_ORGANISATION: actors(kinds: [RESEARCH_ORGANISATION], first: 0) { totalCount }
    OTHER: actors(kinds: [OTHER], first: 0) { totalCount }
  }
`,
  [ActorRowFragment],
);

/** Actors by any spelling of a name, for the list when the finder's form is sent. */
export const ActorNameMatchesQuery = graphql(
  `
  query ActorNameMatches($query: String!) {
    searchActors(query: $query, first: 50) { matchedName actor { id ...ActorRow } }
  }
`,
  [ActorRowFragment],
);
