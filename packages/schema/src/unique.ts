/** The first item of each key, in order. */
export function uniqueBy<T>(items: Iterable<T>, keyOf: (item: T) => unknown): T[] {
  const byKey = new Map<unknown, T>();
  for (const item of items) {
    const key = keyOf(item);
    if (!byKey.has(key)) byKey.set(key, item);
  }
  return [...byKey.values()];
}
