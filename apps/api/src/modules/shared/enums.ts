import {
  ACTOR_KINDS, ALIAS_KINDS, CLAIM_STANCES, DATE_INTERVALS, DATE_PRECISIONS, EVENT_LINK_KINDS, EVENT_OUTCOMES, EVENT_SORTS, EVENT_TYPES,
  FACET_FIELDS,
  PARTICIPANT_ROLES, POSITION_FACET_FIELDS, POSITION_ISSUES, POSITION_KINDS, TOKEN_ROLES,
} from "@parley/schema";
import { builder } from "../../builder.ts";

/** GraphQL enums straight from the shared vocabulary: one list of codes, one set of labels. */
function vocabularyEnum<const T extends readonly string[]>(name: string, vocab: { codes: T; labels: Record<T[number], string> }) {
  return builder.enumType(name, {
    values: Object.fromEntries(vocab.codes.map((code) => [code, { value: code, description: vocab.labels[code as T[number]] }])) as {
      [K in T[number]]: { value: K; description: string };
    },
  });
}

export const EventTypeEnum = vocabularyEnum("EventType", EVENT_TYPES);
export const ActorKindEnum = vocabularyEnum("ActorKind", ACTOR_KINDS);
export const AliasKindEnum = vocabularyEnum("AliasKind", ALIAS_KINDS);
export const ParticipantRoleEnum = vocabularyEnum("ParticipantRole", PARTICIPANT_ROLES);
export const ClaimStanceEnum = vocabularyEnum("ClaimStance", CLAIM_STANCES);
export const DatePrecisionEnum = vocabularyEnum("DatePrecision", DATE_PRECISIONS);
export const EventOutcomeEnum = vocabularyEnum("EventOutcome", EVENT_OUTCOMES);
export const EventLinkKindEnum = vocabularyEnum("EventLinkKind", EVENT_LINK_KINDS);
export const EventSortEnum = vocabularyEnum("EventSort", EVENT_SORTS);
export const TokenRoleEnum = vocabularyEnum("TokenRole", TOKEN_ROLES);
export const RevisionActionEnum = builder.enumType("RevisionAction", { values: ["CREATE", "UPDATE", "DELETE", "MERGE"] as const });
export const FacetFieldEnum = vocabularyEnum("FacetField", FACET_FIELDS);
export const DateIntervalEnum = vocabularyEnum("DateInterval", DATE_INTERVALS);
export const PositionKindEnum = vocabularyEnum("PositionKind", POSITION_KINDS);
export const PositionIssueEnum = vocabularyEnum("PositionIssue", POSITION_ISSUES);
export const PositionFacetFieldEnum = vocabularyEnum("PositionFacetField", POSITION_FACET_FIELDS);
