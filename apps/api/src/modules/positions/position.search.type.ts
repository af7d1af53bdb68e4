import type { FacetValue } from "@parley/search";
import { builder } from "../../builder.ts";
import { FacetValueRef } from "../search/search.type.ts";
import { PositionFacetFieldEnum, PositionIssueEnum, PositionKindEnum } from "../shared/enums.ts";
import type { PositionSearch } from "./position.search.ts";
import "./position.type.ts";

export const PositionFilterInput = builder.inputType("PositionFilter", {
  description: "Values within one field are OR; fields are AND with each other and with the text query.",
  fields: (t) => ({
    actorIds: t.idList({ required: false, description: "Positions held by any of these actors." }),
    kinds: t.field({ type: [PositionKindEnum], required: false }),
    issues: t.field({ type: [PositionIssueEnum], required: false }),
    processIds: t.idList({ required: false }),
    from: t.field({ type: "Date", required: false, description: "Positions held on or after this day (ending on or after it)." }),
    to: t.field({ type: "Date", required: false, description: "Positions stated on or before this day." }),
  }),
});


const PositionFacetRef = builder.objectRef<PositionSearch["facets"][number]>("PositionFacet").implement({
  fields: (t) => ({
    field: t.field({ type: PositionFacetFieldEnum, resolve: (f) => f.field }),
    values: t.field({
      type: [FacetValueRef],
      description: "Every value with positions, most frequent first, and every selected value.",
      resolve: (f) => f.values as unknown as FacetValue[],
    }),
  }),
});

// Prisma batches the page's findUnique calls of one tick into one statement per nested selection.
const PositionSearchEdgeRef = builder.objectRef<{ cursor: string; id: number }>("PositionSearchEdge").implement({
  fields: (t) => ({
    cursor: t.exposeString("cursor"),
    node: t.prismaField({ type: "Position", resolve: (query, e, _args, ctx) => ctx.db.position.findUniqueOrThrow({ ...query, where: { id: e.id } }) }),
  }),
});

export const PositionSearchResultRef = builder.objectRef<PositionSearch>("PositionSearchResult").implement({
  fields: (t) => ({
    totalCount: t.exposeInt("totalCount"),
    edges: t.field({
      type: [PositionSearchEdgeRef],
      resolve: (s) => s.ids.map((id, i) => ({ cursor: s.cursors[i]!, id })),
    }),
    pageInfo: t.field({ type: builder.pageInfoRef(), resolve: (s) => s.pageInfo }),
    facets: t.field({ type: [PositionFacetRef], resolve: (s) => s.facets }),
  }),
});
