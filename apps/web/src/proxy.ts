import { type NextRequest, NextResponse } from "next/server";
import { env } from "./env.ts";
import { contentSecurityPolicy, STRICT_TRANSPORT_SECURITY } from "./shared/security-headers.ts";

/**
 * Runs before every page and route (not the static files, whose headers next.config.ts sets): a
 * fresh nonce per request, the Content-Security-Policy on the request (Next.js reads the nonce from
 * it while rendering) and on the response, and HSTS over HTTPS. The other security headers come
 * from next.config.ts, for every path.
 */
export function proxy(request: NextRequest) {
  const nonce = Buffer.from(crypto.randomUUID()).toString("base64");
  const https = request.nextUrl.protocol === "https:" || request.headers.get("x-forwarded-proto") === "https";
  const policy = contentSecurityPolicy(nonce, { dev: env.DEVELOPMENT, https });

  const requestHeaders = new Headers(request.headers);
  requestHeaders.set("x-nonce", nonce);
  requestHeaders.set("Content-Security-Policy", policy);
  const response = NextResponse.next({ request: { headers: requestHeaders } });
  response.headers.set("Content-Security-Policy", policy);
  if (https) response.headers.set("Strict-Transport-Security", STRICT_TRANSPORT_SECURITY);
  return response;
}

export const config = {
  // Static files need no nonce, and running the proxy for each of them slowed the first paint.
  matcher: ["/((?!_next/static|_next/image).*)"],
};
