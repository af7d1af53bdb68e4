export { SearchEngine, createSearchEngine, type SearchEngineOptions } from "./engine.ts";
export type { EventQuery, EventSearch, SearchEdge, SearchPage, Facet, FacetValue } from "./event-search.ts";
export type { DateBucket } from "./histogram.ts";
export type { EventRow } from "./text.ts";
export type { ActorMatch, ActorQuery, ActorRow } from "./actors.ts";
export { CursorError, encodeCursor, decodeCursor } from "./cursor.ts";
export { dayFromIso, isoFromDay } from "./days.ts";
export { FACET_VALUE_LIMIT } from "./facets.ts";
export { invalidateIndexes, pruneChanges, READ_CHANGES } from "./change-log.ts";
