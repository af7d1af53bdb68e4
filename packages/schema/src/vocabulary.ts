import { z } from "zod";

/** A closed list of codes with a human label each, defined once for the API, the web and the loaders. */
function vocabulary<const T extends readonly [string, ...string[]]>(labels: { [K in T[number]]: string }, codes: T) {
  return { codes, labels, schema: z.enum(codes) };
}

export const EVENT_TYPES = vocabulary(
  {
    NEGOTIATION: "Talks",
    CEASEFIRE: "Ceasefire",
    AGREEMENT: "Agreement",
    PRISONER_RELEASE: "Prisoner release",
    VISIT: "Visit",
    STATEMENT: "Statement",
    DIPLOMATIC_PROTEST: "Diplomatic protest",
    AIRSTRIKE: "Airstrike",
    ATTACK: "Attack",
    ARMED_CLASH: "Armed clash",
    INFILTRATION: "Infiltration",
    MILITARY_OPERATION: "Military operation",
    VIOLENCE_AGAINST_CIVILIANS: "Violence against civilians",
    PROTEST: "Protest",
    RIOT: "Riot",
    ARREST: "Arrest",
    TAKEOVER: "Seizure of power",
    FORMATION: "Formation of a group",
    OTHER: "Other",
  },
  [
    "NEGOTIATION",
    "CEASEFIRE",
    "AGREEMENT",
    "PRISONER_RELEASE",
    "VISIT",
    "STATEMENT",
    "DIPLOMATIC_PROTEST",
    "AIRSTRIKE",
    "ATTACK",
    "ARMED_CLASH",
    "INFILTRATION",
    "MILITARY_OPERATION",
    "VIOLENCE_AGAINST_CIVILIANS",
    "PROTEST",
    "RIOT",
    "ARREST",
    "TAKEOVER",
    "FORMATION",
    "OTHER",
  ],
);

export const ACTOR_KINDS = vocabulary(
  {
    PERSON: "Person",
    ARMED_GROUP: "Armed group",
    GOVERNMENT: "Government or state",
    SECURITY_FORCE: "Military or security force",
    POLITICAL_PARTY: "Political party",
    RELIGIOUS_ORGANISATION: "Religious organisation",
    INTERNATIONAL_ORGANISATION: "International organisation",
    MEDIA_OUTLET: "Media outlet",
    CIVIL_SOCIETY: "Civil society",
    RESEARCH_ORGANISATION: "Research organisation",
    OTHER: "Other",
  },
  [
    "PERSON",
    "ARMED_GROUP",
    "GOVERNMENT",
    "SECURITY_FORCE",
    "POLITICAL_PARTY",
    "RELIGIOUS_ORGANISATION",
    "INTERNATIONAL_ORGANISATION",
    "MEDIA_OUTLET",
    "CIVIL_SOCIETY",
    "RESEARCH_ORGANISATION",
    "OTHER",
  ],
);

export const ALIAS_KINDS = vocabulary(
  {
    ACRONYM: "Acronym",
    TRANSLITERATION: "Transliteration",
    FORMER_NAME: "Former name",
    INFORMAL_NAME: "Informal name",
    TRANSLATION: "Translation",
    SELF_STYLED: "Self-styled name",
    DATASET_NAME: "Name in a dataset",
  },
  ["ACRONYM", "TRANSLITERATION", "FORMER_NAME", "INFORMAL_NAME", "TRANSLATION", "SELF_STYLED", "DATASET_NAME"],
);

export const PARTICIPANT_ROLES = vocabulary(
  {
    PARTY: "Party",
    MEDIATOR: "Mediator",
    HOST: "Host",
    GUARANTOR: "Guarantor",
    FACILITATOR: "Facilitator",
    DELEGATION_LEAD: "Delegation lead",
    DELEGATE: "Delegate",
    SPOKESPERSON: "Spokesperson",
    PERPETRATOR: "Perpetrator",
    TARGET: "Target",
    RELEASED: "Released",
    RELEASING: "Releasing side",
    VISITOR: "Visitor",
    ORGANISER: "Organiser",
    PARTICIPANT: "Participant",
  },
  [
    "PARTY",
    "MEDIATOR",
    "HOST",
    "GUARANTOR",
    "FACILITATOR",
    "DELEGATION_LEAD",
    "DELEGATE",
    "SPOKESPERSON",
    "PERPETRATOR",
    "TARGET",
    "RELEASED",
    "RELEASING",
    "VISITOR",
    "ORGANISER",
    "PARTICIPANT",
  ],
);

export const CLAIM_STANCES = vocabulary({ ASSERTS: "Asserts", DENIES: "Denies" }, ["ASSERTS", "DENIES"]);

export const DATE_PRECISIONS = vocabulary({ DAY: "Day", WEEK: "Week", MONTH: "Month", YEAR: "Year" }, [
  "DAY",
  "WEEK",
  "MONTH",
  "YEAR",
]);

export const EVENT_OUTCOMES = vocabulary(
  {
    AGREED: "Agreed",
    EXTENDED: "Extended",
    ENDED: "Ended",
    DEADLOCKED: "Deadlocked",
    ONGOING: "Ongoing",
    BROKEN: "Broken",
    REJECTED: "Rejected",
    COMPLETED: "Completed",
  },
  ["AGREED", "EXTENDED", "ENDED", "DEADLOCKED", "ONGOING", "BROKEN", "REJECTED", "COMPLETED"],
);

/** A link reads "<from> <kind> <to>": the 2022 Eid truce extension EXTENDS the Eid truce. */
export const EVENT_LINK_KINDS = vocabulary(
  {
    EXTENDS: "Extends",
    ENDS: "Ends",
    FOLLOWS: "Follows",
    PRODUCED: "Produced",
    RESPONDS_TO: "Responds to",
    VIOLATES: "Violates",
  },
  ["EXTENDS", "ENDS", "FOLLOWS", "PRODUCED", "RESPONDS_TO", "VIOLATES"],
);

/** How a link reads from its target's side ("extended by"). */
export const EVENT_LINK_INVERSE_LABELS: Record<EventLinkKind, string> = {
  EXTENDS: "Extended by",
  ENDS: "Ended by",
  FOLLOWS: "Followed by",
  PRODUCED: "Produced by",
  RESPONDS_TO: "Answered by",
  VIOLATES: "Violated by",
};

/** What an actor's position is. A red line is a demand the holder says it will not negotiate. */
export const POSITION_KINDS = vocabulary(
  {
    DEMAND: "Demand",
    RED_LINE: "Red line",
    CONDITION: "Condition",
    OFFER: "Offer",
    PLEDGE: "Pledge",
    COMMITMENT: "Commitment",
    REFUSAL: "Refusal",
  },
  ["DEMAND", "RED_LINE", "CONDITION", "OFFER", "PLEDGE", "COMMITMENT", "REFUSAL"],
);

/**
 * The issues positions are about: a deliberately small list, so that the matrix of a process
 * compares like with like. Add one only when no existing issue fits a position in the data.
 */
export const POSITION_ISSUES = vocabulary(
  {
    TERRITORY_TROOPS: "Territory and troop presence",
    GOVERNANCE_LAW: "Governance and law",
    PRISONERS_AMNESTY: "Prisoners and amnesty",
    DISARMAMENT_SURRENDER: "Disarmament and surrender",
    CROSS_BORDER_SANCTUARY: "Cross-border sanctuary and attacks",
    CEASEFIRE_TERMS: "Ceasefire terms",
    RECOGNITION: "Recognition",
    TALKS_FORMAT: "Format of the talks",
  },
  [
    "TERRITORY_TROOPS",
    "GOVERNANCE_LAW",
    "PRISONERS_AMNESTY",
    "DISARMAMENT_SURRENDER",
    "CROSS_BORDER_SANCTUARY",
    "CEASEFIRE_TERMS",
    "RECOGNITION",
    "TALKS_FORMAT",
  ],
);

/** The facets of `searchPositions`. */
export const POSITION_FACET_FIELDS = vocabulary({ ACTOR: "Holder", KIND: "Kind", ISSUE: "Issue", PROCESS: "Process" }, [
  "ACTOR",
  "KIND",
  "ISSUE",
  "PROCESS",
]);

export const FACET_FIELDS = vocabulary(
  { TYPE: "Event type", ACTOR: "Actor", ROLE: "Role", COUNTRY: "Country", PLACE: "Place", OUTLET: "Outlet" },
  ["TYPE", "ACTOR", "ROLE", "COUNTRY", "PLACE", "OUTLET"],
);

export const EVENT_SORTS = vocabulary({ RELEVANCE: "Relevance", DATE_DESC: "Newest first", DATE_ASC: "Oldest first" }, [
  "RELEVANCE",
  "DATE_DESC",
  "DATE_ASC",
]);

export const DATE_INTERVALS = vocabulary({ DAY: "Day", WEEK: "Week", MONTH: "Month", YEAR: "Year" }, [
  "DAY",
  "WEEK",
  "MONTH",
  "YEAR",
]);

export const TOKEN_ROLES = vocabulary({ READER: "Reader", EDITOR: "Editor", ADMIN: "Administrator" }, [
  "READER",
  "EDITOR",
  "ADMIN",
]);

export type EventType = z.infer<typeof EVENT_TYPES.schema>;
export type ActorKind = z.infer<typeof ACTOR_KINDS.schema>;
export type AliasKind = z.infer<typeof ALIAS_KINDS.schema>;
export type ParticipantRole = z.infer<typeof PARTICIPANT_ROLES.schema>;
export type ClaimStance = z.infer<typeof CLAIM_STANCES.schema>;
export type DatePrecision = z.infer<typeof DATE_PRECISIONS.schema>;
export type EventOutcome = z.infer<typeof EVENT_OUTCOMES.schema>;
export type EventLinkKind = z.infer<typeof EVENT_LINK_KINDS.schema>;
export type PositionKind = z.infer<typeof POSITION_KINDS.schema>;
export type PositionIssue = z.infer<typeof POSITION_ISSUES.schema>;
export type PositionFacetField = z.infer<typeof POSITION_FACET_FIELDS.schema>;
export type FacetField = z.infer<typeof FACET_FIELDS.schema>;
export type EventSort = z.infer<typeof EVENT_SORTS.schema>;
export type DateInterval = z.infer<typeof DATE_INTERVALS.schema>;
export type TokenRole = z.infer<typeof TOKEN_ROLES.schema>;
