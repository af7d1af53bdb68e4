import type { Plugin } from "graphql-yoga";

/** The header a browser's GET (or form post) must carry, so that another site cannot make it silently. */
export const CSRF_HEADER = "x-graphql-yoga-csrf";

function tooLarge(fetchAPI: { Response: typeof Response }, message: string, status = 413) {
  return new fetchAPI.Response(JSON.stringify({ errors: [{ message, extensions: { code: "PAYLOAD_TOO_LARGE" } }] }), {
    status,
    headers: { "content-type": "application/json" },
  });
}

/** Refuses request bodies over the limit before they are parsed. */
export function bodyLimit(maxBytes: number): Plugin {
  return {
    onRequest({ request, endResponse, fetchAPI }) {
      const declared = Number(request.headers.get("content-length") ?? 0);
      if (declared > maxBytes) endResponse(tooLarge(fetchAPI, `Request body is ${declared} bytes; the limit is ${maxBytes}.`));
    },
  };
}
