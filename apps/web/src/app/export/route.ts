import { env } from "../../env.ts";

// Each download runs a fresh export.
export const dynamic = "force-dynamic";

const PASSED_HEADERS = ["content-type", "content-disposition", "x-parley-total-count"];

/**
 * `/export?format=…&<search state>`: the API's export of the current search, streamed through, so the
 * browser downloads from this site whatever address the API has.
 */
export async function GET(request: Request) {
  const target = new URL("/export", env.PARLEY_API_URL);
  target.search = new URL(request.url).search;
  let upstream: Response;
  try {
    upstream = await fetch(target, { signal: request.signal, cache: "no-store" });
  } catch {
    return Response.json({ error: "The export failed: the API did not answer." }, { status: 502 });
  }
  const headers = new Headers({ "cache-control": "no-store" });
  for (const name of PASSED_HEADERS) {
    const value = upstream.headers.get(name);
    if (value) headers.set(name, value);
  }
  return new Response(upstream.body, { status: upstream.status, headers });
}
