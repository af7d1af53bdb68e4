import { encodeGlobalID } from "@pothos/plugin-relay";
import type { ActorMatch, DateBucket, EventSearch, Facet, FacetValue, SearchEdge } from "@parley/search";
import { builder } from "../../builder.ts";
import { ActorRef } from "../actors/actor.type.ts";
import { EventRef } from "../events/event.type.ts";
import { DateIntervalEnum, EventTypeEnum, FacetFieldEnum, ParticipantRoleEnum } from "../shared/enums.ts";

export const EventFilterInput = builder.inputType("EventFilter", {
  description: "Values within one field are OR; fields are AND with each other and with the text query.",
  fields: (t) => ({
    types: t.field({ type: [EventTypeEnum], required: false }),
    actorIds: t.idList({ required: false, description: "Events any of these actors took part in." }),
    roles: t.field({ type: [ParticipantRoleEnum], required: false, description: "Events with a participant in any of these roles." }),
    countries: t.stringList({ required: false, description: "ISO 3166-1 alpha-2 codes of the countries of the event's places." }),
    placeIds: t.idList({ required: false }),
    outletIds: t.idList({ required: false, description: "Events supported by claims from sources of these outlets." }),
    from: t.field({ type: "Date", required: false, description: "Events that end on or after this day." }),
    to: t.field({ type: "Date", required: false, description: "Events that start on or before this day." }),
    contested: t.boolean({ required: false }),
  }),
});

/** Also the values of `searchPositions`' facets, whose PROCESS values are process IDs. */
export const FacetValueRef = builder.objectRef<FacetValue>("FacetValue").implement({
  fields: (t) => ({
    value: t.string({
      description: "The global ID for ACTOR, PLACE, OUTLET and PROCESS; the enum value for TYPE, ROLE, KIND and ISSUE; the ISO code for COUNTRY.",
      resolve: (v) => {
        const field: string = v.field;
        if (field === "ACTOR" || field === "OUTLET") return encodeGlobalID("Actor", v.key);
        if (field === "PLACE" || field === "PROCESS") return encodeGlobalID(field === "PLACE" ? "Place" : "Process", v.key);
        return String(v.key);
      },
    }),
    label: t.exposeString("label"),
    count: t.exposeInt("count", { description: "Results this value would give, with every other filter applied but not this facet's own." }),
    selected: t.exposeBoolean("selected"),
  }),
});

const FacetRef = builder.objectRef<Facet>("Facet").implement({
  fields: (t) => ({
    field: t.field({ type: FacetFieldEnum, resolve: (f) => f.field }),
    values: t.field({
      type: [FacetValueRef],
      description: "The values with events, most frequent first (all of them for TYPE and ROLE, the first 15 for the others), and every selected value.",
      resolve: (f) => f.values,
    }),
  }),
});

const DateBucketRef = builder.objectRef<DateBucket>("DateBucket").implement({
  fields: (t) => ({
    start: t.field({ type: "Date", resolve: (b) => b.start }),
    count: t.exposeInt("count"),
  }),
});

const EventSearchEdgeRef = builder.objectRef<SearchEdge>("EventSearchEdge").implement({
  fields: (t) => ({
    cursor: t.exposeString("cursor"),
    node: t.field({ type: EventRef, resolve: (e) => e.node as never }),
    highlights: t.stringList({
      description: "HTML-safe snippets of the title, names, places and summary, matches in <mark>…</mark>.",
      resolve: (e) => e.highlights,
    }),
  }),
});

export const EventSearchResultRef = builder.objectRef<EventSearch>("EventSearchResult").implement({
  fields: (t) => ({
    totalCount: t.exposeInt("totalCount"),
    edges: t.field({ type: [EventSearchEdgeRef], resolve: async (s) => (await s.page()).edges }),
    pageInfo: t.field({ type: builder.pageInfoRef(), resolve: async (s) => (await s.page()).pageInfo }),
    facets: t.field({ type: [FacetRef], resolve: (s) => s.facets() }),
    histogram: t.field({
      type: [DateBucketRef],
      description: "The results by start date, counted with every filter but the date range (from/to) so that a chosen range keeps its context; from the first to the last non-empty bucket.",
      args: { interval: t.arg({ type: DateIntervalEnum, required: true }) },
      resolve: (s, args) => s.histogram(args.interval),
    }),
  }),
});

export const ActorMatchRef = builder.objectRef<ActorMatch>("ActorMatch").implement({
  fields: (t) => ({
    actor: t.field({ type: ActorRef, resolve: (m) => m.actor as never }),
    matchedName: t.exposeString("matchedName", { description: "The name or alias that matched." }),
    score: t.exposeFloat("score", { description: "From 0 to 1; 1 is an exact match of a name." }),
  }),
});
