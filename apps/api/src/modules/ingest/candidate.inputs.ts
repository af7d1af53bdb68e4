import type { Tx } from "@parley/db";
import type { AcceptCandidateInput, EventCandidatePatch } from "@parley/schema";
import { builder } from "../../builder.ts";
import { PlaceKindEnum } from "../events/place.type.ts";
import {
  ActorKindEnum,
  AliasKindEnum,
  DatePrecisionEnum,
  EventTypeEnum,
  ParticipantRoleEnum,
} from "../shared/enums.ts";
import { clientMutationIdField } from "../shared/mutation.ts";
import { optionalRef, ref, resolveRefs } from "../shared/references.ts";

const CandidatePlaceInput = builder.inputType("CandidatePlaceInput", {
  description: "Where an event candidate happened: a known place (`placeId`), or a new one that accepting creates.",
  fields: (t) => ({
    placeId: t.id({ description: "A known place's global ID; leave out for a new place." }),
    name: t.string({ required: true, description: "The place's name, at most 300 characters." }),
    country: t.string({ required: true, description: "The ISO 3166-1 alpha-2 code of its country, such as PK." }),
    kind: t.field({ type: PlaceKindEnum, required: true, description: "How large the place is." }),
    lat: t.float({ description: "Latitude in decimal degrees, from -90 to 90." }),
    lon: t.float({ description: "Longitude in decimal degrees, from -180 to 180." }),
  }),
});

const CandidateActorInput = builder.inputType("CandidateActorInput", {
  description:
    "An actor taking part in an event candidate: a known one (`actorId`), or a name that accepting looks up.",
  fields: (t) => ({
    actorId: t.id({ description: "A known actor's global ID; leave out for a name to look up when accepting." }),
    text: t.string({
      description:
        "The words of the report that name the actor (`CandidateActor.text`), at most 300 characters; the name when left out.",
    }),
    name: t.string({ required: true, description: "The actor's name, at most 300 characters." }),
    kind: t.field({ type: ActorKindEnum, required: true, description: "What the actor is." }),
    role: t.field({ type: ParticipantRoleEnum, description: "Its role in the event; PARTY when left out." }),
  }),
});

const EventCandidateInput = builder.inputType("EventCandidateInput", {
  description:
    "Changes to an event candidate: the fields given replace the payload's, `null` clears one that may be empty, `actors` replaces the list. A `date` given without `precision` is a day.",
  fields: (t) => ({
    type: t.field({ type: EventTypeEnum, description: "What kind of event it is." }),
    title: t.string({
      description: "The event's title, at most 300 characters; null to make one from the type and the quote.",
    }),
    date: t.field({
      type: "Date",
      description: "The day it happened (the first day of the period, for a coarser `precision`).",
    }),
    precision: t.field({ type: DatePrecisionEnum, description: "How precisely `date` is known." }),
    endDate: t.field({ type: "Date", description: "The last day, for an event that spans days." }),
    place: t.field({ type: CandidatePlaceInput, description: "Where it happened; null for no place." }),
    actors: t.field({ type: [CandidateActorInput], description: "The actors taking part, at most 200." }),
    quote: t.string({
      description: "The claim to record: words found verbatim in the stored report, at most 1000 characters.",
    }),
  }),
});

const ActorCandidateInput = builder.inputType("ActorCandidateInput", {
  description: "Changes to an actor candidate: the fields given replace the payload's.",
  fields: (t) => ({
    name: t.string({ description: "The name to create the actor under, at most 300 characters." }),
    kind: t.field({ type: ActorKindEnum, description: "What the actor is." }),
  }),
});

const CitationCandidateInput = builder.inputType("CitationCandidateInput", {
  description: "Changes to a citation candidate: the fields given replace the payload's.",
  fields: (t) => ({
    outletId: t.id({
      description:
        "The cited outlet, when Parley knows it (an actor's global ID); null to create it by `name` on acceptance.",
    }),
    name: t.string({ description: "The outlet's name, at most 300 characters." }),
  }),
});

/** The same three ways to change a candidate, for `updateCandidate` (exactly one) and `acceptCandidate` (at most one). */
function reviewFields(updating: boolean) {
  const which = updating
    ? "Give exactly one, the one of the candidate's kind."
    : "Give at most one, the one of the candidate's kind, to change the candidate as it is accepted.";
  return builder.inputType(updating ? "UpdateCandidateInput" : "AcceptCandidateInput", {
    description: updating
      ? "A pending candidate and the changes to its payload."
      : "A pending candidate to accept, with any last changes to its payload.",
    fields: (t) => ({
      clientMutationId: clientMutationIdField(t),
      id: t.id({ required: true, description: "The candidate's global ID." }),
      event: t.field({ type: EventCandidateInput, description: `Changes to an event candidate. ${which}` }),
      actor: t.field({ type: ActorCandidateInput, description: `Changes to an actor candidate. ${which}` }),
      citation: t.field({ type: CitationCandidateInput, description: `Changes to a citation candidate. ${which}` }),
    }),
  });
}

export const UpdateCandidateInputRef = reviewFields(true);
export const AcceptCandidateInputRef = reviewFields(false);
export const RejectCandidateInputRef = builder.inputType("RejectCandidateInput", {
  description: "A pending candidate to reject.",
  fields: (t) => ({
    clientMutationId: clientMutationIdField(t),
    id: t.id({ required: true, description: "The candidate's global ID." }),
  }),
});

export const MergeCandidateInputRef = builder.inputType("MergeCandidateInput", {
  description: "A pending actor candidate and the known actor whose name it is.",
  fields: (t) => ({
    clientMutationId: clientMutationIdField(t),
    id: t.id({ required: true, description: "The actor candidate's global ID." }),
    actorId: t.id({ required: true, description: "The global ID of the known actor the candidate names." }),
    aliasKind: t.field({
      type: AliasKindEnum,
      description:
        "How the candidate's name relates to the actor's main name, when it becomes an alias; INFORMAL_NAME when left out.",
    }),
  }),
});

type Changes = Pick<AcceptCandidateInput, "event" | "actor" | "citation">;

/** Which of `event`, `actor` and `citation` the input gives, as the candidate kind it is for. */
export function changedKind(input: Changes): "EVENT" | "ACTOR" | "CITATION" | null {
  return input.event ? "EVENT" : input.actor ? "ACTOR" : input.citation ? "CITATION" : null;
}

const defined = (o: Record<string, unknown>) =>
  Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined));

interface EventRefs {
  place: { placeId: number | null | undefined };
  actors: { actorId: number | null | undefined }[];
}

function eventPatch(e: EventCandidatePatch, refs: EventRefs) {
  return defined({
    type: e.type,
    // A title may not be null in a payload: left out, accepting makes one.
    title: e.title === null ? undefined : e.title,
    date: e.date,
    precision: e.precision ?? (e.date ? "DAY" : undefined),
    endDate: e.endDate,
    place: e.place && {
      placeId: refs.place.placeId ?? null,
      name: e.place.name,
      country: e.place.country,
      kind: e.place.kind,
      lat: e.place.lat ?? null,
      lon: e.place.lon ?? null,
    },
    actors: e.actors?.map((a, i) =>
      defined({
        actorId: refs.actors[i]?.actorId ?? null,
        text: a.text ?? a.name,
        name: a.name,
        kind: a.kind,
        role: a.role ?? undefined,
      }),
    ),
    quote: e.quote,
  });
}

/**
 * The changes as the stored payload writes them: global IDs checked and turned into database IDs
 * (an unknown one is a ValidationError at its field), `null` kept only where a payload may hold it.
 */
export async function payloadPatch(tx: Tx, input: Changes): Promise<Record<string, unknown>> {
  if (input.event) {
    const spec = {
      place: { placeId: optionalRef("Place", input.event.place?.placeId) },
      actors: (input.event.actors ?? []).map((a) => ({ actorId: optionalRef("Actor", a.actorId) })),
    };
    return eventPatch(input.event, (await resolveRefs(tx, spec, "input.event")) as EventRefs);
  }
  if (input.actor) return defined({ name: input.actor.name, kind: input.actor.kind });
  if (input.citation) {
    const { outletId } = input.citation;
    const actorId =
      outletId == null
        ? outletId
        : (await resolveRefs(tx, { outletId: ref("Actor", outletId) }, "input.citation")).outletId;
    return defined({ actorId, name: input.citation.name });
  }
  return {};
}
