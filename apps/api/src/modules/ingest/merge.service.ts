import { resolveActorId, type Tx } from "@parley/db";
import { CandidateError } from "@parley/ingest/review";
import { type AliasKind, actorCandidatePayload, defined, normalizeName } from "@parley/schema";
import { encodeGlobalID } from "@pothos/plugin-relay";
import { loadActor } from "../actors/actor.snapshot.ts";
import { createAlias } from "../actors/alias.service.ts";
import { NotFoundError } from "../shared/errors.ts";
import { targetId } from "../shared/input.ts";

/**
 * Accepts a pending actor candidate as an actor Parley knows: its name becomes one of the actor's
 * aliases (recorded on the actor like any alias), unless the actor has that name already, and no
 * actor is created. Event candidates that name it find the actor by that alias when accepted.
 */
export async function mergeActorCandidate(
  tx: Tx,
  id: number,
  actorGlobalId: string,
  aliasKind: AliasKind,
  reviewer: string,
): Promise<void> {
  const candidate = await tx.candidate.findUnique({ where: { id } });
  if (!candidate) throw new CandidateError("NOT_FOUND", `No candidate has the ID ${id}`);
  if (candidate.status !== "PENDING")
    throw new CandidateError("INVALID", `Candidate ${id} is already ${candidate.status.toLowerCase()}`);
  if (candidate.kind !== "ACTOR") {
    const hint =
      candidate.kind === "CITATION"
        ? "accept a citation with `citation.outletId` instead"
        : "change its actors with `updateCandidate`";
    throw new CandidateError(
      "INVALID",
      `Only actor candidates merge into an actor; this one is ${candidate.kind}: ${hint}.`,
    );
  }
  const { name } = actorCandidatePayload.parse(candidate.payload);
  const actorId = await resolveActorId(tx, targetId(actorGlobalId, "Actor", "input.actorId"));
  if (actorId === null) throw new NotFoundError("Actor", actorGlobalId);
  const actor = defined(await loadActor(tx, actorId));
  const key = normalizeName(name);
  const known = normalizeName(actor.name) === key || actor.aliases.some((a) => a.normalized === key);
  if (!known) await createAlias(tx, reviewer, { actorId: encodeGlobalID("Actor", actorId), name, kind: aliasKind });
  // Only while still pending: a review that got there first wins, and this one then changes nothing.
  const { count } = await tx.candidate.updateMany({
    where: { id, status: "PENDING" },
    data: { status: "ACCEPTED", reviewer, reviewedAt: new Date(), recordType: "Actor", recordId: actorId },
  });
  if (count === 0) throw new CandidateError("INVALID", `Candidate ${id} was reviewed meanwhile`);
}
