import { EVENT_LINK_INVERSE_LABELS, EVENT_LINK_KINDS, type EventLinkKind } from "@parley/schema";
import { builder } from "../../builder.ts";
import {
  DatePrecisionEnum,
  EventLinkKindEnum,
  EventOutcomeEnum,
  EventTypeEnum,
  ParticipantRoleEnum,
} from "../shared/enums.ts";
import { RevisionConnection, revisionPage } from "../shared/revision.type.ts";
import { PlaceRef } from "./place.type.ts";

interface Fatalities {
  low: number | null;
  best: number | null;
  high: number | null;
}

const FatalitiesRef = builder.objectRef<Fatalities>("Fatalities").implement({
  description: "Deaths as reported: a low and a high estimate around the best one, each where known.",
  fields: (t) => ({
    low: t.exposeInt("low", {
      nullable: true,
      description: "The lowest reported count of deaths; null when no source gives one (UCDP's `low`).",
    }),
    best: t.exposeInt("best", {
      nullable: true,
      description:
        "The most likely count of deaths (UCDP's `best`, ACLED's `fatalities`); null when unknown, which is not zero.",
    }),
    high: t.exposeInt("high", {
      nullable: true,
      description: "The highest reported count of deaths; null when no source gives one (UCDP's `high`).",
    }),
  }),
});

interface RelatedEvent {
  kind: EventLinkKind;
  direction: "OUTGOING" | "INCOMING";
  event: unknown;
}

const LinkDirectionEnum = builder.enumType("LinkDirection", {
  description: "Which way a link between two events points, seen from the event it is listed on.",
  values: {
    OUTGOING: { description: "This event <kind> the other (this truce EXTENDS that one)." },
    INCOMING: { description: "The other event <kind> this one (this truce is extended by that one)." },
  },
});

const RelatedEventRef = builder.objectRef<RelatedEvent>("RelatedEvent").implement({
  description:
    "Another event linked to this one, and how: a ceasefire and its extension, talks and the agreement they produced.",
  fields: (t) => ({
    kind: t.field({
      type: EventLinkKindEnum,
      description: 'The link, read from its source event: "EXTENDS" whichever way round.',
      resolve: (r) => r.kind,
    }),
    direction: t.field({
      type: LinkDirectionEnum,
      description: "OUTGOING when this event is the link's source, INCOMING when the other event is.",
      resolve: (r) => r.direction,
    }),
    label: t.string({
      description: 'How the link reads from this event: "Extends", "Extended by".',
      resolve: (r) =>
        r.direction === "OUTGOING" ? EVENT_LINK_KINDS.labels[r.kind] : EVENT_LINK_INVERSE_LABELS[r.kind],
    }),
    // Loaded with the links, so a page of events reads its related events in one statement.
    event: t.prismaField({ type: "Event", description: "The other event.", resolve: (_query, r) => r.event as never }),
  }),
});

export const EventRef = builder.prismaNode("Event", {
  nullable: true,
  id: { field: "id" },
  description:
    "Something that happened in a conflict or peace process, on a day or over a span: talks, a ceasefire, an attack, a statement. Like an ACLED or UCDP event, with its actors in roles, its places, and the claims (quotes from sources) that report it.",
  fields: (t) => ({
    type: t.field({ type: EventTypeEnum, description: "What kind of event it is.", resolve: (e) => e.type }),
    title: t.exposeString("title", { description: "A one-line headline, written by an editor or the importer." }),
    summary: t.exposeString("summary", {
      description:
        "A few sentences on what happened, in our words; empty when none was written. The claims hold the sources' own words.",
    }),
    startDate: t.field({
      type: "Date",
      description:
        "The day it happened or began; with a coarser `datePrecision`, the first day of that week, month or year.",
      resolve: (e) => e.startDate,
    }),
    endDate: t.field({
      type: "Date",
      nullable: true,
      description:
        "The last day, for an event that spans days (a ceasefire, a round of talks); null for a single day, or while it lasts.",
      resolve: (e) => e.endDate,
    }),
    datePrecision: t.field({
      type: DatePrecisionEnum,
      description: "How precisely `startDate` is known.",
      resolve: (e) => e.datePrecision,
    }),
    outcome: t.field({
      type: EventOutcomeEnum,
      nullable: true,
      description: "How it ended, for talks, ceasefires and agreements; null when unknown or not applicable.",
      resolve: (e) => e.outcome,
    }),
    contested: t.exposeBoolean("contested", {
      description: "True when the event's claims include both an assertion and a denial.",
    }),
    version: t.exposeInt("version", { description: "Send it back with an update; a stale one is refused." }),
    fatalities: t.field({
      type: FatalitiesRef,
      nullable: true,
      description: "Deaths reported; null when no count is known (which is not the same as none).",
      resolve: (e) =>
        e.fatalitiesLow === null && e.fatalitiesBest === null && e.fatalitiesHigh === null
          ? null
          : { low: e.fatalitiesLow, best: e.fatalitiesBest, high: e.fatalitiesHigh },
    }),
    places: t.field({
      type: [PlaceRef],
      description: "Where it happened: one place or a few (at most 50).",
      select: (_args, _ctx, nested) => ({ places: { select: { place: nested(true) } } }),
      resolve: (e) => e.places.map((p) => p.place),
    }),
    participants: t.relation("participants", {
      description:
        "The actors taking part and the role of each (an actor may appear once per role), by role; at most 200.",
      query: { orderBy: [{ role: "asc" }, { id: "asc" }] },
    }),
    claims: t.relation("claims", {
      description:
        "The provenance: every claim about the event, each a quote from a source asserting or denying it, in the order recorded. Not paged: one event's reports are few.",
      query: { orderBy: { id: "asc" } },
    }),
    process: t.relation("process", {
      nullable: true,
      description: "The peace process or conflict episode the event belongs to; null for none.",
    }),
    related: t.field({
      type: [RelatedEventRef],
      description:
        "Events this one extends, ends, follows or answers, and those that do so to it (at most 50 links out).",
      select: (_args, _ctx, nested) => ({
        linksOut: { select: { kind: true, to: nested(true, ["event"], "Event") } },
        linksIn: { select: { kind: true, from: nested(true, ["event"], "Event") } },
      }),
      resolve: (e) => [
        ...e.linksOut.map((l) => ({ kind: l.kind, direction: "OUTGOING" as const, event: l.to })),
        ...e.linksIn.map((l) => ({ kind: l.kind, direction: "INCOMING" as const, event: l.from })),
      ],
    }),
    revisions: t.connection(revisionPage("Event"), RevisionConnection),
  }),
});

export const ParticipantRef = builder.prismaObject("Participant", {
  description:
    "An actor's part in an event: who, in which role (ACLED's actor 1 and 2 and associated actors, UCDP's sides, a mediator or host of talks).",
  fields: (t) => ({
    role: t.field({
      type: ParticipantRoleEnum,
      description: "The part the actor plays in the event.",
      resolve: (p) => p.role,
    }),
    note: t.exposeString("note", {
      nullable: true,
      description: 'What the role alone does not say: "led the delegation on day two"; null for none.',
    }),
    actor: t.relation("actor", { description: "The actor." }),
    event: t.relation("event", { description: "The event." }),
  }),
});
