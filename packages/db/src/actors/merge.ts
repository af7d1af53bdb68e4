import { nameKeys, normalizeName, transliterationKey } from "@parley/schema";
import type { PrismaClient, Tx } from "../client.ts";
import { recordRevision } from "../revisions.ts";

export class MergeError extends Error {
  constructor(
    message: string,
    readonly reason: "NOT_FOUND" | "SAME_ACTOR" | "STALE",
  ) {
    super(message);
    this.name = "MergeError";
  }
}

/** The live actor an ID stands for: itself, or the survivor it was merged into. */
export async function resolveActorId(db: PrismaClient | Tx, id: number): Promise<number | null> {
  const actor = await db.actor.findUnique({ where: { id }, select: { id: true } });
  if (actor) return actor.id;
  const redirect = await db.actorRedirect.findUnique({ where: { fromId: id } });
  return redirect?.toId ?? null;
}

export interface MergeInput {
  survivorId: number;
  mergedId: number;
  author: string;
  /** The survivor's version as the caller read it; a different one refuses the merge. */
  expectedVersion?: number;
}

/**
 * Folds one actor into another: the merged actor's name and aliases become the survivor's aliases,
 * its events, claims, positions, affiliations and sources move over, and its ID resolves to the survivor.
 * Runs in the caller's transaction.
 */
export async function mergeActors(tx: Tx, input: MergeInput) {
  const survivorId = await resolveActorId(tx, input.survivorId);
  const mergedId = await resolveActorId(tx, input.mergedId);
  if (survivorId === null) throw new MergeError(`No actor has the ID ${input.survivorId}`, "NOT_FOUND");
  if (mergedId === null) throw new MergeError(`No actor has the ID ${input.mergedId}`, "NOT_FOUND");
  if (survivorId === mergedId) throw new MergeError("An actor cannot be merged into itself", "SAME_ACTOR");

  const [survivor, merged] = await Promise.all([
    tx.actor.findUniqueOrThrow({ where: { id: survivorId }, include: { aliases: true } }),
    tx.actor.findUniqueOrThrow({ where: { id: mergedId }, include: { aliases: true } }),
  ]);
  if (input.expectedVersion !== undefined && survivor.version !== input.expectedVersion) {
    throw new MergeError(
      `Actor ${survivorId} is at version ${survivor.version}, not ${input.expectedVersion}`,
      "STALE",
    );
  }

  const known = new Set([normalizeName(survivor.name), ...survivor.aliases.map((a) => a.normalized)]);
  const incoming = [
    {
      name: merged.name,
      kind: transliterationKey(merged.name) === transliterationKey(survivor.name) ? "TRANSLITERATION" : "INFORMAL_NAME",
    },
    ...merged.aliases.map((a) => ({ name: a.name, kind: a.kind })),
  ] as const;
  const added: string[] = [];
  for (const alias of incoming) {
    const normalized = normalizeName(alias.name);
    if (known.has(normalized)) continue;
    known.add(normalized);
    added.push(alias.name);
    await tx.actorAlias.create({
      data: { actorId: survivorId, name: alias.name, kind: alias.kind, ...nameKeys(alias.name) },
    });
  }

  // Rows that would collide with the survivor's own (same event and role, same cited outlet) are dropped.
  await tx.$executeRaw`DELETE FROM participant p WHERE p.actor_id = ${mergedId}
    AND EXISTS (SELECT 1 FROM participant q WHERE q.actor_id = ${survivorId} AND q.event_id = p.event_id AND q.role = p.role)`;
  await tx.participant.updateMany({ where: { actorId: mergedId }, data: { actorId: survivorId } });
  await tx.$executeRaw`DELETE FROM source_citation c WHERE c.outlet_id = ${mergedId}
    AND EXISTS (SELECT 1 FROM source_citation d WHERE d.outlet_id = ${survivorId} AND d.source_id = c.source_id)`;
  await tx.sourceCitation.updateMany({ where: { outletId: mergedId }, data: { outletId: survivorId } });
  await tx.source.updateMany({ where: { outletId: mergedId }, data: { outletId: survivorId } });
  await tx.claim.updateMany({ where: { speakerId: mergedId }, data: { speakerId: survivorId } });
  await tx.claim.updateMany({ where: { actorId: mergedId }, data: { actorId: survivorId } });
  await tx.affiliation.updateMany({ where: { actorId: mergedId }, data: { actorId: survivorId } });
  await tx.position.updateMany({ where: { actorId: mergedId }, data: { actorId: survivorId } });
  await tx.affiliation.updateMany({ where: { organisationId: mergedId }, data: { organisationId: survivorId } });
  await tx.actorRedirect.updateMany({ where: { toId: mergedId }, data: { toId: survivorId } });
  await tx.actorRedirect.create({ data: { fromId: mergedId, toId: survivorId } });

  const mergedSnapshot = {
    id: merged.id,
    key: merged.key,
    name: merged.name,
    kind: merged.kind,
    aliases: merged.aliases.map((a) => a.name),
  };
  await tx.actor.delete({ where: { id: mergedId } });
  const updated = await tx.actor.update({
    where: { id: survivorId },
    data: {
      version: { increment: 1 },
      description: survivor.description ?? merged.description,
      country: survivor.country ?? merged.country,
      externalIds: { ...(merged.externalIds as object), ...(survivor.externalIds as object) },
    },
    include: { aliases: true },
  });
  await recordRevision(tx, {
    entityType: "Actor",
    entityId: survivorId,
    action: "MERGE",
    author: input.author,
    version: updated.version,
    changes: { merged: mergedSnapshot, aliasesAdded: added },
  });
  await recordRevision(tx, {
    entityType: "Actor",
    entityId: mergedId,
    action: "MERGE",
    author: input.author,
    version: merged.version,
    changes: { mergedInto: survivorId },
  });
  return updated;
}
