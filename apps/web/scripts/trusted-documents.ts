import { writeFileSync } from "node:fs";
import path from "node:path";
import { TRUSTED_DOCUMENTS_FILE, trustedDocuments } from "./documents.ts";

// `pnpm --filter @parley/web run documents`; scripts/check-documents.ts checks the committed file.
const { json, count } = await trustedDocuments();
writeFileSync(TRUSTED_DOCUMENTS_FILE, json);
console.log(`Wrote ${path.relative(process.cwd(), TRUSTED_DOCUMENTS_FILE)}: ${count} documents.`);
