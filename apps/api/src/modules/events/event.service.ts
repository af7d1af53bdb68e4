import { diffSnapshots, eventSnapshot, recordRevision, type Tx } from "@parley/db";
import { type CreateEventInput, dateOfDay, dayOf, defined, type UpdateEventInput } from "@parley/schema";
import { ValidationError } from "../shared/errors.ts";
import { type Resolved, ref, resolveRefs } from "../shared/references.ts";
import { bumpVersion, recordUpdate } from "../shared/versioning.ts";
import { deleteClaimsOf } from "../sources/source.snapshot.ts";
import { loadEvent } from "./event.snapshot.ts";

type EventPatch = Omit<UpdateEventInput, "id" | "version">;

function references(input: EventPatch) {
  return {
    processId: input.processId == null ? input.processId : ref("Process", input.processId),
    placeIds: input.placeIds?.map((id) => ref("Place", id)),
    participants: input.participants?.map((p) => ({ ...p, actorId: ref("Actor", p.actorId) })),
    links: input.links?.map((l) => ({ ...l, eventId: ref("Event", l.eventId) })),
  };
}

function scalarData(input: EventPatch) {
  const { fatalities } = input;
  return {
    type: input.type,
    title: input.title,
    summary: input.summary,
    startDate: input.startDate === undefined ? undefined : dateOfDay(input.startDate),
    endDate: input.endDate === undefined ? undefined : input.endDate && dateOfDay(input.endDate),
    datePrecision: input.datePrecision,
    outcome: input.outcome,
    ...(fatalities === undefined
      ? {}
      : {
          fatalitiesLow: fatalities?.low ?? null,
          fatalitiesBest: fatalities?.best ?? null,
          fatalitiesHigh: fatalities?.high ?? null,
        }),
  };
}

/**
 * Replaces the lists the input gives; lists it leaves out stay as they are. A new event has nothing
 * to replace: each statement saved is a round trip less while the write holds its transaction.
 */
async function writeChildren(tx: Tx, eventId: number, refs: Resolved<ReturnType<typeof references>>, isNew: boolean) {
  if (refs.placeIds) {
    if (!isNew) await tx.eventPlace.deleteMany({ where: { eventId } });
    await tx.eventPlace.createMany({
      data: refs.placeIds.map((placeId) => ({ eventId, placeId })),
      skipDuplicates: true,
    });
  }
  if (refs.participants) {
    if (!isNew) await tx.participant.deleteMany({ where: { eventId } });
    const data = refs.participants.map((p) => ({ eventId, actorId: p.actorId, role: p.role, note: p.note ?? null }));
    await tx.participant.createMany({ data, skipDuplicates: true });
  }
  if (refs.links) {
    const self = refs.links.findIndex((l) => l.eventId === eventId);
    if (self >= 0)
      throw new ValidationError([{ field: `input.links[${self}].eventId`, message: "is this event itself" }]);
    if (!isNew) await tx.eventLink.deleteMany({ where: { fromId: eventId } });
    await tx.eventLink.createMany({
      data: refs.links.map((l) => ({ fromId: eventId, toId: l.eventId, kind: l.kind })),
      skipDuplicates: true,
    });
  }
}

export async function createEvent(tx: Tx, author: string, input: CreateEventInput): Promise<number> {
  const refs = await resolveRefs(tx, references(input));
  const { id } = await tx.event.create({
    data: {
      ...scalarData(input),
      type: input.type,
      title: input.title,
      startDate: dateOfDay(input.startDate),
      processId: refs.processId ?? null,
    },
    select: { id: true },
  });
  await writeChildren(tx, id, refs, true);
  const after = eventSnapshot(defined(await loadEvent(tx, id)));
  await recordRevision(tx, { entityType: "Event", entityId: id, action: "CREATE", author, version: 1, changes: after });
  return id;
}

export async function updateEvent(
  tx: Tx,
  author: string,
  id: number,
  globalId: string,
  input: UpdateEventInput,
): Promise<void> {
  const version = await bumpVersion(tx, "Event", id, input.version, globalId);
  const before = defined(await loadEvent(tx, id));
  const start = input.startDate ?? dayOf(before.startDate);
  const end = input.endDate === undefined ? dayOf(before.endDate) : input.endDate;
  if (end && end < start) {
    throw new ValidationError([
      {
        field: input.endDate ? "input.endDate" : "input.startDate",
        message: `must not make the event end (${end}) before it starts (${start})`,
      },
    ]);
  }
  const refs = await resolveRefs(tx, references(input));
  await tx.event.update({
    where: { id },
    data: { ...scalarData(input), ...(refs.processId === undefined ? {} : { processId: refs.processId }) },
  });
  await writeChildren(tx, id, refs, false);
  const changes = diffSnapshots(eventSnapshot(before), eventSnapshot(defined(await loadEvent(tx, id))));
  await recordUpdate(tx, { entityType: "Event", entityId: id, author, version, changes });
}

/** Deletes an event with its participants, places, links and claims; each deleted claim gets its own DELETE revision. */
export async function deleteEvent(
  tx: Tx,
  author: string,
  id: number,
  globalId: string,
  version: number,
): Promise<void> {
  await bumpVersion(tx, "Event", id, version, globalId);
  const before = defined(await loadEvent(tx, id));
  await deleteClaimsOf(tx, author, { eventId: id }, `event ${globalId} was deleted`);
  await tx.event.delete({ where: { id } });
  await recordRevision(tx, {
    entityType: "Event",
    entityId: id,
    action: "DELETE",
    author,
    version,
    changes: eventSnapshot(before),
  });
}
