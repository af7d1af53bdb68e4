import { createHash } from "node:crypto";
import type { KeptOutcome, KeyClaim } from "@parley/db";
import type { GraphQLResolveInfo } from "graphql";
import { createGraphQLError } from "graphql-yoga";
import type { Context } from "../../context.ts";

export const MAX_KEY_LENGTH = 255;
export const HEADER = "Idempotency-Key";

export const CLIENT_MUTATION_ID_DESCRIPTION =
  "An idempotency key for this one write: 1 to 255 characters (a new UUID per write will do), kept per token. " +
  "Retrying with the same key and the same input answers the first outcome and writes nothing again; the same key with other input is refused (BAD_USER_INPUT). " +
  "Kept at least 24 hours. The `Idempotency-Key` header does the same for every mutation of a request.";

/** The key an input names itself (`input.clientMutationId`, or a `clientMutationId` argument), and the arguments without it. */
function withoutClientMutationId(args: Record<string, unknown>): {
  clientMutationId: string | null;
  rest: Record<string, unknown>;
} {
  const { clientMutationId, ...rest } = args;
  if (typeof clientMutationId === "string") return { clientMutationId, rest };
  const input = args.input;
  if (!input || typeof input !== "object" || !("clientMutationId" in input)) return { clientMutationId: null, rest };
  const { clientMutationId: inInput, ...inputRest } = input as Record<string, unknown>;
  return { clientMutationId: typeof inInput === "string" ? inInput : null, rest: { ...rest, input: inputRest } };
}

function canonical(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(canonical);
  if (value && typeof value === "object")
    return Object.fromEntries(
      Object.keys(value)
        .sort()
        .map((k) => [k, canonical((value as Record<string, unknown>)[k])]),
    );
  return value;
}

/**
 * The idempotency key a mutation field writes under, or null without one. `input.clientMutationId`
 * is the field's own key; otherwise the request's `Idempotency-Key` header applies to each mutation
 * field of the request, narrowed by the field's response key (its alias, or its name) so that two
 * fields of one request never share a key. Keys belong to the token that sent them.
 */
export function keyClaimOf(ctx: Context, info: GraphQLResolveInfo, args: object): KeyClaim | null {
  const { clientMutationId, rest } = withoutClientMutationId(args as Record<string, unknown>);
  const key = clientMutationId ?? ctx.idempotencyKey;
  if (key === null || !ctx.viewer) return null;
  const argument = clientMutationId === null ? HEADER : "input.clientMutationId";
  if (key.length === 0 || key.length > MAX_KEY_LENGTH) {
    throw createGraphQLError(`${argument} must be 1 to ${MAX_KEY_LENGTH} characters long.`, {
      extensions: { code: "BAD_USER_INPUT", argument },
    });
  }
  const requestHash = createHash("sha256")
    .update(JSON.stringify([info.fieldName, canonical(rest)]))
    .digest("hex");
  return {
    tokenId: ctx.viewer.tokenId,
    key,
    scope: clientMutationId === null ? String(info.path.key) : "",
    field: info.fieldName,
    requestHash,
  };
}

/** A key sent again with another field or other arguments: refused, since it names a write that was done. */
export function reusedKey(claim: KeyClaim, kept: KeptOutcome) {
  const argument = claim.scope === "" ? "input.clientMutationId" : HEADER;
  const first = kept.field === claim.field ? `${kept.field} with other arguments` : kept.field;
  return createGraphQLError(
    `The idempotency key "${claim.key}" was already used for ${first}, and that write was done. Send the same request to get its answer again, or use a new key for a new write.`,
    { extensions: { code: "BAD_USER_INPUT", argument } },
  );
}
