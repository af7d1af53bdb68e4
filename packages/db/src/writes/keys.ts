import type { PrismaClient, Tx } from "../client.ts";

/** An idempotency key as one write uses it. */
export interface KeyClaim {
  tokenId: number;
  key: string;
  /** What narrows a key shared by several fields of one request (the field's response key), or "". */
  scope: string;
  field: string;
  /** Identifies the field and its arguments; a retry must send the same. */
  requestHash: string;
}

/** What a committed write left under its key. */
export interface KeptOutcome {
  field: string;
  requestHash: string;
  resultId: number | null;
}

/** Keys live at least this long; `purgeKeys` removes older ones. */
export const KEY_RETENTION_HOURS = 24;

const where = (claim: KeyClaim) => ({
  tokenId_key_scope: { tokenId: claim.tokenId, key: claim.key, scope: claim.scope },
});

/**
 * Takes the key for this transaction (null), or returns what the committed write that holds it left.
 * A write with the same key still in flight is waited for: its uncommitted row blocks the insert
 * until that transaction ends, so two concurrent retries never both write.
 */
export async function claimKey(tx: Tx, claim: KeyClaim): Promise<KeptOutcome | null> {
  const { tokenId, key, scope, field, requestHash } = claim;
  for (let attempt = 0; attempt < 3; attempt++) {
    const { count } = await tx.idempotencyKey.createMany({
      data: [{ tokenId, key, scope, field, requestHash }],
      skipDuplicates: true,
    });
    if (count === 1) return null;
    const kept = await tx.idempotencyKey.findUnique({
      where: where(claim),
      select: { field: true, requestHash: true, resultId: true },
    });
    // Gone again only if purged in between: claim it anew.
    if (kept) return kept;
  }
  throw new Error(`Could not claim the idempotency key ${key}`);
}

/** Records what the write returned, in the write's own transaction, so that a retry can answer it again. */
export async function keepResult(tx: Tx, claim: KeyClaim, resultId: number | null): Promise<void> {
  if (resultId !== null) await tx.idempotencyKey.update({ where: where(claim), data: { resultId } });
}

/** Deletes keys older than the retention period; returns how many. */
export async function purgeKeys(db: PrismaClient | Tx, now = new Date()): Promise<number> {
  const before = new Date(now.getTime() - KEY_RETENTION_HOURS * 3_600_000);
  const { count } = await db.idempotencyKey.deleteMany({ where: { createdAt: { lt: before } } });
  return count;
}
