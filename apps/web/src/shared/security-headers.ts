/**
 * The security headers of every response of the web app: the CSP by `src/proxy.ts` (pages and
 * routes), the others by next.config.ts (every path). Scripts and styles
 * come only from this origin or carry the request's nonce (Next.js adds it to its own inline
 * scripts when the page is rendered per request); no page may be framed; the browser talks only to
 * this origin (the API is reached through the server, `/api/actors` included).
 */
export function contentSecurityPolicy(nonce: string, options: { dev: boolean; https: boolean }): string {
  return [
    "default-src 'self'",
    // React's development build evaluates code for its error overlays; the production build does not.
    `script-src 'self' 'nonce-${nonce}' 'strict-dynamic'${options.dev ? " 'unsafe-eval'" : ""}`,
    `style-src 'self' 'nonce-${nonce}'`,
    "img-src 'self' blob: data:",
    "font-src 'self'",
    "connect-src 'self'",
    "object-src 'none'",
    "base-uri 'self'",
    "form-action 'self'",
    "frame-ancestors 'none'",
    // Over plain http (pnpm start on localhost) upgrading would break every request.
    ...(options.https ? ["upgrade-insecure-requests"] : []),
  ].join("; ");
}

export const SECURITY_HEADERS: Record<string, string> = {
  // Search URLs hold what an analyst is looking into; links to outlets should not carry them.
  "Referrer-Policy": "no-referrer",
  "X-Content-Type-Options": "nosniff",
  "X-Frame-Options": "DENY",
  "Permissions-Policy": "camera=(), microphone=(), geolocation=(), payment=(), usb=(), browsing-topics=()",
  "Cross-Origin-Opener-Policy": "same-origin",
};

/** Sent only on requests that reached us over HTTPS: browsers ignore it over http, and it must come from the TLS side. */
export const STRICT_TRANSPORT_SECURITY = "max-age=31536000; includeSubDomains";
