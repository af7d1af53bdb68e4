import { cookies, headers } from "next/headers";

/** The cookie holding a signed-in editor's API token: sent only to this server, never readable by scripts. */
export const TOKEN_COOKIE = "parley_token";

/** How long a sign-in lasts; the token itself is checked with the API on every page. */
const MAX_AGE_SECONDS = 8 * 3600;

async function servedOverHttps(): Promise<boolean> {
  const h = await headers();
  return h.get("x-forwarded-proto") === "https" || (h.get("origin") ?? "").startsWith("https:");
}

/** The signed-in editor's API token, or null. */
export async function sessionToken(): Promise<string | null> {
  return (await cookies()).get(TOKEN_COOKIE)?.value ?? null;
}

export async function startSession(token: string): Promise<void> {
  (await cookies()).set(TOKEN_COOKIE, token, {
    httpOnly: true,
    sameSite: "strict",
    secure: await servedOverHttps(),
    path: "/",
    maxAge: MAX_AGE_SECONDS,
  });
}

export async function endSession(): Promise<void> {
  (await cookies()).set(TOKEN_COOKIE, "", {
    httpOnly: true,
    sameSite: "strict",
    secure: await servedOverHttps(),
    path: "/",
    maxAge: 0,
  });
}

/**
 * Whether a POST came from a page of this site: its Origin names this host. With the cookie's
 * SameSite=Strict this keeps other sites from acting with an editor's sign-in (Next.js checks server
 * actions the same way; this holds whatever it does).
 */
export async function fromThisSite(): Promise<boolean> {
  const h = await headers();
  const origin = h.get("origin");
  if (!origin) return false;
  const host = h.get("x-forwarded-host") ?? h.get("host");
  try {
    return new URL(origin).host === host;
  } catch {
    return false;
  }
}
