import { GraphQLError } from "graphql";
import { PAGE_SIZE } from "@parley/schema";

/** Refuses an over-large or negative page size with a message that says the bound. */
export function checkPageSize(args: { first?: number | null; last?: number | null }): void {
  for (const name of ["first", "last"] as const) {
    const value = args[name];
    if (value === null || value === undefined) continue;
    if (value < 0 || value > PAGE_SIZE.max) {
      throw new GraphQLError(`\`${name}\` must be between 0 and ${PAGE_SIZE.max}; got ${value}`, { extensions: { code: "BAD_USER_INPUT", argument: name } });
    }
  }
}

/**
 * What a connection's selection counts towards the complexity limit: its page size times what one
 * node costs (`edges` already multiplies by 10, so the connection adds the rest), so a page of 100
 * inside a page of 100 is counted as the 10,000 rows it may read.
 */
function pageComplexity(args: { first?: number | null; last?: number | null }) {
  const size = Math.min(Math.max(args.first ?? args.last ?? PAGE_SIZE.default, 1), PAGE_SIZE.max);
  return { field: 1, multiplier: Math.ceil(size / 10) };
}

export const connectionSizes = { defaultSize: PAGE_SIZE.default, maxSize: PAGE_SIZE.max, complexity: pageComplexity } as const;
