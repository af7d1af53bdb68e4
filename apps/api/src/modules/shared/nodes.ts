import { resolveActorId } from "@parley/db";
import { parseGlobalId } from "@parley/schema";
import { resolveNodes } from "@pothos/plugin-relay";
import { type GraphQLResolveInfo, isObjectType } from "graphql";
import { createGraphQLError } from "graphql-yoga";
import { builder } from "../../builder.ts";
import type { Context } from "../../context.ts";
import { forbidden } from "../auth/access.ts";
import { readRefusal } from "../auth/read-rules.ts";

/** How many IDs one `nodes` call may ask for. */
export const MAX_NODES = 100;

type Wanted = { typename: string; id: string } | Error;

const badId = (argument: string, message: string, index?: number) =>
  createGraphQLError(message, {
    extensions: { code: "BAD_USER_INPUT", argument, ...(index === undefined ? {} : { index }) },
  });

/**
 * What one ID asks for: a node type and its database ID, or the error for that ID alone. Reading
 * rules are checked here, before anything is loaded; `guardReads` checks the loaded objects again.
 * An actor merged into another answers with the actor it became.
 */
async function wanted(
  raw: string,
  ctx: Context,
  info: GraphQLResolveInfo,
  argument: string,
  index?: number,
): Promise<Wanted> {
  const shown = JSON.stringify(raw.length > 60 ? `${raw.slice(0, 60)}…` : raw);
  const parsed = parseGlobalId(raw);
  if (!parsed)
    return badId(argument, `${shown} is not a Parley ID: IDs are the \`id\` fields the API answers with.`, index);
  const type = info.schema.getType(parsed.typename);
  const node = info.schema.getType("Node");
  if (!isObjectType(type) || !node || !type.getInterfaces().some((i) => i.name === node.name)) {
    return badId(argument, `${shown} names a ${parsed.typename}, which is not a type that \`node\` can fetch.`, index);
  }
  const refusal = readRefusal(type, ctx);
  if (refusal) return forbidden(refusal);
  if (parsed.typename === "Actor") {
    const survivor = await resolveActorId(ctx.db, parsed.id);
    if (survivor !== null) return { typename: "Actor", id: String(survivor) };
  }
  return { typename: parsed.typename, id: String(parsed.id) };
}

/** The records behind IDs, in order: null for one that does not exist, an error for one that is bad. */
async function load(
  ids: string[],
  ctx: Context,
  info: GraphQLResolveInfo,
  argument: string,
  single: boolean,
): Promise<unknown[]> {
  const wants = await Promise.all(ids.map((raw, i) => wanted(raw, ctx, info, argument, single ? undefined : i)));
  const good = wants.map((w) => (w instanceof Error ? null : w));
  const found = await resolveNodes(builder, ctx, info, good);
  return wants.map((w, i) => (w instanceof Error ? w : (found[i] ?? null)));
}

builder.queryFields((t) => ({
  node: t.field({
    type: builder.nodeInterfaceRef(),
    nullable: true,
    description:
      "Any record by its global ID. A well-formed ID of a record that does not exist (or no longer does) answers null, with no error; a malformed ID is BAD_USER_INPUT; a record the token may not read is FORBIDDEN. An actor merged into another answers with the actor it became.",
    args: { id: t.arg.id({ required: true, description: "A global ID, as the `id` fields answer it." }) },
    resolve: async (_root, args, ctx, info) => {
      const [value] = await load([String(args.id)], ctx, info, "id", true);
      if (value instanceof Error) throw value;
      return value as never;
    },
  }),
  nodes: t.field({
    type: [builder.nodeInterfaceRef()],
    nullable: { list: false, items: true },
    description: `Records by their global IDs, in the order asked, at most ${MAX_NODES}. Each item answers as \`node\` does: null for a missing record, an error at its own index (\`path\` ends with it) for a malformed or forbidden one, and the others still answer.`,
    args: { ids: t.arg.idList({ required: true, description: `Global IDs, at most ${MAX_NODES}.` }) },
    resolve: async (_root, args, ctx, info) => {
      if (args.ids.length > MAX_NODES)
        throw badId("ids", `\`ids\` may list at most ${MAX_NODES} IDs; got ${args.ids.length}.`);
      return (await load(args.ids.map(String), ctx, info, "ids", false)) as never;
    },
  }),
}));
