import {
  ACTOR_KINDS,
  ALIAS_KINDS,
  CLAIM_STANCES,
  DATE_INTERVALS,
  DATE_PRECISIONS,
  EVENT_LINK_KINDS,
  EVENT_OUTCOMES,
  EVENT_SORTS,
  EVENT_TYPES,
  FACET_FIELDS,
  PARTICIPANT_ROLES,
  POSITION_FACET_FIELDS,
  POSITION_ISSUES,
  POSITION_KINDS,
  TOKEN_ROLES,
} from "@parley/schema";
import { builder } from "../../builder.ts";
import { ENUM_DESCRIPTIONS } from "./enum-descriptions.ts";

/** GraphQL enums straight from the shared vocabulary: one list of codes, one set of labels. */
function vocabularyEnum<const T extends readonly string[]>(
  name: string,
  vocab: { codes: T; labels: Record<T[number], string> },
) {
  const described = ENUM_DESCRIPTIONS[name];
  return builder.enumType(name, {
    description: described?.type,
    values: Object.fromEntries(
      vocab.codes.map((code) => [
        code,
        { value: code, description: described?.values?.[code] ?? vocab.labels[code as T[number]] },
      ]),
    ) as {
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
export const RevisionActionEnum = builder.enumType("RevisionAction", {
  description: "What a revision did to its record.",
  values: {
    CREATE: { description: "Created the record; `changes` holds the whole record as created." },
    UPDATE: {
      description: "Changed the record; `changes` holds `{ field: [before, after] }` for each field that changed.",
    },
    DELETE: { description: "Deleted the record; `changes` holds the record as it was." },
    MERGE: { description: "Folded another actor into this one, or this one into another (see `changes`)." },
  },
});
export const FacetFieldEnum = vocabularyEnum("FacetField", FACET_FIELDS);
export const DateIntervalEnum = vocabularyEnum("DateInterval", DATE_INTERVALS);
export const PositionKindEnum = vocabularyEnum("PositionKind", POSITION_KINDS);
export const PositionIssueEnum = vocabularyEnum("PositionIssue", POSITION_ISSUES);
export const PositionFacetFieldEnum = vocabularyEnum("PositionFacetField", POSITION_FACET_FIELDS);
