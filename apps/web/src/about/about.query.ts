import { graphql } from "../graphql/tada.ts";

/** The codebook as the API describes its enums (one definition), and how much data there is. */
export const AboutPageQuery = graphql(`
  query AboutPage {
    eventTypes: __type(name: "EventType") { enumValues { name description } }
    roles: __type(name: "ParticipantRole") { enumValues { name description } }
    actorKinds: __type(name: "ActorKind") { enumValues { name description } }
    events(first: 0) { totalCount }
    actors(first: 0) { totalCount }
    sources(first: 0) { totalCount }
    processes(first: 0) { totalCount }
  }
`);
