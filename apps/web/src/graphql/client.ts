import { createHash } from "node:crypto";
import { cacheExchange, createClient, fetchExchange } from "@urql/core";
import { persistedExchange } from "@urql/exchange-persisted";
import { registerUrql } from "@urql/next/rsc";
import { env } from "../env.ts";

const API_TIMEOUT_MS = 5_000;

// Compressing answers for an API on this machine would cost both processes CPU and save nothing.
const API_IS_LOCAL = /^(localhost|127\.\d+\.\d+\.\d+|\[::1\])$/.test(new URL(env.PARLEY_API_URL).hostname);

// urql sets its own abort signal on every request, so the timeout has to join it here.
const fetchWithTimeout =
  (timeoutMs: number) =>
  (input: RequestInfo | URL, init: RequestInit = {}): Promise<Response> => {
    const timeout = AbortSignal.timeout(timeoutMs);
    const headers = new Headers(init.headers);
    if (API_IS_LOCAL) headers.set("accept-encoding", "identity");
    return fetch(input, { ...init, headers, signal: init.signal ? AbortSignal.any([init.signal, timeout]) : timeout });
  };

// The exchange's own hashing looks for Web Crypto on `window` or `self`, neither of which a server has.
const sha256 = async (text: string) => createHash("sha256").update(text).digest("hex");

/**
 * A client of the API for this server: with `token`, the signed-in editor's requests (the token
 * goes from here as a bearer token and never reaches the browser); writes wait longer (`timeoutMs`).
 */
export function makeClient(options: { token?: string; timeoutMs?: number } = {}) {
  return createClient({
    url: env.PARLEY_API_URL,
    // Every document goes by its hash first, mutations too: the API knows the web app's documents
    // (trusted-documents.json), and with PARLEY_DOCUMENTS=trusted answers nothing else.
    exchanges: [
      cacheExchange,
      persistedExchange({ preferGetForPersistedQueries: true, enableForMutation: true, generateHash: sha256 }),
      fetchExchange,
    ],
    // A hung API should turn into the error state, not a page that never loads.
    fetch: fetchWithTimeout(options.timeoutMs ?? API_TIMEOUT_MS),
    fetchOptions: options.token ? { headers: { authorization: `Bearer ${options.token}` } } : undefined,
  });
}

/** One urql client per server request. */
export const { getClient } = registerUrql(() => makeClient());
