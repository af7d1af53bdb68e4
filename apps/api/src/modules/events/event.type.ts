import { EVENT_LINK_INVERSE_LABELS, EVENT_LINK_KINDS, type EventLinkKind } from "@parley/schema";
import { builder } from "../../builder.ts";
import { DatePrecisionEnum, EventLinkKindEnum, EventOutcomeEnum, EventTypeEnum, ParticipantRoleEnum } from "../shared/enums.ts";
import { counted, relationPage } from "../shared/connections.ts";
import { pageComplexity } from "../shared/paging.ts";
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
    low: t.exposeInt("low", { nullable: true }),
    best: t.exposeInt("best", { nullable: true }),
    high: t.exposeInt("high", { nullable: true }),
  }),
});

interface RelatedEvent {
  kind: EventLinkKind;
  direction: "OUTGOING" | "INCOMING";
  event: unknown;
}

const LinkDirectionEnum = builder.enumType("LinkDirection", {
  values: {
    OUTGOING: { description: "This event <kind> the other (this truce EXTENDS that one)." },
    INCOMING: { description: "The other event <kind> this one (this truce is extended by that one)." },
  },
});

const RelatedEventRef = builder.objectRef<RelatedEvent>("RelatedEvent").implement({
  fields: (t) => ({
    kind: t.field({ type: EventLinkKindEnum, resolve: (r) => r.kind }),
    direction: t.field({ type: LinkDirectionEnum, resolve: (r) => r.direction }),
    label: t.string({
      description: 'How the link reads from this event: "Extends", "Extended by".',
      resolve: (r) => (r.direction === "OUTGOING" ? EVENT_LINK_KINDS.labels[r.kind] : EVENT_LINK_INVERSE_LABELS[r.kind]),
    }),
    // Loaded with the links, so a page of events reads its related events in one statement.
    event: t.prismaField({ type: "Event", resolve: (_query, r) => r.event as never }),
  }),
});

export const EventRef = builder.prismaNode("Event", {
  nullable: true,
  id: { field: "id" },
  fields: (t) => ({
    type: t.field({ type: EventTypeEnum, resolve: (e) => e.type }),
    title: t.exposeString("title"),
    summary: t.exposeString("summary"),
    startDate: t.field({ type: "Date", resolve: (e) => e.startDate }),
    endDate: t.field({ type: "Date", nullable: true, resolve: (e) => e.endDate }),
    datePrecision: t.field({ type: DatePrecisionEnum, resolve: (e) => e.datePrecision }),
    outcome: t.field({ type: EventOutcomeEnum, nullable: true, resolve: (e) => e.outcome }),
    contested: t.exposeBoolean("contested", { description: "True when the event's claims include both an assertion and a denial." }),
    version: t.exposeInt("version", { description: "Send it back with an update; a stale one is refused." }),
    fatalities: t.field({
      type: FatalitiesRef,
      nullable: true,
      resolve: (e) =>
        e.fatalitiesLow === null && e.fatalitiesBest === null && e.fatalitiesHigh === null
          ? null
          : { low: e.fatalitiesLow, best: e.fatalitiesBest, high: e.fatalitiesHigh },
    }),
    places: t.field({
      type: [PlaceRef],
      select: (_args, _ctx, nested) => ({ places: { select: { place: nested(true) } } }),
      resolve: (e) => e.places.map((p) => p.place),
    }),
    participants: t.relation("participants", { query: { orderBy: [{ role: "asc" }, { id: "asc" }] } }),
    claims: t.relation("claims", { query: { orderBy: { id: "asc" } } }),
    process: t.relation("process", { nullable: true }),
    related: t.field({
      type: [RelatedEventRef],
      description: "Events this one extends, ends, follows or answers, and those that do so to it.",
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
  fields: (t) => ({
    role: t.field({ type: ParticipantRoleEnum, resolve: (p) => p.role }),
    note: t.exposeString("note", { nullable: true }),
    actor: t.relation("actor"),
    event: t.relation("event"),
  }),
});

export const ProcessRef = builder.prismaNode("Process", {
  nullable: true,
  id: { field: "id" },
  description: "A named peace process or conflict episode.",
  fields: (t) => ({
    name: t.exposeString("name"),
    description: t.exposeString("description", { nullable: true }),
    startDate: t.field({ type: "Date", nullable: true, resolve: (p) => p.startDate }),
    startPrecision: t.field({ type: DatePrecisionEnum, nullable: true, resolve: (p) => p.startPrecision }),
    endDate: t.field({ type: "Date", nullable: true, resolve: (p) => p.endDate }),
    endPrecision: t.field({ type: DatePrecisionEnum, nullable: true, resolve: (p) => p.endPrecision }),
    events: t.connection(
      {
        type: EventRef,
        complexity: pageComplexity,
        ...relationPage("Process.events", "events", () => ({ orderBy: [{ startDate: "asc" }, { id: "asc" }] })),
      },
      counted("ProcessEventConnection", "A page of a process's events.", "events of the process"),
      { name: "ProcessEventEdge" },
    ),
  }),
});
