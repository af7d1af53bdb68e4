import type { Tx } from "@parley/db";
import {
  ACCEPT_TIMEOUT_MS,
  acceptCandidate,
  CandidateError,
  rejectCandidate,
  updateCandidate,
} from "@parley/ingest/review";
import { acceptCandidateInput, mergeCandidateInput, rejectCandidateInput, updateCandidateInput } from "@parley/schema";
import { builder } from "../../builder.ts";
import type { Viewer } from "../../context.ts";
import { authorize } from "../auth/access.ts";
import { authorOf } from "../auth/viewer.ts";
import { ForbiddenError, NotFoundError, ValidationError } from "../shared/errors.ts";
import { parseInput, targetId } from "../shared/input.ts";
import { resultUnion } from "../shared/mutation.ts";
import { type Call, writeAndRead } from "../shared/write.ts";
import {
  AcceptCandidateInputRef,
  changedKind,
  MergeCandidateInputRef,
  payloadPatch,
  RejectCandidateInputRef,
  UpdateCandidateInputRef,
} from "./candidate.inputs.ts";
import { CandidateRef } from "./candidate.type.ts";
import { mergeActorCandidate } from "./merge.service.ts";

/** A review can meet these, and never a ConflictError: a candidate has no version to compare. */
const ERRORS = [ValidationError, NotFoundError, ForbiddenError];

const FIELD = { EVENT: "event", ACTOR: "actor", CITATION: "citation" } as const;

/**
 * Runs a review for an editor (authorised before the input is read): the candidate must exist, and changes must be of its kind. The
 * review layer's problems name payload fields (`payload.date`); here they name the input's
 * (`input.event.date`), and a candidate no longer pending is a problem of `input.id`.
 */
async function review(
  call: Call,
  viewer: Viewer,
  input: { id: string; event?: unknown; actor?: unknown; citation?: unknown },
  work: (tx: Tx, id: number, reviewer: string) => Promise<unknown>,
  timeout?: number,
) {
  const { ctx } = call;
  const id = targetId(input.id, "Candidate");
  const candidate = await ctx.db.candidate.findUnique({ where: { id }, select: { kind: true } });
  if (!candidate) throw new NotFoundError("Candidate", input.id);
  const given = changedKind(input as never);
  if (given && given !== candidate.kind) {
    throw new ValidationError([
      {
        field: `input.${FIELD[given]}`,
        message: `is for ${given} candidates; this candidate's kind is ${candidate.kind}: give its changes as \`${FIELD[candidate.kind]}\``,
      },
    ]);
  }
  try {
    const reviewer = authorOf(viewer);
    return await writeAndRead(
      call,
      async (tx) => void (await work(tx, id, reviewer)),
      (tx) => tx.candidate.findUniqueOrThrow({ where: { id } }),
      { timeout },
    );
  } catch (error) {
    if (!(error instanceof CandidateError)) throw error;
    if (error.code === "NOT_FOUND") throw new NotFoundError("Candidate", input.id);
    const field = (name: string) =>
      name === "candidate" ? "input.id" : name.replace(/^payload/, `input.${FIELD[candidate.kind]}`);
    throw new ValidationError(error.problems.map((p) => ({ field: field(p.field), message: p.message })));
  }
}

builder.mutationFields((t) => ({
  acceptCandidate: t.field({
    type: CandidateRef,
    description:
      "Turns a pending candidate into the record it proposes (editor): an event (with its place, participants and a claim quoting the report), an actor, or a citation. Last changes may come with it.",
    errors: resultUnion(
      "acceptCandidate",
      "candidate",
      "The candidate, now ACCEPTED, with `recordId` naming what it became.",
      ERRORS,
    ),
    args: {
      input: t.arg({
        type: AcceptCandidateInputRef,
        required: true,
        description: "The candidate, and any last changes to it.",
      }),
    },
    resolve: async (_root, args, ctx, info) => {
      const viewer = authorize(ctx, "EDITOR", "Reviewing candidates");
      const input = parseInput(acceptCandidateInput, args.input);
      const patch = await payloadPatch(ctx.db, input);
      return review(
        { ctx, info, args },
        viewer,
        input,
        (tx, id, reviewer) => acceptCandidate(tx, id, reviewer, patch),
        ACCEPT_TIMEOUT_MS,
      );
    },
  }),
  rejectCandidate: t.field({
    type: CandidateRef,
    description: "Rejects a pending candidate (editor): nothing is created.",
    errors: resultUnion("rejectCandidate", "candidate", "The candidate, now REJECTED.", ERRORS),
    args: { input: t.arg({ type: RejectCandidateInputRef, required: true, description: "The candidate to reject." }) },
    resolve: (_root, args, ctx, info) => {
      const viewer = authorize(ctx, "EDITOR", "Reviewing candidates");
      const input = parseInput(rejectCandidateInput, args.input);
      return review({ ctx, info, args }, viewer, input, (tx, id, reviewer) => rejectCandidate(tx, id, reviewer));
    },
  }),
  updateCandidate: t.field({
    type: CandidateRef,
    description:
      "Changes a pending candidate's payload (editor): the fields given replace the payload's, and the whole payload is validated again.",
    errors: resultUnion(
      "updateCandidate",
      "candidate",
      "The candidate with its changed payload, still PENDING.",
      ERRORS,
    ),
    args: {
      input: t.arg({
        type: UpdateCandidateInputRef,
        required: true,
        description: "The candidate and its changes, as exactly one of `event`, `actor` and `citation`.",
      }),
    },
    resolve: async (_root, args, ctx, info) => {
      const viewer = authorize(ctx, "EDITOR", "Reviewing candidates");
      const input = parseInput(updateCandidateInput, args.input);
      const patch = await payloadPatch(ctx.db, input);
      return review({ ctx, info, args }, viewer, input, (tx, id, reviewer) => updateCandidate(tx, id, patch, reviewer));
    },
  }),
  mergeCandidate: t.field({
    type: CandidateRef,
    description:
      "Accepts a pending actor candidate as an actor Parley already knows (editor): the candidate's name becomes one of that actor's aliases (unless it is one already) and no actor is created. Event candidates naming it then find that actor when accepted.",
    errors: resultUnion(
      "mergeCandidate",
      "candidate",
      "The candidate, now ACCEPTED, with `recordId` naming the actor it was merged into.",
      ERRORS,
    ),
    args: {
      input: t.arg({
        type: MergeCandidateInputRef,
        required: true,
        description: "The actor candidate and the known actor it names.",
      }),
    },
    resolve: (_root, args, ctx, info) => {
      const viewer = authorize(ctx, "EDITOR", "Reviewing candidates");
      const input = parseInput(mergeCandidateInput, args.input);
      return review({ ctx, info, args }, viewer, input, (tx, id, reviewer) =>
        mergeActorCandidate(tx, id, input.actorId, input.aliasKind ?? "INFORMAL_NAME", reviewer),
      );
    },
  }),
}));
