import type { Tx } from "./client.ts";

export type EntityType = "Actor" | "Event" | "Source" | "Claim" | "Place" | "Process" | "Position" | "ApiToken";
export type Snapshot = Record<string, unknown>;

/** The fields whose values differ, as `{ field: [before, after] }`. */
export function diffSnapshots(before: Snapshot, after: Snapshot): Record<string, [unknown, unknown]> {
  const changes: Record<string, [unknown, unknown]> = {};
  for (const field of new Set([...Object.keys(before), ...Object.keys(after)])) {
    const a = before[field] ?? null;
    const b = after[field] ?? null;
    if (JSON.stringify(a) !== JSON.stringify(b)) changes[field] = [a, b];
  }
  return changes;
}

export interface RevisionInput {
  entityType: EntityType;
  entityId: number;
  action: "CREATE" | "UPDATE" | "DELETE" | "MERGE";
  author: string;
  version?: number | null;
  changes: unknown;
}

export async function recordRevision(tx: Tx, input: RevisionInput): Promise<void> {
  await tx.revision.create({
    data: {
      entityType: input.entityType,
      entityId: input.entityId,
      action: input.action,
      author: input.author,
      version: input.version ?? null,
      changes: JSON.parse(JSON.stringify(input.changes ?? {})),
    },
  });
}
