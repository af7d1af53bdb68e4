import { getOperationAST } from "graphql";
import { createGraphQLError, type Plugin } from "graphql-yoga";
import type { TokenRole } from "@parley/schema";
import type { Context, Viewer } from "../../context.ts";
import { ForbiddenError } from "../shared/errors.ts";

const RANK: Record<TokenRole, number> = { READER: 0, EDITOR: 1, ADMIN: 2 };
const aRole = (role: TokenRole) => `${/^[AEIOU]/.test(role) ? "an" : "a"} ${role.toLowerCase()} token`;

export const NO_TOKEN = "Writing needs an API token: send `Authorization: Bearer <token>` (make one with `pnpm parley token create --role editor`).";
export const REJECTED_TOKEN = "The API token is unknown or has been revoked.";

/**
 * The viewer allowed to write, or a ForbiddenError returned as data in the mutation's result.
 * Editors create, change and delete records; deleting events, actors and sources, and merging
 * actors, takes records others refer to with it and needs an admin.
 */
export function authorize(ctx: Context, needed: Exclude<TokenRole, "READER">, action: string): Viewer {
  const { viewer } = ctx;
  if (!viewer) throw new ForbiddenError(ctx.tokenRejected ? REJECTED_TOKEN : NO_TOKEN);
  if (RANK[viewer.role] < RANK[needed]) {
    throw new ForbiddenError(`${action} needs ${aRole(needed)}; this one is ${aRole(viewer.role)}.`);
  }
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
      const ctx = args.contextValue as Context;
      if (ctx.viewer) return;
      const message = ctx.tokenRejected ? REJECTED_TOKEN : "Reading needs an API token here: send `Authorization: Bearer <token>`.";
      setResultAndStopExecution({
        errors: [createGraphQLError(message, { extensions: { code: "UNAUTHENTICATED", http: { status: 401, headers: { "www-authenticate": "Bearer" } } } })],
      });
    },
  };
}
