import type { ActorMatch, DateBucket, EventSearch, Facet, FacetValue, SearchEdge } from "@parley/search";
import { FEW_MATCHES } from "@parley/search";
import { encodeGlobalID } from "@pothos/plugin-relay";
import { builder } from "../../builder.ts";
import { ActorRef } from "../actors/actor.type.ts";
import { EventRef } from "../events/event.type.ts";
import { DateIntervalEnum, FacetFieldEnum } from "../shared/enums.ts";

/** Also the values of `searchPositions`' facets, whose PROCESS values are process IDs. */
export const FacetValueRef = builder.objectRef<FacetValue>("FacetValue").implement({
  description: "One value of a facet and how many results it would give.",
  fields: (t) => ({
    value: t.string({
      description:
        "The global ID for ACTOR, PLACE, OUTLET and PROCESS; the enum value for TYPE, ROLE, KIND and ISSUE; the ISO code for COUNTRY.",
      resolve: (v) => {
        const field: string = v.field;
        if (field === "ACTOR" || field === "OUTLET") return encodeGlobalID("Actor", v.key);
        if (field === "PLACE" || field === "PROCESS")
          return encodeGlobalID(field === "PLACE" ? "Place" : "Process", v.key);
        return String(v.key);
      },
    }),
    label: t.exposeString("label", {
      description: "How to show the value: an actor's or place's name, a type's label, a country code.",
    }),
    count: t.exposeInt("count", {
      description:
        "Results this value would give, with every other filter applied but not this facet's own. ACTOR and ROLE bind: with either chosen, both count without both filters, an actor in the chosen roles and a role held by the chosen actors.",
    }),
    selected: t.exposeBoolean("selected", { description: "True when the filter holds this value." }),
  }),
});

const FacetRef = builder.objectRef<Facet>("Facet").implement({
  description: "The values of one facet over the results, with counts.",
  fields: (t) => ({
    field: t.field({ type: FacetFieldEnum, description: "Which facet.", resolve: (f) => f.field }),
    values: t.field({
      type: [FacetValueRef],
      description:
        "The values with events, most frequent first (all of them for TYPE and ROLE, the first 15 for the others), and every selected value.",
      resolve: (f) => f.values,
    }),
  }),
});

const DateBucketRef = builder.objectRef<DateBucket>("DateBucket").implement({
  description: "One bar of the histogram: the results starting in one day, week, month or year.",
  fields: (t) => ({
    start: t.field({
      type: "Date",
      description: "The bucket's first day (a Monday for weeks, the 1st for months, 1 January for years).",
      resolve: (b) => b.start,
    }),
    count: t.exposeInt("count", { description: "How many results start in the bucket." }),
  }),
});

const EventSearchEdgeRef = builder.objectRef<SearchEdge>("EventSearchEdge").implement({
  description: "One result of `searchEvents`: the event, its cursor and the matching snippets.",
  fields: (t) => ({
    cursor: t.exposeString("cursor", {
      description:
        "Pass it as `after` (or `before`) to `searchEvents` with the same query, filter and sort for the results after (or before) this one.",
    }),
    node: t.field({ type: EventRef, description: "The event.", resolve: (e) => e.node as never }),
    highlights: t.stringList({
      description: "HTML-safe snippets of the title, names, places and summary, matches in <mark>…</mark>.",
      resolve: (e) => e.highlights,
    }),
  }),
});

export const EventSearchResultRef = builder.objectRef<EventSearch>("EventSearchResult").implement({
  description:
    "A page of `searchEvents` results, with the facet counts, histogram, places and fatalities of every result.",
  fields: (t) => ({
    totalCount: t.exposeInt("totalCount", { description: "How many events match, over every page." }),
    edges: t.field({
      type: [EventSearchEdgeRef],
      description: "This page of results, in the order asked (`sort`); none with `first: 0` or `last: 0`.",
      resolve: async (s) => (await s.page()).edges,
    }),
    pageInfo: t.field({
      type: builder.pageInfoRef(),
      description:
        "Whether there are more results either way, and the cursors to reach them: `endCursor` as `after` for the next page, `startCursor` as `before` for the previous one.",
      resolve: async (s) => (await s.page()).pageInfo,
    }),
    facets: t.field({
      type: [FacetRef],
      description: "Every facet, each counted with every filter but its own (disjunctive faceting).",
      resolve: (s) => s.facets(),
    }),
    suggestions: t.stringList({
      description: `For each word of the query that matches little or nothing (fewer than ${FEW_MATCHES} events), the corpus's nearest word, one or two edits away and in many more events, lower-case and without accents: "ceasfire" gives "ceasefire", "Istambul" "istanbul". Empty when every word matches enough. At most 5.`,
      resolve: (s) => s.suggestions(),
    }),
    histogram: t.field({
      type: [DateBucketRef],
      description:
        "The results by start date, counted with every filter but the date range (from/to) so that a chosen range keeps its context; from the first to the last non-empty bucket.",
      args: { interval: t.arg({ type: DateIntervalEnum, required: true, description: "The width of a bucket." }) },
      resolve: (s, args) => s.histogram(args.interval),
    }),
  }),
});

export const ActorMatchRef = builder.objectRef<ActorMatch>("ActorMatch").implement({
  description: "An actor found by `searchActors`, with the name that matched and how well.",
  fields: (t) => ({
    actor: t.field({ type: ActorRef, description: "The actor.", resolve: (m) => m.actor as never }),
    matchedName: t.exposeString("matchedName", { description: "The name or alias that matched." }),
    score: t.exposeFloat("score", { description: "From 0 to 1; 1 is an exact match of a name." }),
  }),
});
