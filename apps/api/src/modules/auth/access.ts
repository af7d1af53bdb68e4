import type { TokenRole } from "@parley/schema";
import { getOperationAST } from "graphql";
import { createGraphQLError, type Plugin } from "graphql-yoga";
import type { Context, Viewer } from "../../context.ts";
import { type Denial, ForbiddenError } from "../shared/errors.ts";

type Verdict = { viewer: Viewer; refusal?: undefined } | { viewer?: undefined; refusal: Denial };

const RANK: Record<TokenRole, number> = { READER: 0, EDITOR: 1, ADMIN: 2 };
const aRole = (role: TokenRole) => `${/^[AEIOU]/.test(role) ? "an" : "a"} ${role.toLowerCase()} token`;

export const TOKEN_UNKNOWN = "The API token is unknown: check that it was copied whole (tokens start with `prly_`).";
export const TOKEN_REVOKED = "The API token has been revoked: ask an admin for a new one.";

/** The viewer allowed to do `action`, which needs the `needed` role or a higher one, or why there is none. */
export function judge(ctx: Pick<Context, "viewer" | "tokenProblem">, needed: TokenRole, action: string): Verdict {
  const { viewer, tokenProblem } = ctx;
  if (viewer) {
    if (RANK[viewer.role] >= RANK[needed]) return { viewer };
    return {
      refusal: {
        reason: "ROLE_TOO_LOW",
        message: `${action} needs ${aRole(needed)}; this one is ${aRole(viewer.role)}.`,
        neededRole: needed,
      },
    };
  }
  if (tokenProblem === "TOKEN_REVOKED")
    return { refusal: { reason: "TOKEN_REVOKED", message: TOKEN_REVOKED, neededRole: needed } };
  if (tokenProblem === "TOKEN_UNKNOWN")
    return { refusal: { reason: "TOKEN_UNKNOWN", message: TOKEN_UNKNOWN, neededRole: needed } };
  const how = `send \`Authorization: Bearer <token>\` (make one with \`pnpm parley token create --role ${needed.toLowerCase()}\`)`;
  return {
    refusal: { reason: "TOKEN_MISSING", message: `${action} needs ${aRole(needed)}: ${how}.`, neededRole: needed },
  };
}

/** A refused read, as a GraphQL error at the field that was refused. */
export function forbidden(refusal: Denial) {
  return createGraphQLError(refusal.message, {
    extensions: { code: "FORBIDDEN", reason: refusal.reason, neededRole: refusal.neededRole },
  });
}

/**
 * The viewer allowed to write, or a ForbiddenError returned as data in the mutation's result.
 * Editors create, change and delete records; deleting events, actors and sources, and merging
 * actors, takes records others refer to with it and needs an admin.
 */
export function authorize(ctx: Context, needed: Exclude<TokenRole, "READER">, action: string): Viewer {
  if (ctx.refusedOrigin) {
    const message = `Pages on ${ctx.refusedOrigin} may read this API but not write to it (the API's PARLEY_CORS_WRITE_ORIGINS does not list it).`;
    throw new ForbiddenError({ reason: "ORIGIN_NOT_ALLOWED", message, neededRole: needed });
  }
  const { viewer, refusal } = judge(ctx, needed, action);
  if (refusal) throw new ForbiddenError(refusal);
  return viewer;
}

/**
 * With `PARLEY_READ_ACCESS=token`, queries need a live token of any role (401 otherwise).
 * Mutations are left to `authorize`, so refused writes always answer the same way.
 */
export function readAccess(mode: "open" | "token"): Plugin<Context> {
  return {
    onExecute({ args, setResultAndStopExecution }) {
      if (mode === "open") return;
      if (getOperationAST(args.document, args.operationName)?.operation === "mutation") return;
      const { refusal } = judge(args.contextValue as Context, "READER", "Reading on this server");
      if (!refusal) return;
      const extensions = {
        code: "UNAUTHENTICATED",
        reason: refusal.reason,
        http: { status: 401, headers: { "www-authenticate": "Bearer" } },
      };
      setResultAndStopExecution({ errors: [createGraphQLError(refusal.message, { extensions })] });
    },
  };
}
