import type { EventSort } from "@parley/schema";

/** Where a page ended, in the order it was sorted by: [order, rank?, day, id]. */
export type Cursor =
  | { order: "RELEVANCE"; rank: number; day: number; id: number }
  | { order: "DATE_DESC" | "DATE_ASC"; day: number; id: number };

/** A cursor that is not one of this search's; `argument` names where it was given (`after`, `before`). */
export class CursorError extends Error {
  constructor(
    message: string,
    readonly argument = "after",
  ) {
    super(message);
  }
}

export function encodeCursor(cursor: Cursor): string {
  const values =
    cursor.order === "RELEVANCE"
      ? [cursor.order, cursor.rank, cursor.day, cursor.id]
      : [cursor.order, cursor.day, cursor.id];
  return Buffer.from(JSON.stringify(values)).toString("base64url");
}

/** The cursor in `text`, given as `argument` (`after` or `before`) to a search sorted by `order`. */
export function decodeCursor(text: string, order: EventSort, argument = "after"): Cursor {
  const refuse = (why = "is not a cursor returned by this search") =>
    new CursorError(`\`${argument}\` ${why}`, argument);
  let values: unknown;
  try {
    values = JSON.parse(Buffer.from(text, "base64url").toString("utf8"));
  } catch {
    throw refuse();
  }
  if (!Array.isArray(values) || !values.slice(1).every((v) => typeof v === "number" && Number.isFinite(v)))
    throw refuse();
  if (values[0] !== order)
    throw refuse(`is a cursor of another sort order (${String(values[0])}); start again without it`);
  if (order === "RELEVANCE" && values.length === 4) return { order, rank: values[1], day: values[2], id: values[3] };
  if (order !== "RELEVANCE" && values.length === 3) return { order, day: values[1], id: values[2] };
  throw refuse();
}
