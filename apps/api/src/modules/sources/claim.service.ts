import { claimSnapshot, diffSnapshots, recordRevision, type Tx } from "@parley/db";
import type { CreateClaimInput, UpdateClaimInput } from "@parley/schema";
import { defined } from "@parley/schema";
import { optionalRef, resolveRefs } from "../shared/references.ts";
import { bumpVersion, recordUpdate } from "../shared/versioning.ts";

type ClaimPatch = Omit<UpdateClaimInput, "id" | "version">;

function references(tx: Tx, input: ClaimPatch) {
  return resolveRefs(tx, {
    sourceId: optionalRef("Source", input.sourceId),
    eventId: optionalRef("Event", input.eventId),
    actorId: optionalRef("Actor", input.actorId),
    positionId: optionalRef("Position", input.positionId),
    speakerId: optionalRef("Actor", input.speakerId),
  });
}

/** Naming a new target clears the other one; naming a speaker one way clears the other way. */
function data(input: ClaimPatch, refs: Awaited<ReturnType<typeof references>>) {
  return {
    quote: input.quote,
    stance: input.stance,
    note: input.note,
    speakerLabel: input.speakerLabel,
    ...(refs.sourceId == null ? {} : { sourceId: refs.sourceId }),
    ...(refs.eventId ? { eventId: refs.eventId, actorId: null, positionId: null } : {}),
    ...(refs.actorId ? { actorId: refs.actorId, eventId: null, positionId: null } : {}),
    ...(refs.positionId ? { positionId: refs.positionId, eventId: null, actorId: null } : {}),
    ...(refs.speakerId === undefined ? {} : { speakerId: refs.speakerId }),
    ...(refs.speakerId ? { speakerLabel: null } : {}),
    ...(input.speakerLabel ? { speakerId: null } : {}),
  };
}

export async function createClaim(tx: Tx, author: string, input: CreateClaimInput): Promise<number> {
  const refs = await references(tx, input);
  const claim = await tx.claim.create({
    data: { ...data(input, refs), quote: input.quote, sourceId: defined(refs.sourceId) },
  });
  await recordRevision(tx, {
    entityType: "Claim",
    entityId: claim.id,
    action: "CREATE",
    author,
    version: 1,
    changes: claimSnapshot(claim),
  });
  return claim.id;
}

export async function updateClaim(
  tx: Tx,
  author: string,
  id: number,
  globalId: string,
  input: UpdateClaimInput,
): Promise<void> {
  const version = await bumpVersion(tx, "Claim", id, input.version, globalId);
  const before = await tx.claim.findUniqueOrThrow({ where: { id } });
  const { id: _id, version: _version, ...patch } = input;
  const after = await tx.claim.update({ where: { id }, data: data(patch, await references(tx, patch)) });
  await recordUpdate(tx, {
    entityType: "Claim",
    entityId: id,
    author,
    version,
    changes: diffSnapshots(claimSnapshot(before), claimSnapshot(after)),
  });
}

export async function deleteClaim(
  tx: Tx,
  author: string,
  id: number,
  globalId: string,
  version: number,
): Promise<void> {
  await bumpVersion(tx, "Claim", id, version, globalId);
  const claim = await tx.claim.delete({ where: { id } });
  await recordRevision(tx, {
    entityType: "Claim",
    entityId: id,
    action: "DELETE",
    author,
    version,
    changes: claimSnapshot(claim),
  });
}
