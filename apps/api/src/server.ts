import { useGraphQlJit } from "@envelop/graphql-jit";
import type { PrismaClient } from "@parley/db";
import type { SearchEngine } from "@parley/search";
import { getOperationAST, getVariableValues, Kind } from "graphql";
import { createYoga } from "graphql-yoga";
import type { Context } from "./context.ts";
import { type ApiEnv, apiEnv } from "./env.ts";
import { corsOptions, refusedWriteOrigin } from "./http/cors.ts";
import { costLimits } from "./http/cost.ts";
import { codedErrors } from "./http/error-codes.ts";
import { graphiqlAssets, renderGraphiQL } from "./http/graphiql.ts";
import { perDocument } from "./http/per-document.ts";
import { persistedDocuments, readManifest } from "./http/persisted.ts";
import { rateLimit } from "./http/rate-limit.ts";
import { httpAnswers } from "./http/responses.ts";
import { readAccess } from "./modules/auth/access.ts";
import { credentialsFrom, mayWrite } from "./modules/auth/viewer.ts";
import { exportRoute } from "./modules/export/export.route.ts";
import { healthEndpoint, maskedErrors } from "./modules/shared/availability.ts";
import { documentLimits } from "./modules/shared/document-limits.ts";
import { bodyLimit } from "./modules/shared/limits.ts";
import { type ReplicaOptions, replicaReads } from "./modules/shared/replica.ts";
import { schema } from "./schema.ts";

export interface ServerOptions {
  db: PrismaClient;
  /** Answers searchEvents and searchActors; without one those fields fail. */
  search?: SearchEngine;
  env?: Partial<ApiEnv>;
  /** A streaming replica of `db` that queries read (the search engine should follow it too): see replica.ts. */
  replica?: ReplicaOptions;
}

/** The Parley GraphQL server as a fetch handler: `yoga.fetch(request)`, or a node:http listener. */
export function createServer({ db, search, env: overrides = {}, replica }: ServerOptions) {
  const env = { ...apiEnv(), ...overrides };
  const manifest = env.PARLEY_TRUSTED_DOCUMENTS ? readManifest(env.PARLEY_TRUSTED_DOCUMENTS) : {};
  if (env.PARLEY_DOCUMENTS === "trusted" && !env.PARLEY_TRUSTED_DOCUMENTS)
    throw new Error("PARLEY_DOCUMENTS=trusted needs PARLEY_TRUSTED_DOCUMENTS, the file of trusted documents");
  // A write whose COMMIT answer is lost waits to learn its outcome; operators see each such loss in the log.
  const commit = {
    commitTimeoutMs: env.PARLEY_COMMIT_TIMEOUT_MS,
    outcomeTimeoutMs: env.PARLEY_OUTCOME_TIMEOUT_MS,
    onLostCommit: (transactionId: string, outcome: string) =>
      yoga.logger.warn(
        `The answer to COMMIT of transaction ${transactionId} was lost; its outcome: ${outcome === "unknown" ? "unknown (PostgreSQL could not be asked in time)" : outcome}`,
      ),
  };
  const yoga = createYoga<Record<string, unknown>, Context>({
    schema,
    graphqlEndpoint: "/graphql",
    landingPage: false,
    // bodyLimit (below) enforces PARLEY_MAX_BODY_BYTES without re-streaming every body.
    maxRequestBodySize: false,
    graphiql: { title: "Parley GraphQL", defaultQuery: DEFAULT_QUERY },
    renderGraphiQL,
    cors: corsOptions(env),
    maskedErrors,
    // Yoga's own check answers 200 while the process runs; /health also asks the database.
    healthCheckEndpoint: "/live",
    plugins: [
      ...(replica ? [replicaReads(db, replica)] : []),
      httpAnswers({ maxAge: env.PARLEY_CACHE_MAX_AGE }),
      healthEndpoint(db, search, replica?.db),
      graphiqlAssets(),
      rateLimit(env),
      bodyLimit(env.PARLEY_MAX_BODY_BYTES, {
        maxBytes: env.PARLEY_MAX_EDITOR_BODY_BYTES,
        allowed: (request) => mayWrite(request, db),
      }),
      exportRoute({ db, search: search ?? null, readAccess: env.PARLEY_READ_ACCESS }),
      ...persistedDocuments(env.PARLEY_DOCUMENTS, manifest),
      documentLimits(),
      readAccess(env.PARLEY_READ_ACCESS),
      costLimits(schema),
      useGraphQlJit({}, { enableIf: (args) => searchOnly(args.document, args.operationName, args.variableValues) }),
      codedErrors(),
    ],
    context: async ({ request }) => ({
      db,
      search: search ?? null,
      refusedOrigin: refusedWriteOrigin(request, env),
      idempotencyKey: request.headers.get("idempotency-key"),
      commit,
      ...(await credentialsFrom(request, db)),
    }),
  });
  return yoga;
}

const SEARCH_FIELDS = new Set(["searchEvents", "searchActors", "__typename"]);

/**
 * Search queries (nothing but searchEvents and searchActors at the top) are compiled by graphql-jit,
 * once per query text, into JavaScript that resolves and serialises the result: a search page's
 * ~600 facet, histogram and edge fields then cost far less than through graphql-js. Other operations
 * stay with graphql-js, where the Prisma plugin merges nested relations into fewer statements. So do
 * queries whose variables are wrong: graphql-js reports them with our scalars' own messages. Decided
 * once per query and variables.
 */
const searchOnly = perDocument((document, operationName, variables): boolean => {
  const operation = getOperationAST(document, operationName);
  if (
    operation?.operation !== "query" ||
    !operation.selectionSet.selections.every((s) => s.kind === Kind.FIELD && SEARCH_FIELDS.has(s.name.value))
  )
    return false;
  return !getVariableValues(schema, operation.variableDefinitions ?? [], variables ?? {}).errors;
});

const DEFAULT_QUERY = `# Parley: events, actors and sources with provenance.
query RecentEvents {
  events(first: 5, orderBy: DATE_DESC) {
    totalCount
    edges {
      node {
        title
        type
        startDate
        datePrecision
        contested
        participants { role actor { name } }
        claims { quote stance source { title outlet { name } } }
      }
    }
  }
}
`;
