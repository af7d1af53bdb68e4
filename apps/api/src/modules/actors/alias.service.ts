import { actorSnapshot, diffSnapshots, resolveActorId, type Tx } from "@parley/db";
import { type CreateAliasInput, type DeleteInput, defined, normalizeName, type UpdateAliasInput } from "@parley/schema";
import { encodeGlobalID } from "@pothos/plugin-relay";
import { NotFoundError, ValidationError } from "../shared/errors.ts";
import { targetId } from "../shared/input.ts";
import { bumpVersion, recordUpdate } from "../shared/versioning.ts";
import { type ActorRow, aliasRow, loadActor } from "./actor.snapshot.ts";

/** Aliases are part of their actor: every change bumps the actor's version and is recorded on the actor. */
async function recordAliasChange(tx: Tx, author: string, before: ActorRow): Promise<void> {
  const after = defined(await loadActor(tx, before.id));
  const changes = diffSnapshots(actorSnapshot(before), actorSnapshot(after));
  await recordUpdate(tx, { entityType: "Actor", entityId: before.id, author, version: after.version, changes });
}

function checkNewName(actor: ActorRow, name: string, exceptAliasId?: number) {
  const normalized = normalizeName(name);
  const taken =
    normalizeName(actor.name) === normalized ||
    actor.aliases.some((a) => a.id !== exceptAliasId && a.normalized === normalized);
  if (taken) throw new ValidationError([{ field: "input.name", message: `is already a name of ${actor.name}` }]);
}

/** Adds a name to an actor (also one merged away: its ID resolves to the survivor). Returns the actor's ID. */
export async function createAlias(tx: Tx, author: string, input: CreateAliasInput): Promise<number> {
  const actorId = await resolveActorId(tx, targetId(input.actorId, "Actor", "input.actorId"));
  if (actorId === null) throw new NotFoundError("Actor", input.actorId);
  // Bumping first locks the actor, so two requests cannot add the same name at once.
  await tx.actor.update({ where: { id: actorId }, data: { version: { increment: 1 } } });
  const before = defined(await loadActor(tx, actorId));
  checkNewName(before, input.name);
  await tx.actorAlias.create({ data: aliasRow(actorId, input) });
  await recordAliasChange(tx, author, before);
  return actorId;
}

async function aliasAndActor(tx: Tx, input: { id: string; version: number }) {
  const alias = await tx.actorAlias.findUnique({ where: { id: targetId(input.id, "Alias") } });
  if (!alias) throw new NotFoundError("Alias", input.id);
  await bumpVersion(tx, "Actor", alias.actorId, input.version, encodeGlobalID("Actor", alias.actorId));
  return { alias, actor: defined(await loadActor(tx, alias.actorId)) };
}

export async function updateAlias(tx: Tx, author: string, input: UpdateAliasInput): Promise<number> {
  const { alias, actor } = await aliasAndActor(tx, input);
  if (input.name) checkNewName(actor, input.name, alias.id);
  await tx.actorAlias.update({
    where: { id: alias.id },
    data: aliasRow(actor.id, { name: input.name ?? alias.name, kind: input.kind ?? alias.kind }),
  });
  await recordAliasChange(tx, author, actor);
  return actor.id;
}

export async function deleteAlias(tx: Tx, author: string, input: DeleteInput): Promise<number> {
  const { alias, actor } = await aliasAndActor(tx, input);
  await tx.actorAlias.delete({ where: { id: alias.id } });
  await recordAliasChange(tx, author, actor);
  return actor.id;
}
