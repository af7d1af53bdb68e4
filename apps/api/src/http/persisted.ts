import { readFileSync } from "node:fs";
import { useAPQ } from "@graphql-yoga/plugin-apq";
import { createGraphQLError, createLRUCache, type Plugin } from "graphql-yoga";

/** `{ "<sha256 of the query text>": "<query text>" }`, as the web app's build writes it. */
export type DocumentManifest = Record<string, string>;

export function readManifest(file: string): DocumentManifest {
  let parsed: unknown;
  try {
    parsed = JSON.parse(readFileSync(file, "utf8"));
  } catch (error) {
    throw new Error(`PARLEY_TRUSTED_DOCUMENTS: cannot read ${file} as JSON (${(error as Error).message})`);
  }
  const entries = typeof parsed === "object" && parsed !== null ? Object.entries(parsed) : [];
  const bad = entries.find(([hash, query]) => !/^[0-9a-f]{64}$/.test(hash) || typeof query !== "string");
  if (!entries.length || bad)
    throw new Error(
      `PARLEY_TRUSTED_DOCUMENTS: ${file} must map SHA-256 hex hashes to query texts${bad ? `; ${JSON.stringify(bad[0])} does not` : ""}`,
    );
  return Object.fromEntries(entries) as DocumentManifest;
}

function persistedHash(extensions: unknown): string | null {
  const persisted = (extensions as { persistedQuery?: { version?: unknown; sha256Hash?: unknown } } | undefined)
    ?.persistedQuery;
  return persisted?.version === 1 && typeof persisted.sha256Hash === "string" ? persisted.sha256Hash : null;
}

/**
 * Documents sent by hash. `open` (the default) is Apollo's automatic persisted queries: a client
 * sends a query's SHA-256, and its text only when the server answers PERSISTED_QUERY_NOT_FOUND; the
 * trusted manifest's documents are known from the start. `trusted` answers only the manifest's
 * documents, by hash or by text, and refuses every other one (DOCUMENT_NOT_TRUSTED).
 */
export function persistedDocuments(mode: "open" | "trusted", manifest: DocumentManifest = {}): Plugin[] {
  const trusted = new Map(Object.entries(manifest));
  const registered = createLRUCache<string>({ max: 2_000, ttl: 24 * 3_600_000 });
  const store = {
    get: (hash: string) => trusted.get(hash) ?? registered.get(hash) ?? null,
    set: (hash: string, query: string) => void registered.set(hash, query),
  };
  if (mode === "open") return [useAPQ({ store, responseConfig: { forceStatusCodeOk: true } })];
  const known = new Set(trusted.values());
  return [
    {
      onParams({ params, setParams }) {
        const hash = persistedHash(params.extensions);
        const query = hash ? trusted.get(hash) : params.query && known.has(params.query) ? params.query : undefined;
        if (query) return setParams({ ...params, query });
        const message = hash
          ? "This server answers only its trusted documents, and this hash is not one of them."
          : "This server answers only its trusted documents (PARLEY_DOCUMENTS=trusted): send one by its `extensions.persistedQuery.sha256Hash`.";
        throw createGraphQLError(message, { extensions: { code: "DOCUMENT_NOT_TRUSTED", http: { status: 403 } } });
      },
    },
  ];
}
