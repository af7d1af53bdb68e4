import { decodeGlobalID } from "@pothos/plugin-relay";

/** The database ID behind a global ID of the given type, or null when it is not one. */
export function databaseId(globalId: string, typename: string): number | null {
  try {
    const { typename: actual, id } = decodeGlobalID(globalId);
    if (actual !== typename || !/^\d+$/.test(id)) return null;
    const n = Number(id);
    return Number.isSafeInteger(n) && n <= 2_147_483_647 ? n : null;
  } catch {
    return null;
  }
}
