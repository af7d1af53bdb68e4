import { writeFileSync } from "node:fs";
import { printedSchema, SCHEMA_FILE } from "./schema-file.ts";

// `pnpm --filter @parley/api schema:print`: writes the contract; test/schema-file.test.ts checks it.
writeFileSync(SCHEMA_FILE, printedSchema());
process.stderr.write(`Wrote ${SCHEMA_FILE}\n`);
