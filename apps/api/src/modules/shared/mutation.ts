import { defined } from "@parley/schema";
import { builder } from "../../builder.ts";
import type { ConflictError, ForbiddenError, NotFoundError, ValidationError } from "./errors.ts";
import { CLIENT_MUTATION_ID_DESCRIPTION } from "./idempotency.ts";

builder.mutationType({
  description: "Writes. Each needs an API token (`Authorization: Bearer …`) and answers with a result union.",
});

type ErrorClass = typeof ValidationError | typeof NotFoundError | typeof ConflictError | typeof ForbiddenError;

/**
 * `createEvent` answers `CreateEventResult = CreateEventSuccess | ValidationError | ForbiddenError`:
 * the union lists exactly the `errors` the mutation can meet, so a client handles no case that
 * cannot happen. `data` says what the success holds.
 */
export function resultUnion(fieldName: string, dataField: string, data: string, errors: ErrorClass[]) {
  const name = defined(fieldName[0]).toUpperCase() + fieldName.slice(1);
  const listed = errors.map((e) => `\`${e.name}\``).join(", ");
  return {
    types: errors,
    union: {
      name: `${name}Result`,
      description: `What \`${fieldName}\` answers: \`${name}Success\`, or the expected failure that stopped it, one of ${listed}.`,
    },
    result: { name: `${name}Success`, description: `\`${fieldName}\` was done and committed.` },
    dataField: { name: dataField, description: data },
  };
}

/** `clientMutationId`, the idempotency key every mutation's input may carry. */
export function clientMutationIdField<R>(t: { string(options: { description: string }): R }): R {
  return t.string({ description: CLIENT_MUTATION_ID_DESCRIPTION });
}

export const DeleteInput = builder.inputType("DeleteInput", {
  description: "The record to delete and the version you read: a record changed since then is not deleted.",
  fields: (t) => ({
    clientMutationId: clientMutationIdField(t),
    id: t.id({ required: true, description: "The global ID of the record to delete." }),
    version: t.int({
      required: true,
      description: "The record's `version` as you read it; a record changed since is not deleted (ConflictError).",
    }),
  }),
});

/** The Pothos query for reloading a written record; a selection of only `__typename` still needs one column. */
export function reload<Q extends object>(query: Q): Q {
  const select = (query as { select?: object }).select;
  return select && Object.keys(select).length === 0 ? ({ ...query, select: { id: true } } as Q) : query;
}
