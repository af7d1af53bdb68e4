import { GraphQLError } from "graphql";
import type { Plugin } from "graphql-yoga";

/**
 * Every `extensions.code` the API answers with: one closed list, documented in docs/graphql.md
 * with an example each. HTTP is the status of the whole answer when the error is its only one.
 */
export const ERROR_CODES = {
  BAD_REQUEST: {
    http: 400,
    meaning:
      "The HTTP request is not a GraphQL request this server takes: no query, bad JSON, a bad Content-Length, a document or variables too big or too deeply nested.",
  },
  PAYLOAD_TOO_LARGE: {
    http: 413,
    meaning:
      "The request body is over PARLEY_MAX_BODY_BYTES (PARLEY_MAX_EDITOR_BODY_BYTES with an editor's or admin's token).",
  },
  METHOD_NOT_ALLOWED: {
    http: 405,
    meaning: "A mutation sent with GET (writes need POST), or a method the endpoint does not take.",
  },
  GRAPHQL_PARSE_FAILED: {
    http: 400,
    meaning: "The query text is not valid GraphQL syntax; `locations` points at the spot.",
  },
  GRAPHQL_VALIDATION_FAILED: {
    http: 400,
    meaning: "The query does not fit the schema: an unknown field or argument, a missing required one, a wrong type.",
  },
  BAD_USER_INPUT: {
    http: 200,
    meaning:
      "An argument or variable has a value the field refuses, or an idempotency key was sent again with other input; `extensions.argument` names it.",
  },
  QUERY_TOO_DEEP: { http: 400, meaning: "The query nests deeper than the limit; nothing ran." },
  QUERY_TOO_BROAD: { http: 400, meaning: "The query selects more fields than the limit; nothing ran." },
  QUERY_TOO_COMPLEX: {
    http: 400,
    meaning: "The query's cost is over the limit (`extensions.cost`, `extensions.limit`); nothing ran.",
  },
  PERSISTED_QUERY_NOT_FOUND: {
    http: 200,
    meaning: "Automatic persisted queries: the server does not know this hash yet; send the query text with it.",
  },
  PERSISTED_QUERY_MISMATCH: { http: 200, meaning: "The query text sent does not have the SHA-256 hash sent with it." },
  DOCUMENT_NOT_TRUSTED: {
    http: 403,
    meaning: "The server runs with PARLEY_DOCUMENTS=trusted and this document is not one of its trusted documents.",
  },
  UNAUTHENTICATED: {
    http: 401,
    meaning:
      "The server needs a token for reading (PARLEY_READ_ACCESS=token) and the request has no live one; `extensions.reason` says why.",
  },
  FORBIDDEN: {
    http: 200,
    meaning:
      "The token may not read this field's value (`extensions.reason`, `extensions.neededRole`); the rest of the answer stands.",
  },
  RATE_LIMITED: {
    http: 429,
    meaning: "Too many requests this minute; `Retry-After` and `extensions.retryAfter` say when to try again.",
  },
  DATABASE_UNAVAILABLE: {
    http: 503,
    meaning: "PostgreSQL did not answer; nothing was written. Retry after `Retry-After` seconds.",
  },
  OUTCOME_UNKNOWN: {
    http: 503,
    meaning:
      "A write's COMMIT was sent, the connection was lost, and PostgreSQL could not be asked in time whether it committed (`extensions.transactionId`). Retry with the same idempotency key.",
  },
  INTERNAL_SERVER_ERROR: {
    http: 200,
    meaning:
      "An unexpected failure in a field; its details are in the server's log, not in the answer, and the rest of the answer stands.",
  },
} as const;

export type ErrorCode = keyof typeof ERROR_CODES;

/** The code an error that came without one should carry, by what raised it. */
function codeFor(error: GraphQLError): ErrorCode {
  const status = (error.extensions?.http as { status?: number } | undefined)?.status;
  if (error.message.startsWith("Syntax Error")) return "GRAPHQL_PARSE_FAILED";
  if (error.message.startsWith('Variable "$')) return "BAD_USER_INPUT";
  if (status === 405) return "METHOD_NOT_ALLOWED";
  if (status === 400 || status === 415) return "BAD_REQUEST";
  if (error.nodes?.length && error.path === undefined) return "GRAPHQL_VALIDATION_FAILED";
  return "INTERNAL_SERVER_ERROR";
}

/** Gives every error of an answer a code from ERROR_CODES: graphql-js and Yoga raise some without one. */
export function codedErrors(): Plugin {
  return {
    onResultProcess({ result, setResult }) {
      if (Array.isArray(result) || !("errors" in result) || !result.errors?.length) return;
      const fine = (e: unknown) => {
        const extensions = (e as GraphQLError).extensions;
        return extensions?.code && (extensions.http as { status?: number } | undefined)?.status !== 405;
      };
      if (result.errors.every(fine)) return;
      const errors = result.errors.map((e) => {
        const error = e instanceof GraphQLError ? e : new GraphQLError((e as Error).message);
        if (fine(error)) return error;
        return new GraphQLError(error.message, {
          nodes: error.nodes,
          source: error.source,
          positions: error.positions,
          path: error.path,
          originalError: error.originalError,
          extensions: { ...error.extensions, code: codeFor(error) },
        });
      });
      setResult({ ...result, errors });
    },
  };
}
