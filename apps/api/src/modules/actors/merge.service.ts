import { MergeError, mergeActors, resolveActorId, type Tx } from "@parley/db";
import type { MergeActorsInput } from "@parley/schema";
import { ConflictError, NotFoundError, ValidationError } from "../shared/errors.ts";
import { targetId } from "../shared/input.ts";

/**
 * Folds `mergedId` into `survivorId` (see `mergeActors` in @parley/db): names become aliases,
 * references move over, the merged ID resolves to the survivor for good. Returns the survivor's ID.
 */
export async function mergeActorsFor(tx: Tx, author: string, input: MergeActorsInput): Promise<number> {
  const survivorId = await resolveActorId(tx, targetId(input.survivorId, "Actor", "input.survivorId"));
  if (survivorId === null) throw new NotFoundError("Actor", input.survivorId);
  const mergedId = await resolveActorId(tx, targetId(input.mergedId, "Actor", "input.mergedId"));
  if (mergedId === null) throw new NotFoundError("Actor", input.mergedId);
  try {
    const survivor = await mergeActors(tx, { survivorId, mergedId, author, expectedVersion: input.survivorVersion });
    return survivor.id;
  } catch (error) {
    if (!(error instanceof MergeError)) throw error;
    if (error.reason === "SAME_ACTOR")
      throw new ValidationError([{ field: "input.mergedId", message: "is already part of the survivor" }]);
    if (error.reason === "STALE") {
      const current = await tx.actor.findUnique({ where: { id: survivorId }, select: { version: true } });
      throw new ConflictError(input.survivorId, input.survivorVersion, current?.version ?? 0);
    }
    throw new NotFoundError("Actor", input.mergedId);
  }
}
