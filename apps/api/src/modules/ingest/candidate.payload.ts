import type { CandidateKind } from "@parley/db";
import type {
  ActorCandidatePayload,
  CandidateActor,
  CandidatePlace,
  CitationCandidatePayload,
  EventCandidatePayload,
} from "@parley/schema";
import { builder } from "../../builder.ts";
import { type ReadRule, readableBy } from "../auth/read-rules.ts";
import { PlaceKindEnum } from "../events/place.type.ts";
import { ActorKindEnum, DatePrecisionEnum, EventTypeEnum, ParticipantRoleEnum } from "../shared/enums.ts";

/** Candidates are unreviewed: only editors and admins read them, or anything they hold, however reached. */
export const CANDIDATE_READERS: ReadRule = { role: "EDITOR", action: "Reading candidates" };
const editorsOnly = readableBy(CANDIDATE_READERS.role, CANDIDATE_READERS.action);

/** A stored payload with the kind of its candidate, which decides its GraphQL type. */
export type TaggedPayload = { candidateKind: CandidateKind } & (
  | EventCandidatePayload
  | ActorCandidatePayload
  | CitationCandidatePayload
);

const CandidatePlaceRef = builder.objectRef<CandidatePlace>("CandidatePlace").implement({
  description: "A place an event candidate names: one Parley knows, or one from the gazetteer that accepting creates.",
  extensions: editorsOnly,
  fields: (t) => ({
    place: t.prismaField({
      type: "Place",
      nullable: true,
      description: "The known place; null when accepting the candidate creates it from the fields below.",
      resolve: (query, p, _args, ctx) =>
        p.placeId === null ? null : ctx.db.place.findUnique({ ...query, where: { id: p.placeId } }),
    }),
    text: t.string({
      nullable: true,
      description: "The words of the report that name the place; null when an editor gave it.",
      resolve: (p) => p.text ?? null,
    }),
    name: t.exposeString("name", { description: "The place's name." }),
    country: t.exposeString("country", { description: "The ISO 3166-1 alpha-2 code of its country." }),
    kind: t.field({ type: PlaceKindEnum, description: "How large the place is.", resolve: (p) => p.kind }),
    lat: t.exposeFloat("lat", { nullable: true, description: "Latitude in decimal degrees; null when unknown." }),
    lon: t.exposeFloat("lon", { nullable: true, description: "Longitude in decimal degrees; null when unknown." }),
  }),
});

const CandidateActorRef = builder.objectRef<CandidateActor>("CandidateActor").implement({
  description: "An actor an event candidate names, and its role: one Parley knows, or a new name.",
  extensions: editorsOnly,
  fields: (t) => ({
    actor: t.prismaField({
      type: "Actor",
      nullable: true,
      description:
        "The known actor; null for a name Parley does not know (accepting then looks it up by name once more, and leaves it out if still unknown).",
      resolve: (query, a, _args, ctx) =>
        a.actorId === null ? null : ctx.db.actor.findUnique({ ...query, where: { id: a.actorId } }),
    }),
    text: t.exposeString("text", { description: "The words of the report that name the actor." }),
    name: t.exposeString("name", { description: "The actor's name: a known actor's main name, or the name found." }),
    kind: t.field({
      type: ActorKindEnum,
      description: "What the actor is, or is guessed to be.",
      resolve: (a) => a.kind,
    }),
    role: t.field({
      type: ParticipantRoleEnum,
      nullable: true,
      description: "Its role in the event; PARTY when accepted without one.",
      resolve: (a) => a.role ?? null,
    }),
  }),
});

const EventPayloadRef = builder.objectRef<EventCandidatePayload>("EventCandidatePayload").implement({
  description:
    "The event a sentence of the report proposes. Accepting it creates the event, its place and participants, and a claim quoting the sentence.",
  extensions: editorsOnly,
  fields: (t) => ({
    type: t.field({
      type: EventTypeEnum,
      description: "The type found from the sentence's words.",
      resolve: (p) => p.type,
    }),
    title: t.string({
      nullable: true,
      description: "The title to give the event; null to make one from the type and the quote.",
      resolve: (p) => p.title ?? null,
    }),
    date: t.field({
      type: "Date",
      nullable: true,
      description:
        "The day it happened, read from the sentence and the report's date; null when the sentence gives none (accepting then needs one).",
      resolve: (p) => p.date,
    }),
    precision: t.field({
      type: DatePrecisionEnum,
      nullable: true,
      description: "How precisely `date` is known; null with it.",
      resolve: (p) => p.precision,
    }),
    endDate: t.field({
      type: "Date",
      nullable: true,
      description: "The last day, for an event that spans days; null for one day.",
      resolve: (p) => p.endDate ?? null,
    }),
    place: t.field({
      type: CandidatePlaceRef,
      nullable: true,
      description: "Where it happened; null when the sentence names no place.",
      resolve: (p) => p.place,
    }),
    actors: t.field({
      type: [CandidateActorRef],
      description: "The actors the sentence names, with their roles (at most 200).",
      resolve: (p) => p.actors,
    }),
    quote: t.exposeString("quote", {
      description: "The sentence, verbatim from the stored report: the claim that accepting records.",
    }),
    quotes: t.stringList({
      description: "Every sentence of the report that proposed this event (at most 50), the first being `quote`.",
      resolve: (p) => (p.quotes.length ? p.quotes : [p.quote]),
    }),
    unresolvedDate: t.string({
      nullable: true,
      description:
        'The report\'s words for the date ("on Wednesday", "two days earlier") when they need a publication date the report does not give; the reviewer supplies the day. Null otherwise.',
      resolve: (p) => p.unresolvedDate ?? null,
    }),
  }),
});

const ActorPayloadRef = builder.objectRef<ActorCandidatePayload>("ActorCandidatePayload").implement({
  description:
    "A name the report uses that Parley does not know. Accepting it creates the actor, unless one of that name exists by then.",
  extensions: editorsOnly,
  fields: (t) => ({
    text: t.exposeString("text", { description: "The words of the report that name it." }),
    name: t.exposeString("name", { description: "The name to create the actor under." }),
    kind: t.field({ type: ActorKindEnum, description: "What the actor is guessed to be.", resolve: (p) => p.kind }),
  }),
});

const CitationPayloadRef = builder.objectRef<CitationCandidatePayload>("CitationCandidatePayload").implement({
  description:
    'An outlet the report cites ("told Dawn"). Accepting it records the outlet as cited by the source, creating the outlet if Parley does not know it.',
  extensions: editorsOnly,
  fields: (t) => ({
    outlet: t.prismaField({
      type: "Actor",
      nullable: true,
      description: "The known outlet; null when accepting creates it as a media outlet named `name`.",
      resolve: (query, p, _args, ctx) =>
        p.actorId === null ? null : ctx.db.actor.findUnique({ ...query, where: { id: p.actorId } }),
    }),
    text: t.exposeString("text", { description: "The words of the report that name the outlet." }),
    name: t.exposeString("name", { description: "The outlet's name." }),
    quote: t.exposeString("quote", { description: "The sentence that cites it." }),
  }),
});

const TYPES = { EVENT: EventPayloadRef, ACTOR: ActorPayloadRef, CITATION: CitationPayloadRef } as const;

export const CandidatePayloadRef = builder.unionType("CandidatePayload", {
  description: "What a candidate proposes, typed by its kind: an event, an actor or a citation.",
  types: [EventPayloadRef, ActorPayloadRef, CitationPayloadRef],
  resolveType: (payload) => TYPES[(payload as TaggedPayload).candidateKind],
});
