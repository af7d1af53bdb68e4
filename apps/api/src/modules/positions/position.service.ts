import { diffSnapshots, positionSnapshot, recordRevision, type Tx } from "@parley/db";
import { type CreatePositionInput, dateOfDay, dayOf, defined, type UpdatePositionInput } from "@parley/schema";
import { ValidationError } from "../shared/errors.ts";
import { optionalRef, resolveRefs } from "../shared/references.ts";
import { bumpVersion, recordUpdate } from "../shared/versioning.ts";
import { deleteClaimsOf } from "../sources/source.snapshot.ts";
import type { PositionRow } from "./position.snapshot.ts";

type PositionPatch = Omit<UpdatePositionInput, "id" | "version">;

function references(tx: Tx, input: PositionPatch) {
  return resolveRefs(tx, {
    actorId: optionalRef("Actor", input.actorId),
    processId: optionalRef("Process", input.processId),
    eventId: optionalRef("Event", input.eventId),
    respondsToId: optionalRef("Position", input.respondsToId),
    supersedesId: optionalRef("Position", input.supersedesId),
  });
}

function data(input: PositionPatch, refs: Awaited<ReturnType<typeof references>>) {
  return {
    kind: input.kind,
    issue: input.issue,
    summary: input.summary,
    startDate: input.startDate === undefined ? undefined : dateOfDay(input.startDate),
    endDate: input.endDate === undefined ? undefined : input.endDate && dateOfDay(input.endDate),
    datePrecision: input.datePrecision,
    ...(refs.actorId == null ? {} : { actorId: refs.actorId }),
    processId: refs.processId,
    eventId: refs.eventId,
    respondsToId: refs.respondsToId,
    supersedesId: refs.supersedesId,
  };
}

/** The rules across records: no self-links, an answer is another actor's, a replacement its own holder's. */
async function checkLinks(tx: Tx, p: PositionRow) {
  const problems: { field: string; message: string }[] = [];
  const linked = await tx.position.findMany({
    where: { id: { in: [p.respondsToId, p.supersedesId].filter((x): x is number => x !== null) } },
  });
  const holderOf = (id: number | null) => linked.find((l) => l.id === id)?.actorId;
  if (p.respondsToId === p.id) problems.push({ field: "input.respondsToId", message: "is this position itself" });
  else if (p.respondsToId !== null && holderOf(p.respondsToId) === p.actorId) {
    problems.push({
      field: "input.respondsToId",
      message: "is held by the same actor: a position responds to another actor's",
    });
  }
  if (p.supersedesId === p.id) problems.push({ field: "input.supersedesId", message: "is this position itself" });
  else if (p.supersedesId !== null && holderOf(p.supersedesId) !== p.actorId) {
    problems.push({
      field: "input.supersedesId",
      message: "is held by another actor: a position supersedes one of its own holder's",
    });
  }
  if (p.endDate && p.endDate < p.startDate) {
    problems.push({ field: "input.endDate", message: `must not be before the start (${dayOf(p.startDate)})` });
  }
  if (problems.length) throw new ValidationError(problems);
}

export async function createPosition(tx: Tx, author: string, input: CreatePositionInput): Promise<number> {
  const refs = await references(tx, input);
  const created = await tx.position.create({
    data: {
      ...data(input, refs),
      actorId: defined(refs.actorId),
      kind: input.kind,
      issue: input.issue,
      summary: input.summary,
      startDate: dateOfDay(input.startDate),
    },
  });
  await checkLinks(tx, created);
  await recordRevision(tx, {
    entityType: "Position",
    entityId: created.id,
    action: "CREATE",
    author,
    version: 1,
    changes: positionSnapshot(created),
  });
  return created.id;
}

export async function updatePosition(
  tx: Tx,
  author: string,
  id: number,
  globalId: string,
  input: UpdatePositionInput,
): Promise<void> {
  const version = await bumpVersion(tx, "Position", id, input.version, globalId);
  const before = await tx.position.findUniqueOrThrow({ where: { id } });
  const { id: _id, version: _version, ...patch } = input;
  const after = await tx.position.update({ where: { id }, data: data(patch, await references(tx, patch)) });
  await checkLinks(tx, after);
  await recordUpdate(tx, {
    entityType: "Position",
    entityId: id,
    author,
    version,
    changes: diffSnapshots(positionSnapshot(before), positionSnapshot(after)),
  });
}

/** Deletes a position with its claims; positions that answered or replaced it keep standing, unlinked. */
export async function deletePosition(
  tx: Tx,
  author: string,
  id: number,
  globalId: string,
  version: number,
): Promise<void> {
  await bumpVersion(tx, "Position", id, version, globalId);
  const before = await tx.position.findUniqueOrThrow({ where: { id } });
  await deleteClaimsOf(tx, author, { positionId: id }, `position ${globalId} was deleted`);
  await tx.position.delete({ where: { id } });
  await recordRevision(tx, {
    entityType: "Position",
    entityId: id,
    action: "DELETE",
    author,
    version,
    changes: positionSnapshot(before),
  });
}
