import { formatIssuePath, type TokenRole } from "@parley/schema";
import type { ZodError } from "zod";
import { builder } from "../../builder.ts";
import { TokenRoleEnum } from "./enums.ts";

export interface FieldProblem {
  field: string;
  message: string;
}

export class ValidationError extends Error {
  constructor(readonly problems: FieldProblem[]) {
    super(problems.map((p) => `${p.field}: ${p.message}`).join("; "));
    this.name = "ValidationError";
  }

  static fromZod(error: ZodError, prefix = "input"): ValidationError {
    return new ValidationError(
      error.issues.map((issue) => ({
        field: [prefix, formatIssuePath(issue.path)].filter(Boolean).join("."),
        message: issue.message,
      })),
    );
  }
}

export class NotFoundError extends Error {
  constructor(
    readonly typename: string,
    readonly id: string,
  ) {
    super(`No ${typename} has the ID ${id}`);
    this.name = "NotFoundError";
  }
}

export class ConflictError extends Error {
  constructor(
    readonly id: string,
    readonly expectedVersion: number,
    readonly currentVersion: number,
  ) {
    super(
      `The record changed since you read it: you sent version ${expectedVersion}, it is now at version ${currentVersion}. Reload and apply your change again.`,
    );
    this.name = "ConflictError";
  }
}

/** Why a request may not do something; each has its own code, so clients need not read the message. */
export const FORBIDDEN_REASONS = [
  "TOKEN_MISSING",
  "TOKEN_UNKNOWN",
  "TOKEN_REVOKED",
  "ROLE_TOO_LOW",
  "ORIGIN_NOT_ALLOWED",
] as const;
export type ForbiddenReason = (typeof FORBIDDEN_REASONS)[number];

export interface Denial {
  reason: ForbiddenReason;
  message: string;
  /** The least role that would have been allowed. */
  neededRole: TokenRole;
}

export class ForbiddenError extends Error {
  readonly reason: ForbiddenReason;
  readonly neededRole: TokenRole;
  constructor(denial: Denial) {
    super(denial.message);
    this.name = "ForbiddenError";
    this.reason = denial.reason;
    this.neededRole = denial.neededRole;
  }
}

export const ErrorInterface = builder.interfaceRef<Error>("Error").implement({
  description: "An expected failure, returned as data.",
  fields: (t) => ({
    message: t.exposeString("message", {
      description:
        "What went wrong, in a sentence for a person. Branch on `__typename` and the error's own fields, not on this text.",
    }),
  }),
});

const FieldProblemRef = builder.objectRef<FieldProblem>("FieldProblem").implement({
  description: "One input field at fault, and why.",
  fields: (t) => ({
    field: t.exposeString("field", {
      description: "The field's path in the input, such as `input.participants[1].actorId`.",
    }),
    message: t.exposeString("message", {
      description: "What is wrong with it, such as `must not be before `startDate``.",
    }),
  }),
});

builder.objectType(ValidationError, {
  name: "ValidationError",
  description:
    "The input broke a rule (a bad value, an unknown ID, an end before its start, an already reviewed candidate); each problem names its field. Nothing was written.",
  interfaces: [ErrorInterface],
  fields: (t) => ({
    problems: t.field({
      type: [FieldProblemRef],
      description: "Every field at fault, one problem each.",
      resolve: (e) => e.problems,
    }),
    field: t.string({ description: "The first field at fault.", resolve: (e) => e.problems[0]?.field ?? "input" }),
  }),
});

builder.objectType(NotFoundError, {
  name: "NotFoundError",
  description: "The record the mutation acts on does not exist, or no longer does. Nothing was written.",
  interfaces: [ErrorInterface],
  fields: (t) => ({
    typename: t.exposeString("typename", { description: "The type of record that was looked for, such as `Event`." }),
    id: t.exposeID("id", { description: "The ID that was sent." }),
  }),
});

builder.objectType(ConflictError, {
  name: "ConflictError",
  description:
    "The record changed since it was read: the `version` sent is not the record's current one (optimistic locking). Nothing was written; read the record again and reapply the change.",
  interfaces: [ErrorInterface],
  fields: (t) => ({
    id: t.exposeID("id", { description: "The record's global ID." }),
    expectedVersion: t.exposeInt("expectedVersion", { description: "The version the request sent." }),
    currentVersion: t.exposeInt("currentVersion", { description: "The version the record is at now." }),
  }),
});

export const ForbiddenReasonEnum = builder.enumType("ForbiddenReason", {
  description:
    "Why a request was refused. The same codes come in `extensions.reason` of a FORBIDDEN or UNAUTHENTICATED error.",
  values: {
    TOKEN_MISSING: { description: "No `Authorization: Bearer <token>` header was sent." },
    TOKEN_UNKNOWN: { description: "The token is not one this server issued, or is malformed." },
    TOKEN_REVOKED: { description: "The token was revoked by an admin." },
    ROLE_TOO_LOW: { description: "The token is live, but its role is below the one needed (see `neededRole`)." },
    ORIGIN_NOT_ALLOWED: {
      description: "A write from a browser page on another site, whose origin is not in PARLEY_CORS_WRITE_ORIGINS.",
    },
  } satisfies Record<ForbiddenReason, { description: string }>,
});

builder.objectType(ForbiddenError, {
  name: "ForbiddenError",
  description: "The request's token may not do this write; `reason` says why.",
  interfaces: [ErrorInterface],
  fields: (t) => ({
    reason: t.field({
      type: ForbiddenReasonEnum,
      description: "Why: no token, an unknown or revoked one, or a role too low.",
      resolve: (e) => e.reason,
    }),
    neededRole: t.field({
      type: TokenRoleEnum,
      description: "The least role that may do it.",
      resolve: (e) => e.neededRole,
    }),
  }),
});
