import { PLACE_COUNTS } from "@parley/schema";
import type { FatalityTotals, PlaceRow } from "@parley/search";
import { builder } from "../../builder.ts";
import { PlaceRef } from "../events/place.type.ts";
import { checkPageSize } from "../shared/paging.ts";
import { EventSearchResultRef } from "./search.type.ts";

const PlaceCountRef = builder.objectRef<{ place: PlaceRow; count: number }>("PlaceCount").implement({
  description: "A place of the results and how many of them are there.",
  fields: (t) => ({
    place: t.field({
      type: PlaceRef,
      nullable: false,
      description: "The place; it has coordinates.",
      resolve: (p) => p.place,
    }),
    count: t.exposeInt("count", {
      description: "How many of the results are at this place (an event at several places counts at each).",
    }),
  }),
});

const FatalityTotalsRef = builder.objectRef<FatalityTotals>("FatalityTotals").implement({
  description:
    "Reported deaths summed over every result. Each estimate is summed over the results that give it; an event without figures adds nothing, so `events` says how many results the sums rest on.",
  fields: (t) => ({
    low: t.exposeInt("low", {
      nullable: true,
      description: "The sum of the low estimates; null when no result has one.",
    }),
    best: t.exposeInt("best", {
      nullable: true,
      description: "The sum of the best estimates; null when no result has one.",
    }),
    high: t.exposeInt("high", {
      nullable: true,
      description: "The sum of the high estimates; null when no result has one.",
    }),
    events: t.exposeInt("events", { description: "How many results have at least one known figure." }),
  }),
});

builder.objectFields(EventSearchResultRef, (t) => ({
  places: t.field({
    type: [PlaceCountRef],
    description: `Every place of every result (not only this page's) that has coordinates, with how many results are there, the most first (ties by place): for a map of the whole search. At most \`first\`.`,
    args: {
      first: t.arg.int({
        required: false,
        defaultValue: PLACE_COUNTS.default,
        description: `How many places, from 0 to ${PLACE_COUNTS.max}.`,
      }),
    },
    resolve: (search, args) => {
      const first = args.first ?? PLACE_COUNTS.default;
      checkPageSize({ first }, PLACE_COUNTS.max);
      return search.placesWithRows(first);
    },
  }),
  fatalities: t.field({
    type: FatalityTotalsRef,
    description: "Reported deaths summed over every result (not only this page's).",
    resolve: (search) => search.fatalities(),
  }),
}));
