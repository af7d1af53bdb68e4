import { useCSRFPrevention } from "@graphql-yoga/plugin-csrf-prevention";
import { createYoga } from "graphql-yoga";
import type { PrismaClient } from "@parley/db";
import type { SearchEngine } from "@parley/search";
import type { Context } from "./context.ts";
import { apiEnv, type ApiEnv } from "./env.ts";
import { readAccess } from "./modules/auth/access.ts";
import { exportRoute } from "./modules/export/export.route.ts";
import { credentialsFrom } from "./modules/auth/viewer.ts";
import { healthEndpoint, maskedErrors } from "./modules/shared/availability.ts";
import { documentLimits } from "./modules/shared/document-limits.ts";
import { bodyLimit, CSRF_HEADER } from "./modules/shared/limits.ts";
import { schema } from "./schema.ts";

export interface ServerOptions {
  db: PrismaClient;
  /** Answers searchEvents and searchActors; without one those fields fail. */
  search?: SearchEngine;
  env?: Partial<ApiEnv>;
}

/** The Parley GraphQL server as a fetch handler: `yoga.fetch(request)`, or a node:http listener. */
export function createServer({ db, search, env: overrides = {} }: ServerOptions) {
  const env = { ...apiEnv(), ...overrides };
  return createYoga<Record<string, unknown>, Context>({
    schema,
    graphqlEndpoint: "/graphql",
    landingPage: false,
    graphiql: { title: "Parley GraphQL", defaultQuery: DEFAULT_QUERY },
    cors: { origin: env.PARLEY_CORS_ORIGINS.split(",").map((s) => s.trim()), credentials: false },
    // Browsers send GETs and form posts without a preflight; such requests need a custom header.
    maskedErrors,
    // Yoga's own check answers 200 while the process runs; /health also asks the database.
    healthCheckEndpoint: "/live",
    plugins: [
      healthEndpoint(db, search),
      bodyLimit(env.PARLEY_MAX_BODY_BYTES),
      exportRoute({ db, search: search ?? null, readAccess: env.PARLEY_READ_ACCESS }),
      useCSRFPrevention({ requestHeaders: [CSRF_HEADER] }),
      documentLimits(),
      readAccess(env.PARLEY_READ_ACCESS),
    ],
    context: async ({ request }) => ({ db, search: search ?? null, ...(await credentialsFrom(request, db)) }),
  });
}

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
