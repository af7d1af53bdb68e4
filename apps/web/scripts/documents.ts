/**
 * The trusted documents: every GraphQL operation the web app sends, keyed by the SHA-256 of its text
 * as urql sends it. The API preloads them, and with PARLEY_DOCUMENTS=trusted answers only these.
 * `pnpm --filter @parley/web run documents` writes trusted-documents.json; `pnpm test` checks it.
 */
import { createHash } from "node:crypto";
import { readdirSync, statSync } from "node:fs";
import path from "node:path";
import { pathToFileURL } from "node:url";
import { formatDocument, stringifyDocument } from "@urql/core";
import { type DocumentNode, Kind } from "graphql";

const WEB = path.resolve(import.meta.dirname, "..");
export const TRUSTED_DOCUMENTS_FILE = path.join(WEB, "trusted-documents.json");

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

/** The file's contents as the code would write them, and how many documents it holds. */
export async function trustedDocuments(): Promise<{ json: string; count: number }> {
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
  return { json, count: Object.keys(sorted).length };
}
