import { type RevisionInput, recordRevision, type Tx } from "@parley/db";
import { ConflictError, NotFoundError } from "./errors.ts";

type Versioned = "Event" | "Actor" | "Source" | "Claim" | "Position";

interface VersionedRows {
  updateMany(args: {
    where: { id: number; version: number };
    data: { version: { increment: number } };
  }): Promise<{ count: number }>;
  findUnique(args: { where: { id: number }; select: { version: true } }): Promise<{ version: number } | null>;
}

function rows(tx: Tx, typename: Versioned): VersionedRows {
  const delegate =
    typename === "Event"
      ? tx.event
      : typename === "Actor"
        ? tx.actor
        : typename === "Source"
          ? tx.source
          : typename === "Position"
            ? tx.position
            : tx.claim;
  return delegate as unknown as VersionedRows;
}

/**
 * Compare-and-set: moves the record from the version the caller read to the next one, or refuses.
 * The row stays locked until the transaction ends, so nobody writes between this check and the write.
 */
export async function bumpVersion(
  tx: Tx,
  typename: Versioned,
  id: number,
  expected: number,
  globalId: string,
): Promise<number> {
  const table = rows(tx, typename);
  const { count } = await table.updateMany({ where: { id, version: expected }, data: { version: { increment: 1 } } });
  if (count === 1) return expected + 1;
  const current = await table.findUnique({ where: { id }, select: { version: true } });
  if (!current) throw new NotFoundError(typename, globalId);
  throw new ConflictError(globalId, expected, current.version);
}

/** Thrown inside an update's transaction when the update changed nothing, so that it rolls back. */
export class NothingChanged extends Error {}

/**
 * Records an UPDATE revision, or, when the changes are empty, abandons the transaction: an update
 * that restates what is stored leaves the version, the timestamps and the history as they were.
 */
export async function recordUpdate(
  tx: Tx,
  revision: Omit<RevisionInput, "action"> & { changes: Record<string, unknown> },
): Promise<void> {
  if (Object.keys(revision.changes).length === 0) throw new NothingChanged();
  await recordRevision(tx, { ...revision, action: "UPDATE" });
}
