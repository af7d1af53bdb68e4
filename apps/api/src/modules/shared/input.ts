import type { z } from "zod";
import { ValidationError } from "./errors.ts";
import { databaseId } from "./ids.ts";

/** An input checked against its `@parley/schema` rules; every problem becomes a field of a ValidationError. */
export function parseInput<S extends z.ZodType>(schema: S, input: unknown): z.output<S> {
  const parsed = schema.safeParse(input);
  if (!parsed.success) throw ValidationError.fromZod(parsed.error, "input");
  return parsed.data;
}

/** The database ID of the record a mutation acts on; a malformed or wrongly typed ID names its field. */
export function targetId(globalId: string, typename: string, field = "input.id"): number {
  const id = databaseId(globalId, typename);
  if (id === null) throw new ValidationError([{ field, message: `is not an ID of type ${typename}` }]);
  return id;
}
