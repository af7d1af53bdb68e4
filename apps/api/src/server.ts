import { useGraphQlJit } from "@envelop/graphql-jit";
import { createYoga, type Plugin } from "graphql-yoga";
import { verifyApiToken, type PrismaClient } from "@parley/db";
import type { SearchEngine } from "@parley/search";
import type { Context, Viewer } from "./context.ts";
import { apiEnv, type ApiEnv } from "./env.ts";
import { schema } from "./schema.ts";

export interface ServerOptions {
  db: PrismaClient;
  /** Answers searchEvents and searchActors; without one those fields fail. */
  search?: SearchEngine;
  env?: Partial<ApiEnv>;
}

async function viewerFrom(request: Request, db: PrismaClient): Promise<Viewer | null> {
  const header = request.headers.get("authorization");
  if (!header) return null;
  const match = /^Bearer\s+(\S+)$/i.exec(header);
  const token = match ? await verifyApiToken(db, match[1]!) : null;
  return token ? { tokenId: token.id, role: token.role, name: token.name } : null;
}

/** Refuses request bodies over the limit before they are parsed. */
function bodyLimit(maxBytes: number): Plugin {
  return {
    async onRequest({ request, endResponse, fetchAPI }) {
      const declared = Number(request.headers.get("content-length") ?? 0);
      if (declared > maxBytes) {
        endResponse(
          new fetchAPI.Response(JSON.stringify({ errors: [{ message: `Request body is ${declared} bytes; the limit is ${maxBytes}.`, extensions: { code: "PAYLOAD_TOO_LARGE" } }] }), {
            status: 413,
            headers: { "content-type": "application/json" },
          }),
        );
      }
    },
  };
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
    // Queries are compiled to JavaScript once and cached: large results (facets) cost less to execute.
    plugins: [bodyLimit(env.PARLEY_MAX_BODY_BYTES), useGraphQlJit()],
    context: async ({ request }) => ({ db, search: search ?? null, viewer: await viewerFrom(request, db) }),
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
