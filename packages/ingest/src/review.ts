import {
  actorSnapshot,
  claimSnapshot,
  diffSnapshots,
  eventSnapshot,
  type PrismaClient,
  placeSnapshot,
  recordRevision,
  sourceSnapshot,
  type Tx,
} from "@parley/db";
import type { Candidate, CandidateStatus } from "@parley/db/client";
import {
  type ActorCandidatePayload,
  type ActorKind,
  CANDIDATE_PAYLOADS,
  type CandidatePlace,
  type CitationCandidatePayload,
  dateOfDay,
  type EventCandidatePayload,
  normalizeName,
  EVENT_TYPES as T,
  transliterationKey,
} from "@parley/schema";

const SCHEMAS = CANDIDATE_PAYLOADS;

export class CandidateError extends Error {
  constructor(
    readonly code: "NOT_FOUND" | "INVALID",
    message: string,
    readonly problems: Array<{ field: string; message: string }> = [{ field: "candidate", message }],
  ) {
    super(message);
    this.name = "CandidateError";
  }
}

export function listCandidates(
  db: PrismaClient,
  options: { status?: CandidateStatus; sourceId?: number; take?: number } = {},
) {
  return db.candidate.findMany({
    where: { status: options.status ?? "PENDING", sourceId: options.sourceId },
    orderBy: { id: "asc" },
    take: options.take,
    include: { source: { select: { id: true, title: true } } },
  });
}

async function pending(tx: Tx, id: number): Promise<Candidate> {
  const candidate = await tx.candidate.findUnique({ where: { id } });
  if (!candidate) throw new CandidateError("NOT_FOUND", `No candidate has the ID ${id}`);
  if (candidate.status !== "PENDING")
    throw new CandidateError("INVALID", `Candidate ${id} is already ${candidate.status.toLowerCase()}`);
  return candidate;
}

function parsePayload(kind: Candidate["kind"], payload: unknown) {
  const parsed = SCHEMAS[kind].safeParse(payload);
  if (!parsed.success) {
    const problems = parsed.error.issues.map((i) => ({
      field: ["payload", ...i.path.map(String)].join("."),
      message: i.message,
    }));
    throw new CandidateError("INVALID", problems.map((p) => `${p.field}: ${p.message}`).join("; "), problems);
  }
  return parsed.data;
}

// The review operations take the transaction they write in: the caller commits it (`commitWrite`).

/** Changes a pending candidate's proposed record (fields merged over the payload, then validated). */
export async function updateCandidate(tx: Tx, id: number, patch: Record<string, unknown>, reviewer: string) {
  const candidate = await pending(tx, id);
  const payload = parsePayload(candidate.kind, { ...(candidate.payload as object), ...patch });
  return tx.candidate.update({ where: { id }, data: { payload: JSON.parse(JSON.stringify(payload)), reviewer } });
}

export async function rejectCandidate(tx: Tx, id: number, reviewer: string) {
  await pending(tx, id);
  return tx.candidate.update({ where: { id }, data: { status: "REJECTED", reviewer, reviewedAt: new Date() } });
}

/** How long accepting may take before COMMIT: an event with its places, actors and claim is many statements. */
export const ACCEPT_TIMEOUT_MS = 30_000;

/** Turns a pending candidate into the record it proposes (an event with its claim, an actor, a citation). */
export async function acceptCandidate(tx: Tx, id: number, reviewer: string, patch: Record<string, unknown> = {}) {
  const candidate = await pending(tx, id);
  const payload = { ...(candidate.payload as object), ...patch };
  const record =
    candidate.kind === "EVENT"
      ? {
          type: "Event",
          id: await createEvent(tx, candidate, parsePayload("EVENT", payload) as EventCandidatePayload, reviewer),
        }
      : candidate.kind === "ACTOR"
        ? {
            type: "Actor",
            id: await createActor(tx, parsePayload("ACTOR", payload) as ActorCandidatePayload, reviewer),
          }
        : {
            type: "Actor",
            id: await citeOutlet(
              tx,
              candidate.sourceId,
              parsePayload("CITATION", payload) as CitationCandidatePayload,
              reviewer,
            ),
          };
  return tx.candidate.update({
    where: { id },
    data: {
      status: "ACCEPTED",
      reviewer,
      reviewedAt: new Date(),
      recordType: record.type,
      recordId: record.id,
      payload: JSON.parse(JSON.stringify(payload)),
    },
  });
}

async function createActor(tx: Tx, payload: { name: string; kind: ActorKind }, author: string): Promise<number> {
  const existing = await findActorByName(tx, payload.name);
  if (existing) return existing;
  const actor = await tx.actor.create({ data: { name: payload.name, kind: payload.kind } });
  await recordRevision(tx, {
    entityType: "Actor",
    entityId: actor.id,
    action: "CREATE",
    author,
    version: 1,
    changes: actorSnapshot({ ...actor, aliases: [], affiliations: [] }),
  });
  return actor.id;
}

async function findActorByName(tx: Tx, name: string): Promise<number | null> {
  const key = normalizeName(name);
  const actor = await tx.actor.findFirst({
    where: {
      OR: [
        { aliases: { some: { normalized: key } } },
        { aliases: { some: { translitKey: transliterationKey(name) } } },
        { name: { equals: name, mode: "insensitive" } },
      ],
    },
    orderBy: { id: "asc" },
  });
  return actor?.id ?? null;
}

async function citeOutlet(
  tx: Tx,
  sourceId: number,
  payload: CitationCandidatePayload,
  author: string,
): Promise<number> {
  const outletId = payload.actorId ?? (await createActor(tx, { name: payload.name, kind: "MEDIA_OUTLET" }, author));
  const loadSource = () => tx.source.findUniqueOrThrow({ where: { id: sourceId }, include: { cites: true } });
  const before = sourceSnapshot(await loadSource());
  await tx.sourceCitation.upsert({
    where: { sourceId_outletId: { sourceId, outletId } },
    create: { sourceId, outletId },
    update: {},
  });
  const changes = diffSnapshots(before, sourceSnapshot(await loadSource()));
  if (Object.keys(changes).length > 0)
    await recordRevision(tx, { entityType: "Source", entityId: sourceId, action: "UPDATE", author, changes });
  return outletId;
}

async function createEvent(
  tx: Tx,
  candidate: Candidate,
  payload: EventCandidatePayload,
  author: string,
): Promise<number> {
  if (!payload.date)
    throw new CandidateError(
      "INVALID",
      "The sentence gives no date: give the event a date (YYYY-MM-DD) before accepting it.",
      [{ field: "payload.date", message: "required to accept an event" }],
    );
  const source = await tx.source.findUniqueOrThrow({ where: { id: candidate.sourceId } });
  if (source.text && !source.text.includes(payload.quote)) {
    throw new CandidateError("INVALID", "The quote must be verbatim from the stored report.", [
      { field: "payload.quote", message: "not found in the report's text" },
    ]);
  }
  const title =
    payload.title ??
    `${T.labels[payload.type]}: ${payload.quote.length > 120 ? `${payload.quote.slice(0, 117)}…` : payload.quote}`;
  const placeId = payload.place ? await placeFor(tx, payload.place, author) : null;
  const participants = new Map<number, string>();
  for (const actor of payload.actors) {
    const actorId = actor.actorId ?? (await findActorByName(tx, actor.name));
    if (actorId !== null && !participants.has(actorId)) participants.set(actorId, actor.role ?? "PARTY");
  }
  const event = await tx.event.create({
    data: {
      type: payload.type,
      title,
      startDate: dateOfDay(payload.date),
      endDate: dateOfDay(payload.endDate),
      datePrecision: payload.precision ?? "DAY",
      places: placeId ? { create: [{ placeId }] } : undefined,
      participants: { create: [...participants].map(([actorId, role]) => ({ actorId, role: role as never })) },
    },
  });
  const claim = await tx.claim.create({
    data: { sourceId: source.id, eventId: event.id, quote: payload.quote, stance: "ASSERTS" },
  });
  const created = {
    ...event,
    places: placeId ? [{ placeId }] : [],
    participants: [...participants].map(([actorId, role]) => ({ actorId, role, note: null })),
    linksOut: [],
  };
  await recordRevision(tx, {
    entityType: "Event",
    entityId: event.id,
    action: "CREATE",
    author,
    version: 1,
    changes: eventSnapshot(created),
  });
  await recordRevision(tx, {
    entityType: "Claim",
    entityId: claim.id,
    action: "CREATE",
    author,
    version: 1,
    changes: claimSnapshot(claim),
  });
  return event.id;
}

async function placeFor(tx: Tx, place: CandidatePlace, author: string): Promise<number> {
  if (place.placeId !== null) return place.placeId;
  const existing = await tx.place.findFirst({
    where: { country: place.country, name: { equals: place.name, mode: "insensitive" } },
  });
  if (existing) return existing.id;
  const created = await tx.place.create({
    data: { name: place.name, country: place.country, kind: place.kind, lat: place.lat, lon: place.lon },
  });
  await recordRevision(tx, {
    entityType: "Place",
    entityId: created.id,
    action: "CREATE",
    author,
    changes: placeSnapshot(created),
  });
  return created.id;
}
