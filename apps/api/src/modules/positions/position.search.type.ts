import { defined } from "@parley/schema";
import type { FacetValue, PositionSearch } from "@parley/search";
import { builder } from "../../builder.ts";
import { FacetValueRef } from "../search/search.type.ts";
import { PositionFacetFieldEnum, PositionIssueEnum, PositionKindEnum } from "../shared/enums.ts";
import "./position.type.ts";

export const PositionFilterInput = builder.inputType("PositionFilter", {
  description: "Values within one field are OR; fields are AND with each other and with the text query.",
  fields: (t) => ({
    actorIds: t.idList({
      required: false,
      description: "Positions held by any of these actors (global IDs, at most 50).",
    }),
    kinds: t.field({
      type: [PositionKindEnum],
      required: false,
      description: "Positions of any of these kinds (at most 50 values).",
    }),
    issues: t.field({
      type: [PositionIssueEnum],
      required: false,
      description: "Positions on any of these issues (at most 50 values).",
    }),
    processIds: t.idList({
      required: false,
      description: "Positions in any of these processes (global IDs, at most 50).",
    }),
    from: t.field({
      type: "Date",
      required: false,
      description: "Positions held on or after this day (ending on or after it).",
    }),
    to: t.field({ type: "Date", required: false, description: "Positions stated on or before this day." }),
  }),
});

const PositionFacetRef = builder.objectRef<PositionSearch["facets"][number]>("PositionFacet").implement({
  description: "The values of one facet over the positions found, with counts.",
  fields: (t) => ({
    field: t.field({ type: PositionFacetFieldEnum, description: "Which facet.", resolve: (f) => f.field }),
    values: t.field({
      type: [FacetValueRef],
      description: "Every value with positions, most frequent first, and every selected value.",
      resolve: (f) => f.values as unknown as FacetValue[],
    }),
  }),
});

// Prisma batches the page's findUnique calls of one tick into one statement per nested selection.
const PositionSearchEdgeRef = builder.objectRef<{ cursor: string; id: number }>("PositionSearchEdge").implement({
  description: "One result of `searchPositions`: the position and its cursor.",
  fields: (t) => ({
    cursor: t.exposeString("cursor", {
      description: "Pass it as `after` to the same search for the results after this one.",
    }),
    node: t.prismaField({
      type: "Position",
      description: "The position.",
      resolve: (query, e, _args, ctx) => ctx.db.position.findUniqueOrThrow({ ...query, where: { id: e.id } }),
    }),
  }),
});

export const PositionSearchResultRef = builder.objectRef<PositionSearch>("PositionSearchResult").implement({
  description: "A page of `searchPositions` results, newest first, with the facet counts of every result.",
  fields: (t) => ({
    totalCount: t.exposeInt("totalCount", { description: "How many positions match, over every page." }),
    edges: t.field({
      type: [PositionSearchEdgeRef],
      description: "This page of results, newest first.",
      resolve: (s) => s.ids.map((id, i) => ({ cursor: defined(s.cursors[i]), id })),
    }),
    pageInfo: t.field({
      type: builder.pageInfoRef(),
      description: "Whether there are more results, and the cursor to reach them (forward only: `after`).",
      resolve: (s) => s.pageInfo,
    }),
    facets: t.field({
      type: [PositionFacetRef],
      description: "Every facet, each counted with every filter but its own.",
      resolve: (s) => s.facets,
    }),
  }),
});
