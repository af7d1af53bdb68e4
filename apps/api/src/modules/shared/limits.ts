import type { Plugin } from "graphql-yoga";

function refusal(fetchAPI: { Response: typeof Response }, status: number, code: string, message: string) {
  return new fetchAPI.Response(JSON.stringify({ errors: [{ message, extensions: { code } }] }), {
    status,
    headers: { "content-type": "application/json" },
  });
}
const tooLarge = (fetchAPI: { Response: typeof Response }, message: string) =>
  refusal(fetchAPI, 413, "PAYLOAD_TOO_LARGE", message);

/** The body's bytes, or null as soon as there are more than `maxBytes`. */
async function readAtMost(body: ReadableStream<Uint8Array>, maxBytes: number): Promise<Uint8Array<ArrayBuffer> | null> {
  const reader = body.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (let next = await reader.read(); !next.done; next = await reader.read()) {
    size += next.value.byteLength;
    if (size > maxBytes) {
      await reader.cancel();
      return null;
    }
    chunks.push(next.value);
  }
  const bytes = new Uint8Array(size);
  let offset = 0;
  for (const chunk of chunks) {
    bytes.set(chunk, offset);
    offset += chunk.byteLength;
  }
  return bytes;
}

/** A larger limit for some requests (an editor's token, to ingest a report), decided before the body is read. */
export interface LargeBodies {
  maxBytes: number;
  allowed(request: Request): Promise<boolean>;
}

/**
 * Refuses request bodies over the limit before they are parsed: by their declared length, or,
 * for a body sent without one (chunked), by counting bytes as they arrive. A declared length is
 * held to by node:http, so such bodies are not counted again. (This replaces Yoga's own limit,
 * `maxRequestBodySize`, which pipes every body through a TransformStream: half a millisecond of
 * CPU per request.) Requests that `large` allows (only those carrying a token are asked) may send
 * up to its limit.
 */
export function bodyLimit(maxBytes: number, large?: LargeBodies): Plugin {
  const limitFor = async (request: Request, size: number | null) =>
    large &&
    (size === null || size <= large.maxBytes) &&
    request.headers.has("authorization") &&
    (await large.allowed(request))
      ? large.maxBytes
      : maxBytes;
  return {
    async onRequest({ request, endResponse, fetchAPI }) {
      const length = request.headers.get("content-length");
      if (length === null) return;
      // One whole number: anything else (a list of lengths, a sign) is how request smuggling starts.
      if (!/^\d+$/.test(length))
        return endResponse(
          refusal(
            fetchAPI,
            400,
            "BAD_REQUEST",
            `The Content-Length header must be one whole number of bytes; got ${JSON.stringify(length.slice(0, 40))}.`,
          ),
        );
      const declared = Number(length);
      if (declared <= maxBytes) return;
      const limit = await limitFor(request, declared);
      if (declared > limit)
        endResponse(tooLarge(fetchAPI, `Request body is ${declared} bytes; the limit is ${limit}.`));
    },
    onRequestParse({ request, requestParser, setRequestParser, fetchAPI }) {
      if (request.headers.has("content-length") || !request.body || !requestParser) return;
      setRequestParser(async (req) => {
        const limit = await limitFor(req, null);
        const bytes = req.body && (await readAtMost(req.body, limit));
        if (!bytes) return tooLarge(fetchAPI, `Request body is over the limit of ${limit} bytes.`);
        return requestParser(new fetchAPI.Request(req.url, { method: req.method, headers: req.headers, body: bytes }));
      });
    },
  };
}
