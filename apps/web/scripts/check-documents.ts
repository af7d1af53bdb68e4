import { readFileSync } from "node:fs";
import { TRUSTED_DOCUMENTS_FILE, trustedDocuments } from "./documents.ts";

// Run by `pnpm test`: fails when trusted-documents.json is not what `run documents` would write.
const { json, count } = await trustedDocuments();
let committed = "";
try {
  committed = readFileSync(TRUSTED_DOCUMENTS_FILE, "utf8");
} catch {
  // missing: reported below
}
if (committed !== json) {
  console.error(
    "apps/web/trusted-documents.json is out of date with the web app's queries: run `pnpm --filter @parley/web run documents`.",
  );
  process.exit(1);
}
console.log(`trusted-documents.json: ${count} documents, up to date.`);
