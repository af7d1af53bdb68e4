import { PAGE_SIZE } from "@parley/schema";

/**
 * The descriptions of what the Relay plugin makes for every connection and node (PageInfo, edges,
 * cursors, the paging arguments, `id`): written once, for the builder's `relay` options.
 */
export const RELAY_DESCRIPTIONS = {
  nodeTypeOptions: {
    description:
      "A record with a global ID: events, actors, sources, claims, places, processes, positions, aliases, candidates. Fetch any of them again with `node(id:)`.",
  },
  idFieldOptions: {
    description:
      "The record's global ID: opaque, stable and unique across every type. Pass it to `node(id:)` or to the type's own query.",
  },
  pageInfoTypeOptions: { description: "Where a page sits in its connection, and the cursors to page on from it." },
  hasNextPageFieldOptions: {
    description: "True when there are more items after this page (for `first`/`after`; with `before`, always true).",
  },
  hasPreviousPageFieldOptions: {
    description: "True when there are items before this page (for `last`/`before`; with `after`, always true).",
  },
  startCursorFieldOptions: {
    description: "The first item's cursor: pass it as `before` for the page before this one. Null for an empty page.",
  },
  endCursorFieldOptions: {
    description: "The last item's cursor: pass it as `after` for the page after this one. Null for an empty page.",
  },
  defaultEdgeTypeOptions: { description: "One item of a page: the item (`node`) and its cursor." },
  cursorFieldOptions: {
    description:
      "This item's place in the connection, to page on from with `after` or `before`. Opaque: it works only on the connection that gave it.",
  },
  nodeFieldOptions: { description: "The item." },
  edgesFieldOptions: { description: "The items of this page, in the connection's order." },
  pageInfoFieldOptions: { description: "Whether there are more pages either side, and the cursors to reach them." },
  firstArgOptions: {
    description: `Page forward: this many items from the start (or after \`after\`), from 0 to ${PAGE_SIZE.max}. ${PAGE_SIZE.default} when neither \`first\` nor \`last\` is given; not with \`last\`.`,
  },
  lastArgOptions: {
    description: `Page backward: this many items from the end (or before \`before\`), from 0 to ${PAGE_SIZE.max}; not with \`first\`.`,
  },
  afterArgOptions: {
    description: "Items after this cursor (an `endCursor` or edge `cursor` of this same connection); with `first`.",
  },
  beforeArgOptions: {
    description: "Items before this cursor (a `startCursor` or edge `cursor` of this same connection); with `last`.",
  },
} as const;
