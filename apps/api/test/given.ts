import { defined, type TokenRole } from "@parley/schema";
import { encodeGlobalID } from "@pothos/plugin-relay";
import { type GraphQLUnionType, getNamedType } from "graphql";
import { schema } from "../src/schema.ts";
import { type Api, dataOf } from "./harness.ts";

const ERROR_FIELDS: Record<string, string> = {
  ValidationError: "field problems { field message }",
  NotFoundError: "typename id",
  ConflictError: "id expectedVersion currentVersion",
  ForbiddenError: "reason neededRole",
};

/** The typed errors as `errorsOf()` selects them. */
export type MutationError =
  | { __typename: "ValidationError"; message: string; field: string; problems: { field: string; message: string }[] }
  | { __typename: "NotFoundError"; message: string; typename: string; id: string }
  | { __typename: "ConflictError"; message: string; id: string; expectedVersion: number; currentVersion: number }
  | { __typename: "ForbiddenError"; message: string; reason: string; neededRole: TokenRole };

/** A mutation's result: its success `N` with the fields the test selects on it, or one of the errors. */
export type MutationResult<N extends string, Success = unknown> = ({ __typename: N } & Success) | MutationError;

function isA<T extends { __typename: string }, N extends string>(
  result: T,
  typename: N,
): result is Extract<T, { __typename: N }> {
  return result.__typename === typename;
}

/** The result as the member of its union the test expects, or a failure showing what came instead. */
export function resultAs<T extends { __typename: string }, N extends T["__typename"]>(
  result: T,
  typename: N,
): Extract<T, { __typename: N }> {
  if (!isA(result, typename)) throw new Error(`expected a ${typename}, got ${JSON.stringify(result)}`);
  return result;
}

/** A mutation's success (the errors all carry a message, a success none), or a failure showing the error. */
export function successOf<S extends object>(result: MutationResult<string, S>): { __typename: string } & S {
  if ("message" in result) throw new Error(`expected a success, got ${JSON.stringify(result)}`);
  return result;
}

/**
 * Every field of every typed error a mutation can answer with, to spread into its selection. A
 * result union lists only the errors its mutation can meet, and a fragment on any other is invalid.
 */
export function errorsOf(mutation: string): string {
  const union = getNamedType(
    defined(
      defined(schema.getMutationType(), "schema.getMutationType()").getFields()[mutation],
      "schema.getMutationType().getFields()[mutation]",
    ).type,
  ) as GraphQLUnionType;
  const errors = union.getTypes().filter((t) => ERROR_FIELDS[t.name]);
  return `__typename ... on Error { message } ${errors.map((t) => `... on ${t.name} { ${ERROR_FIELDS[t.name]} }`).join(" ")}`;
}

type Keyed = "event" | "actor" | "source" | "place" | "process" | "position";
const TYPENAMES: Record<Keyed, string> = {
  event: "Event",
  actor: "Actor",
  source: "Source",
  place: "Place",
  process: "Process",
  position: "Position",
};

/** Lookups of the demo dataset by key, as the API's global IDs. */
export function given(api: Api) {
  return {
    async id(model: Keyed, key: string): Promise<string> {
      const row = await (
        api.t.db[model] as unknown as { findUniqueOrThrow(a: object): Promise<{ id: number }> }
      ).findUniqueOrThrow({ where: { key } });
      return encodeGlobalID(TYPENAMES[model], row.id);
    },
    async version(model: "event" | "actor" | "source" | "claim" | "position", globalId: string): Promise<number> {
      const id = Number(Buffer.from(globalId, "base64").toString().split(":")[1]);
      const row = await (
        api.t.db[model] as unknown as { findUniqueOrThrow(a: object): Promise<{ version: number }> }
      ).findUniqueOrThrow({ where: { id } });
      return row.version;
    },
    async revisions(entityType: string, globalId: string) {
      const entityId = Number(Buffer.from(globalId, "base64").toString().split(":")[1]);
      return api.t.db.revision.findMany({ where: { entityType, entityId }, orderBy: { id: "asc" } });
    },
  };
}

/** Runs a mutation and returns its one result field. */
export async function mutate<T = unknown>(
  api: Api,
  headers: Record<string, string>,
  field: string,
  input: unknown,
  selection: string,
) {
  const res = await api.gql<Record<string, T>>(
    `mutation($input: ${inputTypeOf(field)}!) { ${field}(input: $input) { ${errorsOf(field)} ${selection} } }`,
    { input },
    headers,
  );
  if (res.errors) throw new Error(`${field}: ${JSON.stringify(res.errors)}`);
  return defined(dataOf(res)[field], `${field} in the answer`);
}

function inputTypeOf(field: string): string {
  if (/^delete(Event|Actor|Source|Claim|Position)$/.test(field)) return "DeleteInput";
  return `${defined(field[0], "field[0]").toUpperCase() + field.slice(1)}Input`;
}
