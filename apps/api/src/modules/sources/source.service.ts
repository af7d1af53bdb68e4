import { diffSnapshots, recordRevision, sourceSnapshot, type Tx } from "@parley/db";
import { type CreateSourceInput, dateOfDay, defined, type UpdateSourceInput } from "@parley/schema";
import { ref, resolveRefs } from "../shared/references.ts";
import { bumpVersion, recordUpdate } from "../shared/versioning.ts";
import { deleteClaimsOf, loadSource } from "./source.snapshot.ts";

type SourcePatch = Omit<UpdateSourceInput, "id" | "version">;

function scalarData(input: SourcePatch) {
  const { outletId: _outlet, citedOutletIds: _cited, publishedAt, publishedPrecision, ...fields } = input;
  return {
    ...fields,
    ...(publishedAt === undefined
      ? {}
      : {
          publishedAt: publishedAt && dateOfDay(publishedAt),
          publishedPrecision: publishedAt ? (publishedPrecision ?? "DAY") : null,
        }),
    ...(publishedAt === undefined && publishedPrecision !== undefined ? { publishedPrecision } : {}),
  };
}

async function references(tx: Tx, input: SourcePatch) {
  return resolveRefs(tx, {
    outletId: input.outletId == null ? input.outletId : ref("Actor", input.outletId),
    citedOutletIds: input.citedOutletIds?.map((id) => ref("Actor", id)),
  });
}

async function writeCitations(tx: Tx, sourceId: number, outletIds: number[] | undefined) {
  if (!outletIds) return;
  await tx.sourceCitation.deleteMany({ where: { sourceId } });
  await tx.sourceCitation.createMany({
    data: outletIds.map((outletId) => ({ sourceId, outletId })),
    skipDuplicates: true,
  });
}

export async function createSource(tx: Tx, author: string, input: CreateSourceInput): Promise<number> {
  const refs = await references(tx, input);
  const { id } = await tx.source.create({
    data: { ...scalarData(input), title: input.title, outletId: refs.outletId ?? null },
    select: { id: true },
  });
  await writeCitations(tx, id, refs.citedOutletIds);
  await recordRevision(tx, {
    entityType: "Source",
    entityId: id,
    action: "CREATE",
    author,
    version: 1,
    changes: sourceSnapshot(defined(await loadSource(tx, id))),
  });
  return id;
}

export async function updateSource(
  tx: Tx,
  author: string,
  id: number,
  globalId: string,
  input: UpdateSourceInput,
): Promise<void> {
  const version = await bumpVersion(tx, "Source", id, input.version, globalId);
  const before = defined(await loadSource(tx, id));
  const { id: _id, version: _version, ...patch } = input;
  const refs = await references(tx, patch);
  await tx.source.update({
    where: { id },
    data: { ...scalarData(patch), ...(refs.outletId === undefined ? {} : { outletId: refs.outletId }) },
  });
  await writeCitations(tx, id, refs.citedOutletIds);
  const changes = diffSnapshots(sourceSnapshot(before), sourceSnapshot(defined(await loadSource(tx, id))));
  await recordUpdate(tx, { entityType: "Source", entityId: id, author, version, changes });
}

/** Deletes a source with its citations and its claims (the claims rest on it). */
export async function deleteSource(
  tx: Tx,
  author: string,
  id: number,
  globalId: string,
  version: number,
): Promise<void> {
  await bumpVersion(tx, "Source", id, version, globalId);
  const before = defined(await loadSource(tx, id));
  await deleteClaimsOf(tx, author, { sourceId: id }, `source ${globalId} was deleted`);
  await tx.source.delete({ where: { id } });
  await recordRevision(tx, {
    entityType: "Source",
    entityId: id,
    action: "DELETE",
    author,
    version,
    changes: sourceSnapshot(before),
  });
}
