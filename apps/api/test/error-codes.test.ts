import { createHash } from "node:crypto";
import { mkdtempSync, readdirSync, readFileSync, statSync, writeFileSync } from "node:fs";
import { createServer as createHttpServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { tmpdir } from "node:os";
import path from "node:path";
import { createPrismaClient, withDatabase } from "@parley/db";
import { defined } from "@parley/schema";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { ApiEnv } from "../src/env.ts";
import { ERROR_CODES, type ErrorCode } from "../src/http/error-codes.ts";
import { createServer } from "../src/server.ts";
import { type CommitFaults, installCommitFaults } from "./commit-faults.ts";
import { useApi } from "./harness.ts";

const api = useApi();
const unreachable = createPrismaClient(withDatabase("postgresql://postgres@127.0.0.1:1/postgres", "parley"));
let broken: typeof unreachable;
const servers: Server[] = [];
let base: string;
let strict: string;
let limited: string;
let down: string;
let failing: string;
let held: typeof unreachable;
let holding: string;
let faults: CommitFaults;
let editor: Record<string, string>;

async function serve(options: { db?: typeof unreachable; env?: Partial<ApiEnv> } = {}): Promise<string> {
  const server = createHttpServer(createServer({ db: options.db ?? api.t.db, search: api.search, env: options.env }));
  servers.push(server);
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  return `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
}

beforeAll(async () => {
  base = await serve();
  strict = await serve({ env: { PARLEY_READ_ACCESS: "token", PARLEY_MAX_BODY_BYTES: 2_000 } });
  limited = await serve({ env: { PARLEY_RATE_LIMIT: 1, PARLEY_RATE_LIMIT_EXEMPT: [] } });
  down = await serve({ db: unreachable });
  // A server that answers, asked for a database it does not have: a failure that is nobody's input.
  broken = createPrismaClient(withDatabase(api.t.url, "parley_no_such_database"));
  failing = await serve({ db: broken });
  // PostgreSQL holds this event's COMMIT for 3 s (then fails it), and the API's only connection is
  // the one committing: it cannot ask whether the write committed before its 300 ms are up.
  faults = await installCommitFaults(api.t.url);
  await faults.arm("Held at COMMIT", { sleepSeconds: 3 });
  held = createPrismaClient(api.t.url, { max: 1 });
  holding = await serve({ db: held, env: { PARLEY_COMMIT_TIMEOUT_MS: 200, PARLEY_OUTCOME_TIMEOUT_MS: 300 } });
  editor = await api.as("EDITOR");
});
afterAll(async () => {
  await Promise.all(servers.map((s) => new Promise((resolve) => s.close(resolve))));
  await faults.settled();
  await Promise.all([unreachable.$disconnect(), broken.$disconnect(), held.$disconnect(), faults.close()]);
});

const json = { "content-type": "application/json" };
const post = (url: string, body: unknown, headers: Record<string, string> = {}) =>
  fetch(`${url}/graphql`, {
    method: "POST",
    headers: { ...json, ...headers },
    body: typeof body === "string" ? body : JSON.stringify(body),
  });
const get = (url: string, query: string) => fetch(`${url}/graphql?query=${encodeURIComponent(query)}`);

const nested = (levels: number): string =>
  levels === 0
    ? "name"
    : `events(first: 1) { edges { node { event { participants { actor { ${nested(levels - 1)} } } } } } }`;

/** One request that must be answered with each code. */
const CATALOG: Record<ErrorCode, () => Promise<Response>> = {
  BAD_REQUEST: () => post(base, "{not json"),
  PAYLOAD_TOO_LARGE: () => post(strict, { query: "{ __typename }", variables: { pad: "x".repeat(3_000) } }),
  METHOD_NOT_ALLOWED: () => get(base, `mutation { deleteEvent(input: { id: "x", version: 1 }) { __typename } }`),
  GRAPHQL_PARSE_FAILED: () => post(base, { query: "{ events(" }),
  GRAPHQL_VALIDATION_FAILED: () => post(base, { query: "{ eventz { totalCount } }" }),
  BAD_USER_INPUT: () => post(base, { query: "{ events(first: 1000) { totalCount } }" }),
  QUERY_TOO_DEEP: () => post(base, { query: `{ actors(first: 1) { edges { node { ${nested(4)} } } } }` }),
  QUERY_TOO_BROAD: () =>
    post(base, { query: `{ ${Array.from({ length: 400 }, (_, i) => `a${i}: __typename`).join(" ")} }` }),
  QUERY_TOO_COMPLEX: () =>
    post(base, {
      query: `{ events(first: 100) { edges { node { participants { actor { events(first: 100) { edges { node { role } } } } } } } } }`,
    }),
  PERSISTED_QUERY_NOT_FOUND: () =>
    post(base, { extensions: { persistedQuery: { version: 1, sha256Hash: "0".repeat(64) } } }),
  PERSISTED_QUERY_MISMATCH: () =>
    post(base, {
      query: "{ __typename }",
      extensions: { persistedQuery: { version: 1, sha256Hash: createHash("sha256").update("x").digest("hex") } },
    }),
  DOCUMENT_NOT_TRUSTED: async () => {
    const file = path.join(mkdtempSync(path.join(tmpdir(), "parley-docs-")), "documents.json");
    writeFileSync(
      file,
      JSON.stringify({ [createHash("sha256").update("{ viewer { role } }").digest("hex")]: "{ viewer { role } }" }),
    );
    const trusted = await serve({ env: { PARLEY_DOCUMENTS: "trusted", PARLEY_TRUSTED_DOCUMENTS: file } });
    return post(trusted, { query: "{ __typename }" });
  },
  UNAUTHENTICATED: () => post(strict, { query: "{ __typename }" }),
  FORBIDDEN: () => post(base, { query: `{ candidates { totalCount } }` }),
  RATE_LIMITED: async () => {
    await post(limited, { query: "{ __typename }" });
    return post(limited, { query: "{ __typename }" });
  },
  DATABASE_UNAVAILABLE: () => post(down, { query: "{ events(first: 1) { totalCount } }" }),
  OUTCOME_UNKNOWN: () =>
    post(
      holding,
      {
        query: `mutation { createEvent(input: { type: STATEMENT, title: "Held at COMMIT", startDate: "2025-01-01" }) { __typename } }`,
      },
      editor,
    ),
  INTERNAL_SERVER_ERROR: () => post(failing, { query: "{ events(first: 1) { totalCount } }" }),
};

describe("error codes", () => {
  for (const [code, request] of Object.entries(CATALOG)) {
    it(`answers ${code} with its documented HTTP status`, async () => {
      const res = await request();
      const body = (await res.json()) as { errors?: { extensions?: { code?: string } }[] };
      expect(body.errors?.map((e) => e.extensions?.code)).toEqual([code]);
      // Parse and validation failures are 200 for clients that accept only application/json (GraphQL over HTTP).
      const expected = ERROR_CODES[code as ErrorCode].http;
      expect(res.status).toBe(code.startsWith("GRAPHQL_") ? 200 : expected);
    });
  }

  it("answers parse and validation failures with 400 to clients that accept application/graphql-response+json", async () => {
    const accept = { accept: "application/graphql-response+json" };
    expect((await post(base, { query: "{ events(" }, accept)).status).toBe(400);
    expect((await post(base, { query: "{ eventz }" }, accept)).status).toBe(400);
  });

  it("documents every code, with its HTTP status, in the GraphQL guide", () => {
    const guide = readFileSync(path.join(import.meta.dirname, "..", "..", "..", "docs", "graphql.md"), "utf8");
    for (const [code, { http }] of Object.entries(ERROR_CODES)) {
      expect(guide, code).toMatch(new RegExp(`^\\| \`${code}\` \\| ${http}\\b`, "m"));
    }
  });

  it("has no code in the source that the list leaves out", () => {
    const files = (dir: string): string[] =>
      readdirSync(dir).flatMap((name) => {
        const full = path.join(dir, name);
        return statSync(full).isDirectory()
          ? name === "node_modules" || name === "generated"
            ? []
            : files(full)
          : full.endsWith(".ts")
            ? [full]
            : [];
      });
    const used = new Set(
      files(path.join(import.meta.dirname, "..", "src")).flatMap((file) =>
        [...readFileSync(file, "utf8").matchAll(/\bcode: "([A-Z_]+)"/g)].map((m) => defined(m[1], "m[1]")),
      ),
    );
    expect([...used].filter((code) => !(code in ERROR_CODES))).toEqual([]);
  });
});
