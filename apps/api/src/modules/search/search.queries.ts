import { Kind, type GraphQLResolveInfo } from "graphql";
import { CursorError } from "@parley/search";
import { builder } from "../../builder.ts";
import { ACTOR_MATCHES, PAGE_SIZE, QUERY_MAX_LENGTH } from "@parley/schema";
import { ActorKindEnum, EventSortEnum } from "../shared/enums.ts";
import { actorQueryFrom, badInput, eventQueryFrom } from "./search.input.ts";
import { engine, SEARCH_COST } from "./engine.ts";
import { ActorMatchRef, EventFilterInput, EventSearchResultRef } from "./search.type.ts";

builder.queryFields((t) => ({
  searchEvents: t.field({
    type: EventSearchResultRef,
    description: `Events by text and facets, with disjunctive facet counts and a date histogram, ${PAGE_SIZE.default} at a time by default and at most ${PAGE_SIZE.max}.`,
    complexity: SEARCH_COST.events,
    args: {
      query: t.arg.string({ required: false, description: `Words in titles, summaries, place names and participants' names and aliases, at most ${QUERY_MAX_LENGTH} characters. "Quoted phrases", OR and -exclusion work as in a web search; every event when left out.` }),
      filter: t.arg({ type: EventFilterInput, required: false, description: "Facet and date filters; every event when left out." }),
      first: t.arg.int({ required: false, defaultValue: PAGE_SIZE.default, description: `How many results, from 1 to ${PAGE_SIZE.max}.` }),
      after: t.arg.string({ required: false, description: "The `endCursor` of the previous page of this same search (query, filter and sort); another search's cursor is BAD_USER_INPUT." }),
      sort: t.arg({ type: EventSortEnum, required: false, defaultValue: "RELEVANCE", description: "The order of the results." }),
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
        if (error instanceof CursorError) throw badInput("after", error.message);
        throw error;
      }
    },
  }),
  searchActors: t.field({
    type: [ActorMatchRef],
    description: "Actors by any of their names, tolerant of transliteration variants; best match first.",
    complexity: SEARCH_COST.actors,
    args: {
      query: t.arg.string({ required: true, description: `A name or part of one, in any common spelling, at most ${QUERY_MAX_LENGTH} characters; not empty.` }),
      kinds: t.arg({ type: [ActorKindEnum], required: false, description: "Only actors of any of these kinds (at most 20 values)." }),
      first: t.arg.int({ required: false, defaultValue: ACTOR_MATCHES.default, description: `How many matches, from 1 to ${ACTOR_MATCHES.max}.` }),
    },
    resolve: (_root, args, ctx) => engine(ctx).searchActors(actorQueryFrom(args)),
  }),
}));

/** The fields asked of the result directly (not through fragments, which are not looked into). */
function selectedFields(info: GraphQLResolveInfo): Set<string> {
  const names = new Set<string>();
  for (const node of info.fieldNodes) {
    for (const selection of node.selectionSet?.selections ?? []) if (selection.kind === Kind.FIELD) names.add(selection.name.value);
  }
  return names;
}
