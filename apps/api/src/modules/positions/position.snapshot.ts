import { encodeGlobalID } from "@pothos/plugin-relay";
import type { Snapshot, Tx } from "@parley/db";
import { day } from "../events/event.snapshot.ts";

const gid = (typename: string, id: number | null) => (id === null ? null : encodeGlobalID(typename, id));

export type PositionRow = NonNullable<Awaited<ReturnType<Tx["position"]["findUnique"]>>>;

/** A position as the revision history records it; references are global IDs. */
export function positionSnapshot(p: PositionRow): Snapshot {
  return {
    holder: gid("Actor", p.actorId),
    kind: p.kind,
    issue: p.issue,
    summary: p.summary,
    startDate: day(p.startDate),
    endDate: day(p.endDate),
    datePrecision: p.datePrecision,
    process: gid("Process", p.processId),
    event: gid("Event", p.eventId),
    respondsTo: gid("Position", p.respondsToId),
    supersedes: gid("Position", p.supersedesId),
  };
}
