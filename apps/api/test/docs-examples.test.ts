import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { defined } from "@parley/schema";
import { parse, validate } from "graphql";
import { describe, expect, it } from "vitest";
import { schema } from "../src/schema.ts";

const ROOT = path.resolve(import.meta.dirname, "..", "..", "..");
const pages = [
  path.join(ROOT, "README.md"),
  ...readdirSync(path.join(ROOT, "docs"))
    .filter((f) => f.endsWith(".md"))
    .map((f) => path.join(ROOT, "docs", f)),
];

/** Every ```graphql block of the README and docs/, with where it starts. */
const examples = pages.flatMap((file) =>
  [...readFileSync(file, "utf8").matchAll(/```graphql\n([\s\S]*?)```/g)].map((m) => ({
    where: `${path.relative(ROOT, file)}:${readFileSync(file, "utf8").slice(0, m.index).split("\n").length}`,
    text: defined(m[1], "m[1]"),
  })),
);

describe("the documentation's GraphQL examples", () => {
  it("are there to check", () => expect(examples.length).toBeGreaterThan(10));

  for (const { where, text } of examples) {
    it(`fit today's schema: ${where}`, () => {
      const errors = validate(schema, parse(text)).map((e) => e.message);
      expect(errors).toEqual([]);
    });
  }
});
