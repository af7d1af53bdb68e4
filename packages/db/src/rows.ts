/** The row of a statement that always returns one (a count, an INSERT … RETURNING): none is a bug. */
export function onlyRow<T>(rows: readonly T[]): T {
  const [row] = rows;
  if (row === undefined) throw new Error("internal: the statement returned no row");
  return row;
}
