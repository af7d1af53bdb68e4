import type { Tx } from "@parley/db";

/**
 * One statement (the children as JSON): an event has a handful of each. Loaded one statement per
 * relation, the three would go out at once on the transaction's single connection, which pg
 * deprecates and pg@9 refuses.
 */
export function loadEvent(tx: Tx, id: number) {
  return tx.event.findUnique({
    where: { id },
    include: { places: true, participants: true, linksOut: true },
    relationLoadStrategy: "join",
  });
}
