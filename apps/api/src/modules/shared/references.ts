import type { Tx } from "@parley/db";
import { defined } from "@parley/schema";
import { encodeGlobalID } from "@pothos/plugin-relay";
import { type FieldProblem, ValidationError } from "./errors.ts";
import { databaseId } from "./ids.ts";

type Referable = "Actor" | "Event" | "Source" | "Place" | "Process" | "Position";

/** A record an input refers to by global ID, to be checked and turned into a database ID. */
export class Ref {
  constructor(
    readonly typename: Referable,
    readonly globalId: string,
  ) {}
}

export const ref = (typename: Referable, globalId: string) => new Ref(typename, globalId);

/** A reference an input may give, clear (`null`) or leave out (`undefined`). */
export const optionalRef = (typename: Referable, globalId: string | null | undefined) =>
  globalId == null ? globalId : ref(typename, globalId);

export type Resolved<T> = T extends Ref
  ? number
  : T extends readonly (infer U)[]
    ? Resolved<U>[]
    : T extends object
      ? { [K in keyof T]: Resolved<T[K]> }
      : T;

async function existing(tx: Tx, typename: Referable, ids: number[]): Promise<Set<number>> {
  const args = { where: { id: { in: ids } }, select: { id: true } } as const;
  const rows =
    typename === "Actor"
      ? await tx.actor.findMany(args)
      : typename === "Event"
        ? await tx.event.findMany(args)
        : typename === "Source"
          ? await tx.source.findMany(args)
          : typename === "Place"
            ? await tx.place.findMany(args)
            : typename === "Position"
              ? await tx.position.findMany(args)
              : await tx.process.findMany(args);
  return new Set(rows.map((r) => r.id));
}

/**
 * Replaces every `Ref` in `spec` by the database ID it names, with one query per type. IDs of
 * actors merged into another resolve to the survivor. Malformed and unknown IDs are reported
 * together, each at its field (`input.participants[1].actorId`).
 */
export async function resolveRefs<T>(tx: Tx, spec: T, prefix = "input"): Promise<Resolved<T>> {
  const found: { ref: Ref; field: string; id: number | null }[] = [];
  const collect = (value: unknown, field: string): void => {
    if (value instanceof Ref) found.push({ ref: value, field, id: databaseId(value.globalId, value.typename) });
    else if (Array.isArray(value)) for (const [i, v] of value.entries()) collect(v, `${field}[${i}]`);
    else if (value && typeof value === "object")
      for (const [k, v] of Object.entries(value)) collect(v, `${field}.${k}`);
  };
  collect(spec, prefix);

  const live = new Set<string>();
  const remap = new Map<string, number>();
  for (const typename of new Set(found.map((f) => f.ref.typename))) {
    const ids = [
      ...new Set(found.filter((f) => f.ref.typename === typename && f.id !== null).map((f) => defined(f.id))),
    ];
    const rows = ids.length ? await existing(tx, typename, ids) : new Set<number>();
    for (const id of rows) live.add(`${typename}:${id}`);
    const gone = ids.filter((id) => !rows.has(id));
    if (typename === "Actor" && gone.length) {
      for (const r of await tx.actorRedirect.findMany({ where: { fromId: { in: gone } } })) {
        remap.set(`Actor:${r.fromId}`, r.toId);
        live.add(`Actor:${r.fromId}`);
      }
    }
  }
  const problems: FieldProblem[] = found.flatMap(({ ref: { typename }, field, id }): FieldProblem[] =>
    id === null
      ? [{ field, message: `is not an ID of type ${typename}` }]
      : live.has(`${typename}:${id}`)
        ? []
        : [{ field, message: `no ${typename} has the ID ${encodeGlobalID(typename, id)}` }],
  );
  if (problems.length) throw new ValidationError(problems);

  const ids = new Map(found.map((f) => [f.ref, remap.get(`${f.ref.typename}:${f.id}`) ?? defined(f.id)]));
  const rebuild = (value: unknown): unknown =>
    value instanceof Ref
      ? ids.get(value)
      : Array.isArray(value)
        ? value.map(rebuild)
        : value && typeof value === "object"
          ? Object.fromEntries(Object.entries(value).map(([k, v]) => [k, rebuild(v)]))
          : value;
  return rebuild(spec) as Resolved<T>;
}
