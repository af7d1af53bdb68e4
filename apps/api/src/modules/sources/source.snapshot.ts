import { encodeGlobalID } from "@pothos/plugin-relay";
import { recordRevision, type Snapshot, type Tx } from "@parley/db";

const day = (d: Date | null): string | null => (d ? d.toISOString().slice(0, 10) : null);
const gid = (typename: string, id: number | null) => (id === null ? null : encodeGlobalID(typename, id));

export function loadSource(tx: Tx, id: number) {
  return tx.source.findUnique({ where: { id }, include: { cites: true } });
}
export type SourceRow = NonNullable<Awaited<ReturnType<typeof loadSource>>>;

/** A source as the revision history records it; references are global IDs. */
export function sourceSnapshot(s: SourceRow): Snapshot {
  return {
    title: s.title,
    url: s.url,
    publishedAt: day(s.publishedAt),
    publishedPrecision: s.publishedPrecision,
    language: s.language,
    author: s.author,
    outlet: gid("Actor", s.outletId),
    cites: s.cites.map((c) => gid("Actor", c.outletId)).sort(),
  };
}

type ClaimRow = NonNullable<Awaited<ReturnType<Tx["claim"]["findUnique"]>>>;

export function claimSnapshot(c: ClaimRow): Snapshot {
  return {
    source: gid("Source", c.sourceId),
    event: gid("Event", c.eventId),
    actor: gid("Actor", c.actorId),
    ...(c.positionId === null ? {} : { position: gid("Position", c.positionId) }),
    quote: c.quote,
    stance: c.stance,
    speaker: gid("Actor", c.speakerId),
    speakerLabel: c.speakerLabel,
    note: c.note,
  };
}

/** Claims go with their source or event; each one deleted that way still gets its DELETE revision. */
export async function deleteClaimsOf(tx: Tx, author: string, where: { sourceId: number } | { eventId: number } | { positionId: number }, reason: string) {
  const claims = await tx.claim.findMany({ where, orderBy: { id: "asc" } });
  await tx.claim.deleteMany({ where: { id: { in: claims.map((c) => c.id) } } });
  for (const claim of claims) {
    await recordRevision(tx, { entityType: "Claim", entityId: claim.id, action: "DELETE", author, version: claim.version, changes: { ...claimSnapshot(claim), reason } });
  }
}
