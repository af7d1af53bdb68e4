import { cacheExchange, createClient, fetchExchange } from "@urql/core";
import { registerUrql } from "@urql/next/rsc";
import { env } from "../env.ts";

const API_TIMEOUT_MS = 5_000;

// urql sets its own abort signal on every request, so the timeout has to join it here.
function fetchWithTimeout(input: RequestInfo | URL, init: RequestInit = {}): Promise<Response> {
  const timeout = AbortSignal.timeout(API_TIMEOUT_MS);
  return fetch(input, { ...init, signal: init.signal ? AbortSignal.any([init.signal, timeout]) : timeout });
}

// urql sends queries as GETs; the API refuses GETs without this header (CSRF prevention).
const CSRF_HEADERS = { "x-graphql-yoga-csrf": "parley-web" };

function makeClient() {
  return createClient({
    url: env.PARLEY_API_URL,
    exchanges: [cacheExchange, fetchExchange],
    fetchOptions: { headers: CSRF_HEADERS },
    // A hung API should turn into the error state, not a page that never loads.
    fetch: fetchWithTimeout,
  });
}

/** One urql client per server request. */
export const { getClient } = registerUrql(makeClient);
