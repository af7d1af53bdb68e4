import { GraphQLError } from "graphql";
import { databaseId } from "./ids.ts";

/** A global ID as a database ID, or a clear error naming the argument and the expected type. */
export function requireId(globalId: string, typename: string, argument = "id"): number {
  const id = databaseId(globalId, typename);
  if (id === null) {
    throw new GraphQLError(`\`${argument}\` is not the ID of a ${typename}: ${JSON.stringify(globalId.slice(0, 80))}`, {
      extensions: { code: "BAD_USER_INPUT", argument },
    });
  }
  return id;
}
