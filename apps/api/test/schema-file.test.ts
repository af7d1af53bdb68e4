import { existsSync, readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { printedSchema, SCHEMA_FILE } from "../src/schema-file.ts";

describe("apps/api/schema.graphql", () => {
  it("is the contract the code serves (if not: pnpm --filter @parley/api schema:print, and commit it)", () => {
    const committed = existsSync(SCHEMA_FILE) ? readFileSync(SCHEMA_FILE, "utf8") : "";
    expect(committed === printedSchema(), "apps/api/schema.graphql is out of date").toBe(true);
  });
});
