import { formatIssuePath } from "@parley/schema";
import type { ZodError } from "zod";
import { builder } from "../../builder.ts";

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
      error.issues.map((issue) => ({ field: [prefix, formatIssuePath(issue.path)].filter(Boolean).join("."), message: issue.message })),
    );
  }
}

export class NotFoundError extends Error {
  constructor(readonly typename: string, readonly id: string) {
    super(`No ${typename} has the ID ${id}`);
    this.name = "NotFoundError";
  }
}

export class ConflictError extends Error {
  constructor(readonly id: string, readonly expectedVersion: number, readonly currentVersion: number) {
    super(`The record changed since you read it: you sent version ${expectedVersion}, it is now at version ${currentVersion}. Reload and apply your change again.`);
    this.name = "ConflictError";
  }
}

export class ForbiddenError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "ForbiddenError";
  }
}

export const ErrorInterface = builder.interfaceRef<Error>("Error").implement({
  description: "An expected failure, returned as data.",
  fields: (t) => ({ message: t.exposeString("message") }),
});

const FieldProblemRef = builder.objectRef<FieldProblem>("FieldProblem").implement({
  fields: (t) => ({ field: t.exposeString("field"), message: t.exposeString("message") }),
});

builder.objectType(ValidationError, {
  name: "ValidationError",
  interfaces: [ErrorInterface],
  fields: (t) => ({
    problems: t.field({ type: [FieldProblemRef], resolve: (e) => e.problems }),
    field: t.string({ description: "The first field at fault.", resolve: (e) => e.problems[0]?.field ?? "input" }),
  }),
});

builder.objectType(NotFoundError, {
  name: "NotFoundError",
  interfaces: [ErrorInterface],
  fields: (t) => ({ typename: t.exposeString("typename"), id: t.exposeID("id") }),
});

builder.objectType(ConflictError, {
  name: "ConflictError",
  interfaces: [ErrorInterface],
  fields: (t) => ({
    id: t.exposeID("id"),
    expectedVersion: t.exposeInt("expectedVersion"),
    currentVersion: t.exposeInt("currentVersion"),
  }),
});

builder.objectType(ForbiddenError, { name: "ForbiddenError", interfaces: [ErrorInterface] });

export const MUTATION_ERRORS = [ValidationError, NotFoundError, ConflictError, ForbiddenError];
