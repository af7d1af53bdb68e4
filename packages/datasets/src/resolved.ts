/** A map's value for a key the batch resolved before: a missing one is a bug of the batch writer. */
export function resolved<K, V>(map: Map<K, V>, key: K): V {
  const value = map.get(key);
  if (value === undefined) throw new Error(`internal: ${String(key)} was not resolved`);
  return value;
}
