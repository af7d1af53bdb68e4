import type { CORSOptions } from "graphql-yoga";
import type { ApiEnv } from "../env.ts";

/** Headers a browser page may send: the token, idempotency keys, and what Apollo's and urql's links add. */
const ALLOWED_HEADERS = [
  "accept",
  "authorization",
  "content-type",
  "idempotency-key",
  "parley-lsn",
  "apollo-require-preflight",
  "apollographql-client-name",
  "apollographql-client-version",
  "x-apollo-operation-name",
];
/** Headers a page may read from an answer. */
const EXPOSED_HEADERS = [
  "etag",
  "parley-lsn",
  "ratelimit-limit",
  "ratelimit-remaining",
  "ratelimit-reset",
  "ratelimit-policy",
  "retry-after",
];

/**
 * Cross-origin reading from the origins configured (any, by default). Credentials (cookies, HTTP
 * auth) are never allowed: the API knows callers only by their bearer token, so a page on another
 * site cannot act with a visitor's ambient rights. Which pages may also write is `refusedWriteOrigin`'s.
 */
export function corsOptions(env: Pick<ApiEnv, "PARLEY_CORS_ORIGINS">): CORSOptions {
  return {
    origin: env.PARLEY_CORS_ORIGINS,
    credentials: false,
    methods: ["GET", "POST", "OPTIONS"],
    allowedHeaders: ALLOWED_HEADERS,
    exposedHeaders: EXPOSED_HEADERS,
    maxAge: 600,
  };
}

/**
 * The origin of a browser page that may not write, or null: requests without an Origin (scripts,
 * servers, the CLI), pages served by the API itself (GraphiQL) and origins in
 * PARLEY_CORS_WRITE_ORIGINS may.
 */
export function refusedWriteOrigin(request: Request, env: Pick<ApiEnv, "PARLEY_CORS_WRITE_ORIGINS">): string | null {
  const origin = request.headers.get("origin");
  if (!origin || origin === "null") return origin === "null" ? origin : null;
  if (env.PARLEY_CORS_WRITE_ORIGINS.includes(origin) || env.PARLEY_CORS_WRITE_ORIGINS.includes("*")) return null;
  try {
    return new URL(origin).host === request.headers.get("host") ? null : origin;
  } catch {
    return origin;
  }
}
