import { existsSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { lexicographicSortSchema, printSchema } from "graphql";
import { schema } from "./schema.ts";

/** The GraphQL contract as committed in apps/api/schema.graphql. */
export function printedSchema(): string {
  return `${printSchema(lexicographicSortSchema(schema))}\n`;
}

export const SCHEMA_FILE = path.resolve(import.meta.dirname, "../schema.graphql");

if (process.argv[1] && path.resolve(process.argv[1]) === path.resolve(import.meta.filename)) {
  const check = process.argv.includes("--check");
  const current = existsSync(SCHEMA_FILE) ? readFileSync(SCHEMA_FILE, "utf8") : "";
  if (check) {
    if (current !== printedSchema()) {
      process.stderr.write(
        "apps/api/schema.graphql is out of date: run `pnpm --filter @parley/api schema:print` and commit it.\n",
      );
      process.exit(1);
    }
  } else {
    writeFileSync(SCHEMA_FILE, printedSchema());
    process.stderr.write(`Wrote ${SCHEMA_FILE}\n`);
  }
}
