import { createGraphQLError, type Plugin } from "graphql-yoga";
import type { Context } from "../context.ts";
import type { ApiEnv } from "../env.ts";

const WINDOW_MS = 60_000;

interface Window {
  count: number;
  resetAt: number;
}

type Settings = Pick<
  ApiEnv,
  "PARLEY_RATE_LIMIT" | "PARLEY_RATE_LIMIT_TOKEN" | "PARLEY_RATE_LIMIT_EXEMPT" | "PARLEY_TRUSTED_PROXIES"
>;

/**
 * The address a request came from: the socket's peer, or, behind PARLEY_TRUSTED_PROXIES proxies,
 * the address the outermost trusted proxy saw (each proxy appends to X-Forwarded-For).
 */
export function clientAddress(request: Request, serverContext: unknown, trustedProxies: number): string | null {
  const peer = (serverContext as { req?: { socket?: { remoteAddress?: string } } } | undefined)?.req?.socket
    ?.remoteAddress;
  if (peer === undefined) return null;
  if (trustedProxies === 0) return peer;
  const forwarded = (request.headers.get("x-forwarded-for") ?? "")
    .split(",")
    .map((s) => s.trim())
    .filter(Boolean);
  return forwarded[forwarded.length - trustedProxies] ?? forwarded[0] ?? peer;
}

/**
 * Requests a minute, in fixed one-minute windows: per live token (PARLEY_RATE_LIMIT_TOKEN), and
 * otherwise per address (PARLEY_RATE_LIMIT), where unknown and revoked tokens count too, so made-up
 * tokens cannot dodge the address's limit. Every answer says where its caller stands in
 * `RateLimit-Limit`, `RateLimit-Remaining`, `RateLimit-Reset` (seconds) and `RateLimit-Policy`; one
 * over the limit is a 429 RATE_LIMITED with `Retry-After`. Addresses in PARLEY_RATE_LIMIT_EXEMPT
 * (this machine's, by default: the web app and the CLI) are not counted.
 */
export function rateLimit(settings: Settings): Plugin<Context> {
  const windows = new Map<string, Window>();
  const stateOf = new WeakMap<Request, { limit: number; window: Window }>();
  const pending = new WeakMap<Request, string>();
  let nextSweep = Date.now() + WINDOW_MS;

  /** Counts one request for `key`; the 429 to answer when it is over `limit`, or null. */
  const charge = (request: Request, key: string, limit: number): { message: string; retryAfter: number } | null => {
    const now = Date.now();
    if (now >= nextSweep) {
      for (const [k, w] of windows) if (w.resetAt <= now) windows.delete(k);
      nextSweep = now + WINDOW_MS;
    }
    let window = windows.get(key);
    if (!window || window.resetAt <= now) {
      window = { count: 0, resetAt: now + WINDOW_MS };
      windows.set(key, window);
    }
    window.count++;
    stateOf.set(request, { limit, window });
    if (window.count <= limit) return null;
    const retryAfter = Math.max(1, Math.ceil((window.resetAt - now) / 1000));
    const who = key.startsWith("token:") ? "with one token" : "from one address without a live token";
    return {
      message: `Too many requests: at most ${limit} a minute ${who}. Try again in ${retryAfter} s.`,
      retryAfter,
    };
  };

  return {
    onRequest({ request, serverContext, url, endResponse, fetchAPI }) {
      if (url.pathname !== "/graphql" && url.pathname !== "/export") return;
      const address = clientAddress(request, serverContext, settings.PARLEY_TRUSTED_PROXIES);
      // No socket: a call from inside this process (`yoga.fetch`), not from the network.
      if (address === null || settings.PARLEY_RATE_LIMIT_EXEMPT.includes(address)) return;
      // A token is judged once the context knows whether it is live (below).
      if (url.pathname === "/graphql" && request.headers.has("authorization"))
        return void pending.set(request, address);
      if (settings.PARLEY_RATE_LIMIT === 0) return;
      const over = charge(request, `address:${address}`, settings.PARLEY_RATE_LIMIT);
      if (!over) return;
      const body = JSON.stringify({
        errors: [{ message: over.message, extensions: { code: "RATE_LIMITED", retryAfter: over.retryAfter } }],
      });
      endResponse(
        new fetchAPI.Response(body, {
          status: 429,
          headers: { "content-type": "application/json", "retry-after": String(over.retryAfter) },
        }),
      );
    },
    onContextBuilding({ context }) {
      const address = pending.get(context.request);
      if (address === undefined) return;
      return ({ context: built }) => {
        const viewer = (built as Partial<Context>).viewer;
        const [key, limit] = viewer
          ? [`token:${viewer.tokenId}`, settings.PARLEY_RATE_LIMIT_TOKEN]
          : [`address:${address}`, settings.PARLEY_RATE_LIMIT];
        if (limit === 0) return;
        const over = charge(context.request, key, limit);
        if (!over) return;
        const http = { status: 429, headers: { "retry-after": String(over.retryAfter) } };
        throw createGraphQLError(over.message, {
          extensions: { code: "RATE_LIMITED", retryAfter: over.retryAfter, http },
        });
      };
    },
    onResponse({ request, response }) {
      const state = stateOf.get(request);
      if (!state) return;
      const reset = Math.max(0, Math.ceil((state.window.resetAt - Date.now()) / 1000));
      response.headers.set("ratelimit-limit", String(state.limit));
      response.headers.set("ratelimit-remaining", String(Math.max(0, state.limit - state.window.count)));
      response.headers.set("ratelimit-reset", String(reset));
      response.headers.set("ratelimit-policy", `${state.limit};w=${WINDOW_MS / 1000}`);
    },
  };
}
