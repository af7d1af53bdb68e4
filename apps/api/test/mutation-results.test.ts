import { defined } from "@parley/schema";
import { getNamedType, isUnionType } from "graphql";
import { describe, expect, it } from "vitest";
import { schema } from "../src/schema.ts";

const VERSIONED = ["ValidationError", "NotFoundError", "ConflictError", "ForbiddenError"];
const CREATE = ["ValidationError", "NotFoundError", "ForbiddenError"];
const REVIEW = ["ValidationError", "NotFoundError", "ForbiddenError"];

/**
 * What each mutation can meet, read from its service: every one authorises (ForbiddenError) and
 * validates (ValidationError, also for unknown IDs it refers to); only a write to an existing record
 * compares versions (ConflictError); a write to an existing record can find it gone (NotFoundError),
 * and so can a create retried with its idempotency key once the record it made was deleted. Adding an alias finds its
 * actor gone but takes no version; a candidate review finds it gone but has no version.
 */
const EXPECTED: Record<string, string[]> = {
  createEvent: CREATE,
  updateEvent: VERSIONED,
  deleteEvent: VERSIONED,
  createActor: CREATE,
  updateActor: VERSIONED,
  deleteActor: VERSIONED,
  mergeActors: VERSIONED,
  createAlias: REVIEW,
  updateAlias: VERSIONED,
  deleteAlias: VERSIONED,
  createSource: CREATE,
  updateSource: VERSIONED,
  deleteSource: VERSIONED,
  createClaim: CREATE,
  updateClaim: VERSIONED,
  deleteClaim: VERSIONED,
  createPosition: CREATE,
  updatePosition: VERSIONED,
  deletePosition: VERSIONED,
  acceptCandidate: REVIEW,
  rejectCandidate: REVIEW,
  updateCandidate: REVIEW,
  mergeCandidate: REVIEW,
  ingestReport: CREATE,
};

describe("mutation results", () => {
  it("list in each result union exactly the errors its mutation can meet, beside its success", () => {
    const unions = Object.fromEntries(
      Object.values(defined(schema.getMutationType(), "schema.getMutationType()").getFields()).map((field) => {
        const type = getNamedType(field.type);
        const members = isUnionType(type) ? type.getTypes().map((t) => t.name) : [];
        return [field.name, members];
      }),
    );
    for (const [name, members] of Object.entries(unions)) {
      expect(members, name).toContain(`${defined(name[0], "name[0]").toUpperCase()}${name.slice(1)}Success`);
    }
    const errors = Object.fromEntries(
      Object.entries(unions).map(([name, members]) => [name, members.filter((m) => !m.endsWith("Success")).sort()]),
    );
    expect(errors).toEqual(
      Object.fromEntries(Object.entries(EXPECTED).map(([name, list]) => [name, [...list].sort()])),
    );
  });
});
