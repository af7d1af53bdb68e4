/**
 * Writes trusted-documents.json: every GraphQL operation the web app sends, keyed by the SHA-256 of
 * its text as urql sends it. The API preloads them, and with PARLEY_DOCUMENTS=trusted answers only
 * these. `--check` fails when the file is not what the code would write (run by `pnpm test`).
 */
import { createHash } from "node:crypto";
import { readdirSync, readFileSync, statSync, writeFileSync } from "node:fs";
import path from "node:path";
import { pathToFileURL } from "node:url";
import { formatDocument, stringifyDocument } from "@urql/core";
import { type DocumentNode, Kind } from "graphql";

const WEB = path.resolve(import.meta.dirname, "..");
const OUT = path.join(WEB, "trusted-documents.json");

const sources = (dir: string): string[] =>
  readdirSync(dir).flatMap((name) => {
    const full = path.join(dir, name);
    if (statSync(full).isDirectory()) return sources(full);
    return /\.(query|mutation)\.ts$/.test(name) ? [full] : [];
  });

const isOperation = (value: unknown): value is DocumentNode =>
  typeof value === "object" &&
  value !== null &&
  (value as DocumentNode).kind === Kind.DOCUMENT &&
  (value as DocumentNode).definitions.some((d) => d.kind === Kind.OPERATION_DEFINITION);

const documents: Record<string, string> = {};
for (const file of sources(path.join(WEB, "src")).sort()) {
  const module = (await import(pathToFileURL(file).href)) as Record<string, unknown>;
  for (const value of Object.values(module).filter(isOperation)) {
    // As urql sends it: its cache exchange adds `__typename` to every selection first.
    const text = stringifyDocument(formatDocument(value));
    documents[createHash("sha256").update(text).digest("hex")] = text;
  }
}
const sorted = Object.fromEntries(Object.entries(documents).sort(([a], [b]) => a.localeCompare(b)));
const json = `${JSON.stringify(sorted, null, 2)}\n`;

if (process.argv.includes("--check")) {
  let current = "";
  try {
    current = readFileSync(OUT, "utf8");
  } catch {
    // missing: reported below
  }
  if (current !== json) {
    console.error(
      `apps/web/trusted-documents.json is out of date with the web app's queries: run \`pnpm --filter @parley/web run documents\`.`,
    );
    process.exit(1);
  }
  console.log(`trusted-documents.json: ${Object.keys(sorted).length} documents, up to date.`);
} else {
  writeFileSync(OUT, json);
  console.log(`Wrote ${path.relative(process.cwd(), OUT)}: ${Object.keys(sorted).length} documents.`);
}
