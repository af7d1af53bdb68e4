import * as crypto from "node:crypto";
import { createPrismaClient, hashSecret, revokeApiToken, withDatabase } from "@parley/db";
import { defined } from "@parley/schema";
import {
  type GraphQLArgument,
  type GraphQLInputType,
  getNamedType,
  isEnumType,
  isInputObjectType,
  isListType,
  isNonNullType,
  isScalarType,
} from "graphql";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { schema } from "../src/schema.ts";
import { createServer } from "../src/server.ts";
import { dataOf, useApi } from "./harness.ts";

// A spy that calls the real function: to see which comparison the token check makes.
vi.mock("node:crypto", async (importOriginal) => {
  const actual = await importOriginal<typeof import("node:crypto")>();
  return { ...actual, timingSafeEqual: vi.fn(actual.timingSafeEqual) };
});

const api = useApi();

/**
 * Every row of every table, as one checksum per table: "nothing was written" means these do not move.
 * The one exception is a token's `last_used_at`, which records that a token was presented (refused or
 * not, a reader token was used); everything else about the tokens is compared.
 */
async function databaseState() {
  const tables = await api.t.db.$queryRawUnsafe<{ name: string }[]>(
    `SELECT tablename AS name FROM pg_tables WHERE schemaname = 'public' AND tablename <> '_prisma_migrations' ORDER BY 1`,
  );
  const state: Record<string, string> = {};
  for (const { name } of tables) {
    const rows =
      name === "api_token"
        ? `(SELECT id, name, role, prefix, secret_hash, created_at, revoked_at FROM api_token)`
        : `"${name}"`;
    const [row] = await api.t.db.$queryRawUnsafe<{ sum: string | null; n: number }[]>(
      `SELECT count(*)::int AS n, md5(string_agg(t::text, '|' ORDER BY t::text)) AS sum FROM ${rows} t`,
    );
    const { n, sum } = defined(row, `the count of ${name}`);
    state[name] = `${n}:${sum}`;
  }
  return state;
}

/** A value of the right type for every required input field, so that each mutation gets past GraphQL's own checks. */
function placeholder(type: GraphQLInputType): unknown {
  if (isNonNullType(type)) return placeholder(type.ofType);
  if (isListType(type)) return [];
  if (isEnumType(type)) return defined(type.getValues()[0], "type.getValues()[0]").value;
  if (isInputObjectType(type)) {
    const fields = Object.values(type.getFields()).filter((f) => isNonNullType(f.type) && f.defaultValue === undefined);
    return Object.fromEntries(fields.map((f) => [f.name, placeholder(f.type)]));
  }
  if (isScalarType(type)) {
    return (
      (
        {
          Int: 1,
          Float: 1,
          Boolean: true,
          Date: "2022-01-01",
          DateTime: "2022-01-01T00:00:00Z",
          JSON: {},
          ID: "RXZlbnQ6MQ==",
        } as Record<string, unknown>
      )[type.name] ?? "x"
    );
  }
  throw new Error(`no placeholder for ${String(type)}`);
}

const mutations = Object.values(defined(schema.getMutationType(), "schema.getMutationType()").getFields()).map(
  (field) => {
    const args = field.args as readonly GraphQLArgument[];
    const required = args.filter((a) => isNonNullType(a.type));
    const vars = required.map((a) => `$${a.name}: ${String(a.type)}`).join(", ");
    const call = required.map((a) => `${a.name}: $${a.name}`).join(", ");
    return {
      name: field.name,
      document: `mutation${vars ? `(${vars})` : ""} { ${field.name}${call ? `(${call})` : ""} { __typename ... on Error { message } } }`,
      variables: Object.fromEntries(required.map((a) => [a.name, placeholder(a.type)])),
      returnsResultUnion: getNamedType(field.type).name.endsWith("Result"),
    };
  },
);

describe("refused writes change nothing", () => {
  let reader: Record<string, string>;
  let revoked: Record<string, string>;
  beforeAll(async () => {
    reader = await api.as("READER");
    revoked = await api.as("ADMIN", "about to be revoked");
    const tokenId = (await api.t.db.apiToken.findFirstOrThrow({ where: { name: "about to be revoked" } })).id;
    await revokeApiToken(api.t.db, tokenId, "tests");
  });

  it("answers every mutation with a ForbiddenError without a token, with a revoked admin token and with a reader token, and no table changes", async () => {
    expect(mutations.length).toBeGreaterThan(15);
    const before = await databaseState();
    const callers: [string, Record<string, string>][] = [
      ["no token", {}],
      ["revoked admin token", revoked],
      ["reader token", reader],
      ["malformed token", { authorization: "Bearer prly_' OR 1=1 --" }],
    ];
    for (const m of mutations) {
      expect(m.returnsResultUnion, m.name).toBe(true);
      for (const [who, headers] of callers) {
        const res = await api.gql<Record<string, { __typename: string }>>(m.document, m.variables, headers);
        expect(res.errors, `${m.name} (${who})`).toBeUndefined();
        expect(dataOf(res)[m.name]?.__typename, `${m.name} (${who})`).toBe("ForbiddenError");
      }
    }
    expect(await databaseState()).toEqual(before);
  });
});

describe("tokens in logs", () => {
  /** Everything the process writes while `run` runs: stdout, stderr and the console. */
  async function captureOutput(run: () => Promise<void>): Promise<string> {
    const chunks: string[] = [];
    const keep = (...args: unknown[]) =>
      void chunks.push(
        args
          .map((a) =>
            a instanceof Error
              ? `${a.stack} ${JSON.stringify(a)}`
              : typeof a === "string"
                ? a
                : (JSON.stringify(a) ?? String(a)),
          )
          .join(" "),
      );
    const restore = [
      vi.spyOn(process.stdout, "write").mockImplementation((c: unknown) => {
        keep(String(c));
        return true;
      }),
      vi.spyOn(process.stderr, "write").mockImplementation((c: unknown) => {
        keep(String(c));
        return true;
      }),
      ...(["log", "info", "warn", "error", "debug", "trace"] as const).map((level) =>
        vi.spyOn(console, level).mockImplementation(keep),
      ),
    ];
    try {
      await run();
    } finally {
      for (const spy of restore) spy.mockRestore();
    }
    return chunks.join("\n");
  }

  const broken = createPrismaClient(withDatabase("postgresql://postgres@127.0.0.1:1/postgres", "parley_unreachable"));
  afterAll(() => broken.$disconnect());

  it("never writes a token to the server's output, on success, refusal or unexpected error", async () => {
    const editor = await api.as("EDITOR");
    const secret = defined(editor.authorization, "editor.authorization").slice("Bearer ".length);
    const withoutSearch = createServer({ db: api.t.db }); // searchEvents fails there: an unexpected error
    const unreachable = createServer({ db: broken }); // the token check itself fails
    const send = (yoga: ReturnType<typeof createServer>, body: string, headers: Record<string, string> = editor) =>
      Promise.resolve(
        yoga.fetch("http://yoga/graphql", {
          method: "POST",
          headers: { "content-type": "application/json", ...headers },
          body,
        }),
      ).then((r) => r.text());
    const yoga = createServer({ db: api.t.db, search: api.search });
    const bodies: string[] = [];
    const output = await captureOutput(async () => {
      bodies.push(
        await send(
          yoga,
          JSON.stringify({
            query: `mutation { createEvent(input: { type: OTHER, title: "Logged?", startDate: "2022-01-01" }) { __typename } }`,
          }),
        ),
      );
      bodies.push(
        await send(
          yoga,
          JSON.stringify({
            query: `mutation { deleteActor(input: { id: "QWN0b3I6MQ==", version: 1 }) { __typename ... on Error { message } } }`,
          }),
        ),
      );
      bodies.push(
        await send(yoga, JSON.stringify({ query: `{ viewer { name } }` }), { authorization: `Basic ${secret}` }),
      );
      bodies.push(
        await send(yoga, JSON.stringify({ query: `{ viewer { name } }` }), { authorization: `Bearer ${secret}x` }),
      );
      bodies.push(await send(yoga, '{"query": "{ broken'));
      bodies.push(
        await send(withoutSearch, JSON.stringify({ query: `{ searchEvents(query: "ttp") { totalCount } }` })),
      );
      bodies.push(await send(unreachable, JSON.stringify({ query: `{ viewer { name } }` })));
    });
    expect(bodies.join("\n")).toContain("Unexpected error.");
    expect(output).toMatch(/No search engine is attached/); // the unexpected errors were logged: the capture works
    expect(output).not.toContain(secret);
    expect(output).not.toContain(secret.slice(5, 25));
    expect(bodies.join("\n")).not.toContain(secret.slice(5, 25));
  });
});

describe("comparing tokens", () => {
  it("looks a token up by its SHA-256 hash only, and compares equal-length digests with crypto.timingSafeEqual", async () => {
    const headers = await api.as("EDITOR");
    const secret = defined(headers.authorization, "headers.authorization").slice("Bearer ".length);
    const compare = vi.mocked(crypto.timingSafeEqual);
    compare.mockClear();
    api.resetQueries();
    const res = await api.gql<{ viewer: { role: string } }>(`{ viewer { role } }`, {}, headers);
    expect(dataOf(res).viewer.role).toBe("EDITOR");
    expect(compare).toHaveBeenCalledTimes(1);
    const [a, b] = defined(compare.mock.calls[0], "compare.mock.calls[0]") as [Buffer, Buffer];
    expect(a.length).toBe(32);
    expect(b.length).toBe(32);
    expect(Buffer.from(b).toString("hex")).toBe(hashSecret(secret));
    expect(api.queryParams.join("\n")).toContain(hashSecret(secret));
    expect(api.queryParams.join("\n")).not.toContain(secret.slice(5));
  });

  it("answers a token of any length without comparing buffers of different lengths", async () => {
    const compare = vi.mocked(crypto.timingSafeEqual);
    compare.mockClear();
    for (const token of ["prly_", "prly_x", `prly_${"x".repeat(150)}`, `prly_${"x".repeat(5_000)}`]) {
      const res = await api.gql(`{ viewer { role } }`, {}, { authorization: `Bearer ${token}` });
      expect(dataOf(res).viewer).toBeNull();
    }
    for (const [a, b] of compare.mock.calls as [Buffer, Buffer][]) expect(a.length).toBe(b.length);
  });
});
