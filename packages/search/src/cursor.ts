import type { EventSort } from "@parley/schema";

/** Where a page ended, in the order it was sorted by: [order, rank?, day, id]. */
export type Cursor = { order: "RELEVANCE"; rank: number; day: number; id: number } | { order: "DATE_DESC" | "DATE_ASC"; day: number; id: number };

export class CursorError extends Error {}

export function encodeCursor(cursor: Cursor): string {
  const values = cursor.order === "RELEVANCE" ? [cursor.order, cursor.rank, cursor.day, cursor.id] : [cursor.order, cursor.day, cursor.id];
  return Buffer.from(JSON.stringify(values)).toString("base64url");
}

export function decodeCursor(text: string, order: EventSort): Cursor {
  let values: unknown;
  try {
    values = JSON.parse(Buffer.from(text, "base64url").toString("utf8"));
  } catch {
    throw new CursorError("`after` is not a cursor returned by this search");
  }
  if (!Array.isArray(values) || !values.slice(1).every((v) => typeof v === "number" && Number.isFinite(v))) {
    throw new CursorError("`after` is not a cursor returned by this search");
  }
  if (values[0] !== order) throw new CursorError(`\`after\` is a cursor of another sort order (${String(values[0])}); start again without it`);
  if (order === "RELEVANCE" && values.length === 4) return { order, rank: values[1], day: values[2], id: values[3] };
  if (order !== "RELEVANCE" && values.length === 3) return { order, day: values[1], id: values[2] };
  throw new CursorError("`after` is not a cursor returned by this search");
}
