import { normalizeName, transliterationKey, type AliasInput, nameKeys } from "@parley/schema";
import type { Snapshot, Tx } from "@parley/db";

export function loadActor(tx: Tx, id: number) {
  return tx.actor.findUnique({ where: { id }, include: { aliases: { orderBy: { id: "asc" } } } });
}
export type ActorRow = NonNullable<Awaited<ReturnType<typeof loadActor>>>;

/** An actor as the revision history records it, in the same shape as the data-file loader. */
export function actorSnapshot(a: ActorRow): Snapshot {
  return {
    name: a.name,
    kind: a.kind,
    description: a.description,
    country: a.country,
    externalIds: a.externalIds ?? {},
    aliases: a.aliases.map((x) => `${x.kind}:${x.name}`).sort(),
  };
}

export function aliasRow(actorId: number, alias: AliasInput) {
  return { actorId, name: alias.name, kind: alias.kind, ...nameKeys(alias.name) };
}
