import { decodeGlobalId } from "@parley/schema";

/** The database ID behind a global ID of the given type, or null when it is not one. */
export function databaseId(globalId: string, typename: string): number | null {
  return decodeGlobalId(globalId, typename);
}
