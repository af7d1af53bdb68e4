import { dayOf, isoDate } from "@parley/schema";
import { GraphQLError, Kind } from "graphql";
import { builder } from "../../builder.ts";

function parseDate(value: unknown): string {
  if (typeof value !== "string" || !isoDate.safeParse(value).success) {
    throw new GraphQLError(`Invalid Date ${JSON.stringify(value)}: write a real calendar day as YYYY-MM-DD`, {
      extensions: { code: "BAD_USER_INPUT" },
    });
  }
  return value;
}

builder.scalarType("Date", {
  description: "A calendar day, `YYYY-MM-DD`.",
  serialize: (value) => (value instanceof Date ? dayOf(value) : String(value)),
  parseValue: parseDate,
  parseLiteral: (ast) => parseDate(ast.kind === Kind.STRING ? ast.value : undefined),
});

builder.scalarType("DateTime", {
  description: "An instant, ISO 8601 in UTC.",
  serialize: (value) => (value as Date).toISOString(),
  parseValue: (value) => {
    if (typeof value !== "string" || Number.isNaN(Date.parse(value)))
      throw new GraphQLError("Invalid DateTime", { extensions: { code: "BAD_USER_INPUT" } });
    return value;
  },
});

builder.scalarType("JSON", {
  description: "Any JSON value.",
  serialize: (value) => value,
  parseValue: (value) => value,
});
