import { revokeApiToken, type TokenProblem } from "@parley/db";
import type { TokenRole } from "@parley/schema";
import { encodeGlobalID } from "@pothos/plugin-relay";
import {
  type GraphQLField,
  type GraphQLObjectType,
  type GraphQLResolveInfo,
  getNamedType,
  isAbstractType,
  isObjectType,
} from "graphql";
import { beforeAll, describe, expect, it } from "vitest";
import type { Context } from "../src/context.ts";
import { readRuleOf } from "../src/modules/auth/read-rules.ts";
import { schema } from "../src/schema.ts";
import { dataOf, useApi } from "./harness.ts";

const api = useApi();

type Caller = { name: string; role: TokenRole | null; problem: TokenProblem | null };
const CALLERS: Caller[] = [
  { name: "anonymous", role: null, problem: null },
  { name: "unknown token", role: null, problem: "TOKEN_UNKNOWN" },
  { name: "revoked admin token", role: null, problem: "TOKEN_REVOKED" },
  { name: "reader", role: "READER", problem: null },
  { name: "editor", role: "EDITOR", problem: null },
  { name: "admin", role: "ADMIN", problem: null },
];
const RANK: Record<TokenRole, number> = { READER: 0, EDITOR: 1, ADMIN: 2 };

/** The reason a caller must be refused a type needing `needed`, or null when it may read it. */
function expectedRefusal(caller: Caller, needed: TokenRole | undefined): string | null {
  if (!needed) return null;
  if (caller.problem) return caller.problem;
  if (!caller.role) return "TOKEN_MISSING";
  return RANK[caller.role] >= RANK[needed] ? null : "ROLE_TOO_LOW";
}

const objectTypes = Object.values(schema.getTypeMap())
  .filter(isObjectType)
  .filter((t) => !t.name.startsWith("__"));
const node = schema.getType("Node");
const nodeTypes = objectTypes.filter((t) => t.getInterfaces().some((i) => i.name === node?.name));
const restricted = objectTypes.filter((t) => readRuleOf(t));

/** Every field, on any type, whose value is (or may be, through an interface or union) a restricted object. */
const reaching = objectTypes.flatMap((parent) =>
  Object.values(parent.getFields())
    .filter((field) => {
      const type = getNamedType(field.type);
      if (isObjectType(type)) return readRuleOf(type) !== null;
      return isAbstractType(type) && schema.getPossibleTypes(type).some((t) => readRuleOf(t));
    })
    .map((field) => ({ parent, field })),
);

let headers: Record<string, Record<string, string>>;
let ids: Record<string, string>;

beforeAll(async () => {
  const revoked = await api.as("ADMIN", "revoked in read-rules");
  await revokeApiToken(
    api.t.db,
    (await api.t.db.apiToken.findFirstOrThrow({ where: { name: "revoked in read-rules" } })).id,
    "tests",
  );
  headers = {
    anonymous: {},
    "unknown token": { authorization: "Bearer prly_never-issued-by-this-server" },
    "revoked admin token": revoked,
    reader: await api.as("READER"),
    editor: await api.as("EDITOR"),
    admin: await api.as("ADMIN"),
  };
  const source = await api.t.db.source.findFirstOrThrow();
  const payload = {
    type: "NEGOTIATION",
    date: null,
    precision: null,
    endDate: null,
    place: null,
    actors: [{ actorId: null, text: "the envoys", name: "Unreviewed envoys", kind: "PERSON" }],
    quote: "unreviewed",
  };
  const candidate = await api.t.db.candidate.create({ data: { sourceId: source.id, kind: "EVENT", payload } });
  const db = api.t.db;
  const first = async (model: { findFirstOrThrow(a: object): Promise<{ id: number }> }) =>
    (await model.findFirstOrThrow({ orderBy: { id: "asc" } })).id;
  const rows: Record<string, number> = {
    Actor: await first(db.actor),
    Alias: await first(db.actorAlias),
    Candidate: candidate.id,
    Claim: await first(db.claim),
    Event: await first(db.event),
    Place: await first(db.place),
    Position: await first(db.position),
    Process: await first(db.process),
    Source: source.id,
  };
  ids = Object.fromEntries(Object.entries(rows).map(([type, id]) => [type, encodeGlobalID(type, id)]));
});

describe("read rules live with the type", () => {
  it("restricts candidates, and the payload types that hold what they propose, to editors and admins, and knows a record of every node type", () => {
    expect(restricted.map((t) => [t.name, readRuleOf(t)?.role]).sort()).toEqual(
      [
        "ActorCandidatePayload",
        "Candidate",
        "CandidateActor",
        "CandidatePlace",
        "CitationCandidatePayload",
        "EventCandidatePayload",
      ].map((name) => [name, "EDITOR"]),
    );
    expect(nodeTypes.map((t) => t.name).sort()).toEqual(Object.keys(ids).sort());
  });

  for (const caller of CALLERS) {
    it(`answers node(id) and nodes(ids) for every node type as the type's rule says, for ${caller.name}`, async () => {
      for (const type of nodeTypes) {
        const want = expectedRefusal(caller, readRuleOf(type)?.role);
        const one = await api.gql(
          `query ($id: ID!) { node(id: $id) { __typename id } }`,
          { id: ids[type.name] },
          headers[caller.name],
        );
        const many = await api.gql<{ nodes: { __typename: string }[] }>(
          `query ($ids: [ID!]!) { nodes(ids: $ids) { __typename id } }`,
          { ids: [ids.Event, ids[type.name]] },
          headers[caller.name],
        );
        if (want === null) {
          expect(one, type.name).toMatchObject({ data: { node: { __typename: type.name, id: ids[type.name] } } });
          expect(one.errors, type.name).toBeUndefined();
          expect(
            dataOf(many).nodes.map((n) => n.__typename),
            type.name,
          ).toEqual(["Event", type.name]);
        } else {
          expect(dataOf(one).node, type.name).toBeNull();
          expect(
            one.errors?.map((e) => [e.path, e.extensions?.code, e.extensions?.reason]),
            type.name,
          ).toEqual([[["node"], "FORBIDDEN", want]]);
          // The refused item is null with its own error; the one before it still answers.
          expect(dataOf(many).nodes, type.name).toEqual([{ __typename: "Event", id: ids.Event }, null]);
          expect(
            many.errors?.map((e) => [e.path, e.extensions?.reason]),
            type.name,
          ).toEqual([[["nodes", 1], want]]);
        }
      }
    });
  }

  it("walks every field that can return a restricted type and finds each one guarded", async () => {
    const names = reaching.map(({ parent, field }) => `${parent.name}.${field.name}`).sort();
    // A new path to a candidate shows up here, and is checked below like the others.
    expect(names).toEqual([
      "AcceptCandidateSuccess.candidate",
      "Candidate.payload",
      "CandidateEdge.node",
      "EventCandidatePayload.actors",
      "EventCandidatePayload.place",
      "MergeCandidateSuccess.candidate",
      "Query.node",
      "Query.nodes",
      "RejectCandidateSuccess.candidate",
      "SourceCandidateEdge.node",
      "UpdateCandidateSuccess.candidate",
    ]);
    const concrete = [
      ...reaching.filter(({ field }) => isObjectType(getNamedType(field.type))),
      ...restricted.flatMap((t) => Object.values(t.getFields()).map((field) => ({ parent: t, field }))),
    ];
    for (const { parent, field } of concrete) {
      const rule = readRuleOf(getNamedType(field.type) as GraphQLObjectType) ?? readRuleOf(parent);
      for (const caller of CALLERS) {
        const want = expectedRefusal(caller, rule?.role);
        if (want === null) continue;
        const outcome = await runResolver(field, caller);
        expect(outcome, `${parent.name}.${field.name} for ${caller.name}`).toEqual({
          code: "FORBIDDEN",
          reason: want,
          reachedResolver: false,
        });
      }
    }
  });

  it("guards the candidates list, its count and each mutation's candidate as the type's rule says", async () => {
    const list = `{ candidates(first: 5) { totalCount edges { node { id payload { ... on EventCandidatePayload { quote actors { name } } } } } } }`;
    for (const caller of CALLERS) {
      const want = expectedRefusal(caller, "EDITOR");
      const res = await api.gql<{ candidates: { edges: { node: { payload: unknown } }[] } }>(
        list,
        {},
        headers[caller.name],
      );
      if (want === null) {
        expect(
          dataOf(res).candidates.edges.map((e) => e.node.payload),
          caller.name,
        ).toContainEqual({ quote: "unreviewed", actors: [{ name: "Unreviewed envoys" }] });
      } else {
        expect(res.data, caller.name).toBeNull();
        expect(new Set(res.errors?.map((e) => e.extensions?.reason)), caller.name).toEqual(new Set([want]));
      }
    }
  });
});

/**
 * Calls a field's resolver as the server would for this caller, with an underlying resolver that must
 * never be reached when the caller is refused: nothing is loaded for someone who may not read it.
 */
async function runResolver(field: GraphQLField<unknown, Context>, caller: Caller) {
  const ctx: Context = {
    db: new Proxy({} as Context["db"], {
      get: () => {
        throw new Error("the database was asked");
      },
    }),
    search: null,
    viewer: caller.role ? { tokenId: 0, role: caller.role, name: caller.name } : null,
    tokenProblem: caller.problem,
    refusedOrigin: null,
    idempotencyKey: null,
    commit: {},
  };
  let reachedResolver = false;
  const source = new Proxy(
    {},
    {
      get: () => {
        reachedResolver = true;
        return undefined;
      },
    },
  );
  try {
    await field.resolve?.(source, {}, ctx, { fieldName: field.name, schema } as unknown as GraphQLResolveInfo);
    return { code: null, reason: null, reachedResolver };
  } catch (error) {
    const extensions = (error as { extensions?: Record<string, unknown> }).extensions ?? {};
    return { code: extensions.code ?? String(error), reason: extensions.reason ?? null, reachedResolver };
  }
}
