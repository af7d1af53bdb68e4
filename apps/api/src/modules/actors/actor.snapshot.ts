import type { Tx } from "@parley/db";
import { type AliasInput, nameKeys } from "@parley/schema";

export function loadActor(tx: Tx, id: number) {
  return tx.actor.findUnique({
    where: { id },
    include: {
      aliases: { orderBy: { id: "asc" } },
      affiliations: { include: { organisation: { select: { key: true } } } },
    },
  });
}
export type ActorRow = NonNullable<Awaited<ReturnType<typeof loadActor>>>;

export function aliasRow(actorId: number, alias: AliasInput) {
  return { actorId, name: alias.name, kind: alias.kind, ...nameKeys(alias.name) };
}
