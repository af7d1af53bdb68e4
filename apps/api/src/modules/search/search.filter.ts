import { MAX_PARTICIPANT_FILTERS, PARTICIPANT_ROLES } from "@parley/schema";
import { builder } from "../../builder.ts";
import { EventTypeEnum, ParticipantRoleEnum } from "../shared/enums.ts";

export const ParticipantFilterInput = builder.inputType("ParticipantFilter", {
  description:
    'One actor taking part in the events, in one of some roles: `{ actorId: <TTP>, roles: [MEDIATOR] }` is "the TTP as mediator". In `EventFilter.participants`, entries are AND: two entries ask for a dyad, events where both took part.',
  fields: (t) => ({
    actorId: t.id({ required: true, description: "The actor's global ID; an ID of another type is BAD_USER_INPUT." }),
    roles: t.field({
      type: [ParticipantRoleEnum],
      required: false,
      description: `The actor took part in any of these roles (at most ${PARTICIPANT_ROLES.codes.length} values); in any role when left out or empty.`,
    }),
  }),
});

export const EventFilterInput = builder.inputType("EventFilter", {
  description:
    "Values within one field are OR; fields are AND with each other and with the text query. `actorIds` and `roles` bind together: with both, an event matches when one of the actors took part in one of the roles.",
  fields: (t) => ({
    types: t.field({
      type: [EventTypeEnum],
      required: false,
      description: "Events of any of these types (at most 50 values).",
    }),
    actorIds: t.idList({
      required: false,
      description:
        "Events any of these actors took part in (global IDs, at most 50); with `roles`, took part in one of those roles. The ACTOR facet's selection.",
    }),
    roles: t.field({
      type: [ParticipantRoleEnum],
      required: false,
      description:
        "Events with a participant in any of these roles (at most 50 values); with `actorIds`, one of those actors in one of these roles, so `actorIds: [TTP], roles: [MEDIATOR]` is the TTP as mediator, not the TTP's events that someone mediated. The ROLE facet's selection.",
    }),
    countries: t.stringList({
      required: false,
      description: "ISO 3166-1 alpha-2 codes of the countries of the event's places, such as PK (at most 50).",
    }),
    placeIds: t.idList({ required: false, description: "Events at any of these places (global IDs, at most 50)." }),
    outletIds: t.idList({
      required: false,
      description: "Events supported by claims from sources of these outlets (actors' global IDs, at most 50).",
    }),
    from: t.field({ type: "Date", required: false, description: "Events that end on or after this day." }),
    to: t.field({ type: "Date", required: false, description: "Events that start on or before this day." }),
    contested: t.boolean({
      required: false,
      description: "true: only events whose claims both assert and deny; false: only the others.",
    }),
    participants: t.field({
      type: [ParticipantFilterInput],
      required: false,
      description: `Events where each of these actors took part in one of its roles (at most ${MAX_PARTICIPANT_FILTERS} entries, all of them AND): two entries make a dyad. Like \`from\` and \`to\`, a filter of every facet's counts, not a facet's selection.`,
    }),
  }),
});
