import { defined } from "@parley/schema";
import { encodeGlobalID } from "@pothos/plugin-relay";
import { beforeAll, describe, expect, it } from "vitest";
import { given, type MutationResult, mutate, resultAs } from "./given.ts";
import { dataOf, useApi } from "./harness.ts";

const api = useApi();
const the = given(api);
let editor: Record<string, string>;
let admin: Record<string, string>;

const ACTOR = "actor { id name kind description country externalIds version aliases aliasDetails { id name kind } }";
/** What ACTOR selects. */
interface ActorA {
  id: string;
  name: string;
  kind: string;
  description: string | null;
  country: string | null;
  externalIds: unknown;
  version: number;
  aliases: string[];
  aliasDetails: { id: string; name: string; kind: string }[];
}
type ActorResult = MutationResult<string, { actor: ActorA }>;
/** The actor a mutation answered with, or a failure showing the error that came instead. */
function actorOf(result: ActorResult): ActorA {
  if (!("actor" in result)) throw new Error(`expected the actor, got ${JSON.stringify(result)}`);
  return result.actor;
}
const actorMutation = (field: string, input: object, headers = editor) =>
  mutate<ActorResult>(
    api,
    headers,
    field,
    input,
    `... on ${defined(field[0], "field[0]").toUpperCase()}${field.slice(1)}Success { ${ACTOR} }`,
  );

beforeAll(async () => {
  editor = await api.as("EDITOR");
  admin = await api.as("ADMIN");
});

describe("creating and updating actors", () => {
  let id: string;

  it("creates an actor with its aliases", async () => {
    const result = await actorMutation("createActor", {
      name: "Jamaat-ul-Ahrar",
      kind: "ARMED_GROUP",
      country: "PK",
      externalIds: { wikidata: "Q17013402" },
      aliases: [
        { name: "JuA", kind: "ACRONYM" },
        { name: "Jamat ul Ahrar", kind: "TRANSLITERATION" },
      ],
    });
    expect(result.__typename).toBe("CreateActorSuccess");
    expect(actorOf(result)).toMatchObject({
      name: "Jamaat-ul-Ahrar",
      kind: "ARMED_GROUP",
      version: 1,
      aliases: ["JuA", "Jamat ul Ahrar"],
      externalIds: { wikidata: "Q17013402" },
    });
    id = actorOf(result).id;
  });

  it("refuses an alias that repeats a name, and a malformed country code", async () => {
    const result = await actorMutation("createActor", {
      name: "Lashkar-e-Islam",
      kind: "ARMED_GROUP",
      country: "Pakistan",
      aliases: [
        { name: "LeI", kind: "ACRONYM" },
        { name: "LEI", kind: "ACRONYM" },
      ],
    });
    expect(resultAs(result, "ValidationError").problems).toEqual([
      { field: "input.country", message: "must be an ISO 3166-1 alpha-2 code such as PK" },
      { field: "input.aliases[1].name", message: "repeats this name (as at index 0)" },
    ]);
    const own = await actorMutation("createActor", {
      name: "Lashkar-e-Islam",
      kind: "ARMED_GROUP",
      aliases: [{ name: "Lashkar e Islam", kind: "TRANSLITERATION" }],
    });
    expect(own).toMatchObject({
      __typename: "ValidationError",
      field: "input.aliases[0].name",
      message: "input.aliases[0].name: is the actor's own name",
    });
  });

  it("updates the fields given, replaces aliases when given, and refuses a stale version", async () => {
    const result = await actorMutation("updateActor", {
      id,
      version: 1,
      description: "A TTP splinter group.",
      aliases: [{ name: "JuA", kind: "ACRONYM" }],
    });
    expect(actorOf(result)).toMatchObject({
      version: 2,
      description: "A TTP splinter group.",
      aliases: ["JuA"],
      country: "PK",
    });
    const stale = await actorMutation("updateActor", { id, version: 1, country: null });
    expect(stale).toMatchObject({ __typename: "ConflictError", expectedVersion: 1, currentVersion: 2 });
    const revisions = await the.revisions("Actor", id);
    expect(revisions.map((r) => r.action)).toEqual(["CREATE", "UPDATE"]);
    expect(defined(revisions[1], "revisions[1]").changes).toEqual({
      description: [null, "A TTP splinter group."],
      aliases: [["ACRONYM:JuA", "TRANSLITERATION:Jamat ul Ahrar"], ["ACRONYM:JuA"]],
    });
  });
});

describe("aliases", () => {
  let actorId: string;
  let aliasId: string;
  beforeAll(async () => {
    actorId = actorOf(await actorMutation("createActor", { name: "Hafiz Gul Bahadur group", kind: "ARMED_GROUP" })).id;
  });

  it("adds an alias and bumps the actor's version", async () => {
    const result = await actorMutation("createAlias", { actorId, name: "Gul Bahadur faction", kind: "INFORMAL_NAME" });
    expect(actorOf(result)).toMatchObject({ version: 2, aliases: ["Gul Bahadur faction"] });
    aliasId = defined(actorOf(result).aliasDetails[0], "the alias added").id;
    const node = await api.gql(`query($id: ID!) { node(id: $id) { ... on Alias { name kind } } }`, { id: aliasId });
    expect(dataOf(node).node).toEqual({ name: "Gul Bahadur faction", kind: "INFORMAL_NAME" });
  });

  it("refuses a name the actor already has", async () => {
    const result = await actorMutation("createAlias", { actorId, name: "gul  bahadur FACTION", kind: "INFORMAL_NAME" });
    expect(result).toMatchObject({ __typename: "ValidationError", field: "input.name" });
  });

  it("changes and deletes an alias against the actor's version", async () => {
    const stale = await actorMutation("updateAlias", { id: aliasId, version: 1, kind: "SELF_STYLED" });
    expect(stale).toMatchObject({ __typename: "ConflictError", id: actorId, currentVersion: 2 });
    const changed = await actorMutation("updateAlias", { id: aliasId, version: 2, name: "Hafiz Gul Bahadur faction" });
    expect(actorOf(changed)).toMatchObject({
      version: 3,
      aliasDetails: [{ id: aliasId, name: "Hafiz Gul Bahadur faction", kind: "INFORMAL_NAME" }],
    });
    const restated = await actorMutation("updateAlias", {
      id: aliasId,
      version: 3,
      name: "Hafiz Gul Bahadur faction",
      kind: "INFORMAL_NAME",
    });
    expect(restated).toMatchObject({ __typename: "UpdateAliasSuccess", actor: { version: 3 } });
    const removed = await actorMutation("deleteAlias", { id: aliasId, version: 3 });
    expect(actorOf(removed)).toMatchObject({ version: 4, aliases: [] });
    expect(await actorMutation("deleteAlias", { id: aliasId, version: 4 })).toMatchObject({
      __typename: "NotFoundError",
      typename: "Alias",
    });
    const revisions = await the.revisions("Actor", actorId);
    expect(revisions.map((r) => [r.action, r.version])).toEqual([
      ["CREATE", 1],
      ["UPDATE", 2],
      ["UPDATE", 3],
      ["UPDATE", 4],
    ]);
  });

  it("answers an alias for an unknown actor with a NotFoundError", async () => {
    const missing = encodeGlobalID("Actor", 999999);
    expect(await actorMutation("createAlias", { actorId: missing, name: "Nobody", kind: "ACRONYM" })).toMatchObject({
      __typename: "NotFoundError",
      id: missing,
    });
  });
});

describe("merging actors", () => {
  it("keeps both names as aliases, moves references and resolves the old ID to the survivor", async () => {
    const survivor = await the.id("actor", "ttp");
    const duplicate = actorOf(
      await actorMutation("createActor", {
        name: "Tehreek-e-Taliban Pakistan (TTP)",
        kind: "ARMED_GROUP",
        aliases: [{ name: "Pakistani Taliban movement", kind: "INFORMAL_NAME" }],
      }),
    );
    const event = await the.id("event", "eid-truce-2022");
    const eventVersion = await the.version("event", event);
    await mutate(
      api,
      editor,
      "updateEvent",
      { id: event, version: eventVersion, participants: [{ actorId: duplicate.id, role: "PARTY" }] },
      "",
    );
    const version = await the.version("actor", survivor);

    const stale = await actorMutation(
      "mergeActors",
      { survivorId: survivor, mergedId: duplicate.id, survivorVersion: version + 5 },
      admin,
    );
    expect(stale).toMatchObject({ __typename: "ConflictError", expectedVersion: version + 5, currentVersion: version });

    const result = await actorMutation(
      "mergeActors",
      { survivorId: survivor, mergedId: duplicate.id, survivorVersion: version },
      admin,
    );
    expect(result.__typename).toBe("MergeActorsSuccess");
    expect(actorOf(result).version).toBe(version + 1);
    expect(actorOf(result).aliases).toEqual(
      expect.arrayContaining(["Tehreek-e-Taliban Pakistan (TTP)", "Pakistani Taliban movement", "TTP"]),
    );

    const old = await api.gql(`query($id: ID!) { actor(id: $id) { id name } }`, { id: duplicate.id });
    expect(dataOf(old).actor).toEqual({ id: survivor, name: "Tehrik-i-Taliban Pakistan" });
    const node = await api.gql(`query($id: ID!) { node(id: $id) { id ... on Actor { name } } }`, { id: duplicate.id });
    expect(dataOf(node).node).toEqual({ id: survivor, name: "Tehrik-i-Taliban Pakistan" });
    const participants = await api.gql<{ event: { participants: unknown[] } | null }>(
      `query($id: ID!) { event(id: $id) { participants { actor { id } } } }`,
      { id: event },
    );
    expect(defined(dataOf(participants).event, "the Eid truce").participants).toContainEqual({
      actor: { id: survivor },
    });
    const revisions = await the.revisions("Actor", survivor);
    expect(revisions.at(-1)).toMatchObject({
      action: "MERGE",
      author: expect.stringMatching(/^token:/),
      changes: expect.objectContaining({ aliasesAdded: expect.any(Array) }),
    });
    expect((await the.revisions("Actor", duplicate.id)).at(-1)).toMatchObject({ action: "MERGE" });

    // The merged ID keeps working in writes too: it stands for the survivor.
    const alias = await actorMutation("createAlias", {
      actorId: duplicate.id,
      name: "Tehreek Taliban",
      kind: "INFORMAL_NAME",
    });
    expect(actorOf(alias).id).toBe(survivor);
    expect(
      await actorMutation(
        "mergeActors",
        { survivorId: survivor, mergedId: duplicate.id, survivorVersion: version + 2 },
        admin,
      ),
    ).toMatchObject({
      __typename: "ValidationError",
      field: "input.mergedId",
    });
  });

  it("refuses merging an actor into itself and unknown actors", async () => {
    const ttp = await the.id("actor", "ttp");
    expect(
      await actorMutation("mergeActors", { survivorId: ttp, mergedId: ttp, survivorVersion: 1 }, admin),
    ).toMatchObject({
      __typename: "ValidationError",
      problems: [{ field: "input.mergedId", message: "must not be the survivor itself" }],
    });
    const missing = encodeGlobalID("Actor", 999999);
    expect(
      await actorMutation("mergeActors", { survivorId: ttp, mergedId: missing, survivorVersion: 1 }, admin),
    ).toMatchObject({ __typename: "NotFoundError", id: missing });
  });
});

describe("deleting actors", () => {
  it("deletes an actor nothing refers to, recording its last state", async () => {
    const { id } = actorOf(
      await actorMutation("createActor", {
        name: "Typo Actor",
        kind: "OTHER",
        aliases: [{ name: "TA", kind: "ACRONYM" }],
      }),
    );
    const result = await mutate(
      api,
      admin,
      "deleteActor",
      { id, version: 1 },
      "... on DeleteActorSuccess { deletedId }",
    );
    expect(result).toEqual({ __typename: "DeleteActorSuccess", deletedId: id });
    expect((await the.revisions("Actor", id)).at(-1)).toMatchObject({
      action: "DELETE",
      changes: { name: "Typo Actor", aliases: ["ACRONYM:TA"] },
    });
  });

  it("keeps an actor that events and claims refer to, and says to merge it instead", async () => {
    const id = await the.id("actor", "qatar");
    const result = await mutate<MutationResult<"DeleteActorSuccess">>(
      api,
      admin,
      "deleteActor",
      { id, version: await the.version("actor", id) },
      "",
    );
    expect(result).toMatchObject({ __typename: "ValidationError", field: "input.id" });
    expect(resultAs(result, "ValidationError").message).toMatch(/event participation.*merge it into another actor/);
    expect(await api.t.db.actor.count({ where: { key: "qatar" } })).toBe(1);
  });
});
