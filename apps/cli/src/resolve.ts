import { decodeGlobalId, defined, encodeGlobalId, normalizeName } from "@parley/schema";
import type pg from "pg";
import { UsageError } from "./args.ts";

export type RecordKind = "actor" | "place" | "outlet";

const LOOKUP: Record<RecordKind, { typename: string; sql: string }> = {
  actor: {
    typename: "Actor",
    sql: `SELECT a.id, a.name FROM actor a WHERE a.normalized = $1 OR EXISTS (SELECT 1 FROM actor_alias al WHERE al.actor_id = a.id AND al.normalized = $1) ORDER BY a.id LIMIT 6`,
  },
  outlet: {
    typename: "Actor",
    sql: `SELECT a.id, a.name FROM actor a WHERE a.kind = 'MEDIA_OUTLET' AND (a.normalized = $1 OR EXISTS (SELECT 1 FROM actor_alias al WHERE al.actor_id = a.id AND al.normalized = $1)) ORDER BY a.id LIMIT 6`,
  },
  place: {
    typename: "Place",
    sql: `SELECT p.id, p.name || ' (' || p.country || ', ' || lower(p.kind::text) || ')' AS name FROM place p WHERE lower(p.name) = lower($1) ORDER BY p.id LIMIT 6`,
  },
};

/**
 * The global ID the search takes for an actor, place or outlet given on the command line as a global
 * ID, a database ID, or an exact name or alias (in any case and accents); an unknown or ambiguous
 * name is a usage error that names the option.
 */
export async function resolveRecord(db: pg.Pool, kind: RecordKind, value: string, option: string): Promise<string> {
  const { typename, sql } = LOOKUP[kind];
  if (decodeGlobalId(value, typename) !== null) return value;
  if (/^\d{1,9}$/.test(value)) return encodeGlobalId(typename, Number(value));
  const { rows } = await db.query<{ id: number; name: string }>(sql, [
    kind === "place" ? value.trim() : normalizeName(value),
  ]);
  if (rows.length === 1) return encodeGlobalId(typename, defined(rows[0]).id);
  if (rows.length === 0)
    throw new UsageError(
      `${option} ${JSON.stringify(value)}: no ${kind} has this ${kind === "place" ? "name" : "name or alias"} (give its ID, or check the spelling)`,
    );
  throw new UsageError(
    `${option} ${JSON.stringify(value)} fits more than one ${kind}; give the ID of one: ${rows.map((r) => `${r.id} ${r.name}`).join(", ")}`,
  );
}
