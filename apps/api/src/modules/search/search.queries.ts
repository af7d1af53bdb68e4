import { ACTOR_MATCHES, PAGE_SIZE, QUERY_MAX_LENGTH } from "@parley/schema";
import { CursorError } from "@parley/search";
import { type GraphQLResolveInfo, Kind } from "graphql";
import { builder } from "../../builder.ts";
import { ActorKindEnum, EventSortEnum } from "../shared/enums.ts";
import { engine, SEARCH_COST } from "./engine.ts";
import { EventFilterInput } from "./search.filter.ts";
import { actorQueryFrom, badInput, eventQueryFrom } from "./search.input.ts";
import { ActorMatchRef, EventSearchResultRef } from "./search.type.ts";

builder.queryFields((t) => ({
  searchEvents: t.field({
    type: EventSearchResultRef,
    description: `Events by text and facets, with disjunctive facet counts, a date histogram, the places and the fatalities of every result; ${PAGE_SIZE.default} at a time by default and at most ${PAGE_SIZE.max}, forward (\`first\`, \`after\`) or backward (\`last\`, \`before\`).`,
    complexity: SEARCH_COST.events,
    args: {
      query: t.arg.string({
        required: false,
        description: `Words in titles, summaries, place names, the places' country names and their usual variants ("Turkey", "Türkiye"), and participants' names and aliases, at most ${QUERY_MAX_LENGTH} characters. "Quoted phrases", OR and -exclusion work as in a web search; every event when left out.`,
      }),
      filter: t.arg({
        type: EventFilterInput,
        required: false,
        description: "Facet and date filters; every event when left out.",
      }),
      first: t.arg.int({
        required: false,
        description: `How many results after \`after\` (or from the first), from 0 to ${PAGE_SIZE.max}; ${PAGE_SIZE.default} when neither \`first\` nor \`last\` is given. 0 answers the counts, facets, histogram, places and fatalities without a page.`,
      }),
      after: t.arg.string({
        required: false,
        description:
          "The `endCursor` of the previous page of this same search (query, filter and sort); another search's cursor is BAD_USER_INPUT.",
      }),
      last: t.arg.int({
        required: false,
        description: `Pages backward: how many results before \`before\` (or the last ones), from 0 to ${PAGE_SIZE.max}, in the same order as forward. Not with \`first\` or \`after\`.`,
      }),
      before: t.arg.string({
        required: false,
        description:
          "The `startCursor` of the next page of this same search: the results before it. Not with `first` or `after`.",
      }),
      sort: t.arg({
        type: EventSortEnum,
        required: false,
        defaultValue: "RELEVANCE",
        description: "The order of the results.",
      }),
    },
    resolve: async (_root, args, ctx, info) => {
      const input = eventQueryFrom(args);
      try {
        const search = await engine(ctx).searchEvents(input);
        // Asked for the page and the facets: their rows and labels come in one round trip.
        const asked = selectedFields(info);
        if ((asked.has("edges") || asked.has("pageInfo")) && asked.has("facets")) search.prefetch();
        return search;
      } catch (error) {
        if (error instanceof CursorError) throw badInput(error.argument, error.message);
        throw error;
      }
    },
  }),
  searchActors: t.field({
    type: [ActorMatchRef],
    description: "Actors by any of their names, tolerant of transliteration variants; best match first.",
    complexity: SEARCH_COST.actors,
    args: {
      query: t.arg.string({
        required: true,
        description: `A name or part of one, in any common spelling, at most ${QUERY_MAX_LENGTH} characters; not empty.`,
      }),
      kinds: t.arg({
        type: [ActorKindEnum],
        required: false,
        description: "Only actors of any of these kinds (at most 20 values).",
      }),
      first: t.arg.int({
        required: false,
        defaultValue: ACTOR_MATCHES.default,
        description: `How many matches, from 1 to ${ACTOR_MATCHES.max}.`,
      }),
    },
    resolve: (_root, args, ctx) => engine(ctx).searchActors(actorQueryFrom(args)),
  }),
}));

/** The fields asked of the result directly (not through fragments, which are not looked into). */
function selectedFields(info: GraphQLResolveInfo): Set<string> {
  const names = new Set<string>();
  for (const node of info.fieldNodes) {
    for (const selection of node.selectionSet?.selections ?? [])
      if (selection.kind === Kind.FIELD) names.add(selection.name.value);
  }
  return names;
}
