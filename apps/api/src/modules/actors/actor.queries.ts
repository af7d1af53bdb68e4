import { resolveActorId } from "@parley/db";
import { normalizeQueryText, QUERY_MAX_LENGTH } from "@parley/schema";
import { builder } from "../../builder.ts";
import { badInput } from "../search/search.input.ts";
import { counted, nodeQuery } from "../shared/connections.ts";
import { ActorKindEnum } from "../shared/enums.ts";
import { requireId } from "../shared/lookup.ts";
import { connectionOf, pageComplexity, pageRequest, prismaPage } from "../shared/paging.ts";
import { ActorRef } from "./actor.type.ts";

builder.queryFields((t) => ({
  actor: t.prismaField({
    type: "Actor",
    nullable: true,
    description: "An actor by ID. The ID of an actor merged into another resolves to the survivor.",
    args: {
      id: t.arg.id({
        required: true,
        description: "The actor's global ID, as `Actor.id` gives it; another type's ID is BAD_USER_INPUT.",
      }),
    },
    resolve: async (query, _root, args, ctx) => {
      // Read at once: only an ID that is no actor's (perhaps a merged one's) needs its redirect looked up.
      const asked = requireId(String(args.id), "Actor");
      const actor = await ctx.db.actor.findUnique({ ...query, where: { id: asked } });
      if (actor) return actor;
      const id = await resolveActorId(ctx.db, asked);
      return id === null ? null : ctx.db.actor.findUnique({ ...query, where: { id } });
    },
  }),
  actors: t.connection(
    {
      type: ActorRef,
      description: "Actors by name. For spelling-tolerant lookup use `searchActors`.",
      complexity: pageComplexity,
      args: {
        kinds: t.arg({
          type: [ActorKindEnum],
          required: false,
          description: "Actors of any of these kinds; all kinds when left out or empty.",
        }),
        nameContains: t.arg.string({
          required: false,
          description: `Actors whose main name contains this text, ignoring case, at most ${QUERY_MAX_LENGTH} characters. Aliases are not searched: use \`searchActors\` for that.`,
        }),
      },
      resolve: async (_root, args, ctx, info) => {
        const request = pageRequest(args, "Query.actors");
        const where = actorWhere(args);
        const rows = await ctx.db.actor.findMany({
          ...(await nodeQuery(ctx, info, "Actor")),
          ...prismaPage(request),
          where,
          orderBy: [{ name: "asc" }, { id: "asc" }],
        });
        return connectionOf(rows, request, "Query.actors", () => ctx.db.actor.count({ where })) as never;
      },
    },
    counted("ActorConnection", "A page of actors.", "actors matching the arguments"),
    { name: "ActorEdge" },
  ),
}));

function actorWhere(args: { kinds?: readonly string[] | null; nameContains?: string | null }) {
  return {
    ...(args.kinds?.length ? { kind: { in: args.kinds as never } } : {}),
    ...(args.nameContains
      ? { name: { contains: literalSubstring(args.nameContains), mode: "insensitive" as const } }
      : {}),
  };
}

/** `nameContains` normalised as all search text, with LIKE's `%`, `_` and `\` escaped (Prisma leaves them as wildcards). */
function literalSubstring(text: string): string {
  if (text.length > QUERY_MAX_LENGTH)
    throw badInput("nameContains", `may be at most ${QUERY_MAX_LENGTH} characters; got ${text.length}`);
  return normalizeQueryText(text).replace(/[\\%_]/g, "\\$&");
}
