import { actorSnapshot, diffSnapshots, recordRevision, type Tx } from "@parley/db";
import { type AliasInput, type CreateActorInput, defined, normalizeName, type UpdateActorInput } from "@parley/schema";
import { NotFoundError, ValidationError } from "../shared/errors.ts";
import { bumpVersion, recordUpdate } from "../shared/versioning.ts";
import { aliasRow, loadActor } from "./actor.snapshot.ts";

/** An alias that is the actor's own name adds nothing and would show twice. */
function checkAliases(name: string, aliases: AliasInput[]) {
  const own = aliases.findIndex((a) => normalizeName(a.name) === normalizeName(name));
  if (own >= 0)
    throw new ValidationError([{ field: `input.aliases[${own}].name`, message: "is the actor's own name" }]);
}

export async function createActor(tx: Tx, author: string, input: CreateActorInput): Promise<number> {
  checkAliases(input.name, input.aliases);
  const { aliases, ...fields } = input;
  const { id } = await tx.actor.create({ data: fields, select: { id: true } });
  await tx.actorAlias.createMany({ data: aliases.map((a) => aliasRow(id, a)) });
  await recordRevision(tx, {
    entityType: "Actor",
    entityId: id,
    action: "CREATE",
    author,
    version: 1,
    changes: actorSnapshot(defined(await loadActor(tx, id))),
  });
  return id;
}

export async function updateActor(
  tx: Tx,
  author: string,
  id: number,
  globalId: string,
  input: UpdateActorInput,
): Promise<void> {
  const version = await bumpVersion(tx, "Actor", id, input.version, globalId);
  const before = defined(await loadActor(tx, id));
  const { id: _id, version: _version, aliases, ...fields } = input;
  if (aliases) checkAliases(input.name ?? before.name, aliases);
  else if (input.name && before.aliases.some((a) => a.normalized === normalizeName(defined(input.name)))) {
    throw new ValidationError([
      { field: "input.name", message: "is one of the actor's aliases: give `aliases` without it in the same update" },
    ]);
  }
  await tx.actor.update({ where: { id }, data: fields });
  if (aliases) {
    await tx.actorAlias.deleteMany({ where: { actorId: id } });
    await tx.actorAlias.createMany({ data: aliases.map((a) => aliasRow(id, a)) });
  }
  const changes = diffSnapshots(actorSnapshot(before), actorSnapshot(defined(await loadActor(tx, id))));
  await recordUpdate(tx, { entityType: "Actor", entityId: id, author, version, changes });
}

/**
 * Deletes an actor nothing refers to. An actor that takes part in events, is quoted or is the
 * subject of claims, or publishes or is cited by sources is kept: merge it into another instead.
 */
export async function deleteActor(
  tx: Tx,
  author: string,
  id: number,
  globalId: string,
  version: number,
): Promise<void> {
  await bumpVersion(tx, "Actor", id, version, globalId);
  const [before, uses] = await Promise.all([
    loadActor(tx, id),
    tx.actor.findUnique({
      where: { id },
      select: {
        _count: {
          select: {
            participations: true,
            quoted: true,
            claimsAbout: true,
            publishedSources: true,
            citedBy: true,
            positions: true,
          },
        },
      },
    }),
  ]);
  if (!before || !uses) throw new NotFoundError("Actor", globalId);
  const { participations, quoted, claimsAbout, publishedSources, citedBy, positions } = uses._count;
  const claims = quoted + claimsAbout;
  const sources = publishedSources + citedBy;
  if (participations + claims + sources + positions > 0) {
    const parts = [
      `${participations} event participation(s)`,
      `${claims} claim(s)`,
      `${sources} source(s)`,
      `${positions} position(s)`,
    ];
    throw new ValidationError([
      {
        field: "input.id",
        message: `is still referred to by ${parts.join(", ")}: merge it into another actor (mergeActors) instead`,
      },
    ]);
  }
  await tx.actor.delete({ where: { id } });
  await recordRevision(tx, {
    entityType: "Actor",
    entityId: id,
    action: "DELETE",
    author,
    version,
    changes: actorSnapshot(before),
  });
}
