import {
  DATABASE_UNAVAILABLE_MESSAGE,
  isDatabaseUnavailable,
  OutcomeUnknownError,
  type PrismaClient,
} from "@parley/db";
import type { SearchEngine } from "@parley/search";
import type { GraphQLError } from "graphql";
import { createGraphQLError, maskError, type Plugin, type YogaServerOptions } from "graphql-yoga";
import { replicaHealth } from "./replica.ts";

/** A request that needed the database while it was down: HTTP 503, code DATABASE_UNAVAILABLE. */
export function databaseUnavailable() {
  return createGraphQLError(DATABASE_UNAVAILABLE_MESSAGE, {
    extensions: { code: "DATABASE_UNAVAILABLE", http: { status: 503, headers: { "retry-after": "5" } } },
  });
}

/**
 * A write whose COMMIT was sent but whose outcome PostgreSQL could not tell in time: HTTP 503, code
 * OUTCOME_UNKNOWN, with the transaction's ID. Retrying with the same idempotency key is safe.
 */
function outcomeUnknown(error: OutcomeUnknownError, path: GraphQLError["path"]) {
  return createGraphQLError(error.message, {
    path,
    extensions: {
      code: "OUTCOME_UNKNOWN",
      transactionId: error.transactionId,
      http: { status: 503, headers: { "retry-after": "5" } },
    },
  });
}

/** Yoga's error masking, except that a lost database, or a write's unknown outcome, is said plainly (and not as a 500). */
export const maskedErrors: NonNullable<Exclude<YogaServerOptions<object, object>["maskedErrors"], boolean>> = {
  maskError(error, message, isDev) {
    const original = (error as GraphQLError).originalError ?? error;
    if (original instanceof OutcomeUnknownError) return outcomeUnknown(original, (error as GraphQLError).path);
    return isDatabaseUnavailable(error) ? databaseUnavailable() : maskError(error, message, isDev);
  },
};

const HEALTH_TIMEOUT_MS = 2_000;

async function probe(db: PrismaClient): Promise<{ ok: true; ms: number } | { ok: false; error: string }> {
  const started = performance.now();
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>(
    (_, reject) =>
      (timer = setTimeout(() => reject(new Error(`no answer within ${HEALTH_TIMEOUT_MS} ms`)), HEALTH_TIMEOUT_MS)),
  );
  try {
    await Promise.race([db.$queryRawUnsafe("SELECT 1"), timeout]);
    return { ok: true, ms: Math.round(performance.now() - started) };
  } catch (error) {
    return { ok: false, error: isDatabaseUnavailable(error) ? "unreachable" : (error as Error).message };
  } finally {
    clearTimeout(timer);
  }
}

/**
 * `GET /health`: 200 `{ status: "ok", database: "up" }` while PostgreSQL answers, 503
 * `{ status: "unavailable", database: "down" }` while it does not. For load balancers and people.
 * With a replica, `replica` says whether it answers and how far it has replayed (the status is the primary's).
 */
export function healthEndpoint(db: PrismaClient, search: SearchEngine | undefined, replica?: PrismaClient): Plugin {
  return {
    async onRequest({ url, endResponse, fetchAPI }) {
      if (url.pathname !== "/health") return;
      const [database, replicaState] = await Promise.all([
        probe(db),
        replica ? replicaHealth(replica, HEALTH_TIMEOUT_MS) : undefined,
      ]);
      const index = search?.indexStats();
      const body = {
        status: database.ok ? "ok" : "unavailable",
        database: database.ok ? "up" : "down",
        ...(database.ok
          ? { databaseMs: database.ms }
          : { error: database.error, message: DATABASE_UNAVAILABLE_MESSAGE }),
        searchIndex: search ? (index ? { events: index.events } : "building") : "off",
        ...(replicaState ? { replica: replicaState } : {}),
      };
      endResponse(
        new fetchAPI.Response(JSON.stringify(body), {
          status: database.ok ? 200 : 503,
          headers: { "content-type": "application/json", "cache-control": "no-store" },
        }),
      );
    },
  };
}
