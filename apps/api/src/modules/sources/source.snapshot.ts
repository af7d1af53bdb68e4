import { claimSnapshot, recordRevision, type Tx } from "@parley/db";

export function loadSource(tx: Tx, id: number) {
  return tx.source.findUnique({ where: { id }, include: { cites: true } });
}

/** Claims go with their source or event; each one deleted that way still gets its DELETE revision. */
export async function deleteClaimsOf(
  tx: Tx,
  author: string,
  where: { sourceId: number } | { eventId: number } | { positionId: number },
  reason: string,
) {
  const claims = await tx.claim.findMany({ where, orderBy: { id: "asc" } });
  await tx.claim.deleteMany({ where: { id: { in: claims.map((c) => c.id) } } });
  for (const claim of claims) {
    await recordRevision(tx, {
      entityType: "Claim",
      entityId: claim.id,
      action: "DELETE",
      author,
      version: claim.version,
      changes: { ...claimSnapshot(claim), reason },
    });
  }
}
