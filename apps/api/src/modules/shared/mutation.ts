import { builder } from "../../builder.ts";
import { MUTATION_ERRORS } from "./errors.ts";

builder.mutationType({ description: "Writes. Each needs an API token (`Authorization: Bearer …`) and answers with a result union." });

/** `createEvent` answers `CreateEventResult = CreateEventSuccess | ValidationError | NotFoundError | ConflictError | ForbiddenError`. */
export function resultUnion(fieldName: string, dataField: string) {
  const name = fieldName[0]!.toUpperCase() + fieldName.slice(1);
  return {
    types: MUTATION_ERRORS,
    union: { name: `${name}Result` },
    result: { name: `${name}Success` },
    dataField: { name: dataField },
  };
}

export const DeleteInput = builder.inputType("DeleteInput", {
  description: "The record to delete and the version you read: a record changed since then is not deleted.",
  fields: (t) => ({ id: t.id({ required: true }), version: t.int({ required: true }) }),
});

/** The Pothos query for reloading a written record; a selection of only `__typename` still needs one column. */
export function reload<Q extends object>(query: Q): Q {
  const select = (query as { select?: object }).select;
  return select && Object.keys(select).length === 0 ? ({ ...query, select: { id: true } } as Q) : query;
}
