import { type AliasInput, nameKeys } from "@parley/schema";
import { actorFromDb, type Snapshot, type Tx } from "@parley/db";

export function loadActor(tx: Tx, id: number) {
  return tx.actor.findUnique({
    where: { id },
    include: { aliases: { orderBy: { id: "asc" } }, affiliations: { include: { organisation: { select: { key: true } } } } },
  });
}
export type ActorRow = NonNullable<Awaited<ReturnType<typeof loadActor>>>;

/** An actor as the revision history records it: the very snapshot the data-file loader records. */
export const actorSnapshot = (a: ActorRow): Snapshot => actorFromDb(a);

export function aliasRow(actorId: number, alias: AliasInput) {
  return { actorId, name: alias.name, kind: alias.kind, ...nameKeys(alias.name) };
}
