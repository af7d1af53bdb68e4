import type { SearchEngine } from "@parley/search";
import type { Context } from "../../context.ts";
import { databaseUnavailable } from "../shared/availability.ts";

/**
 * What a call into the search engine counts towards the complexity limit (`LIMITS` in http/cost.ts):
 * a search runs SQL and counts facets, so a request may hold at most 20 `searchEvents` (aliased or
 * not); a name lookup or an actor's companions cost a tenth of that.
 */
export const SEARCH_COST = { events: 5_000, actors: 500 } as const;

/** The server's search engine (the index every search and count reads). */
export function engine(ctx: Context): SearchEngine {
  if (!ctx.search) throw new Error("No search engine is attached to this server (createServer({ search }))");
  // The index follows the replica, which has not replayed this client's own write yet (replica.ts).
  if (ctx.replicaBehind) throw databaseUnavailable();
  return ctx.search;
}
