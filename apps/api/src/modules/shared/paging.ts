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

export const connectionSizes = { defaultSize: PAGE_SIZE.default, maxSize: PAGE_SIZE.max } as const;
