import { createHash } from "node:crypto";
import { promisify } from "node:util";
import { brotliCompress, brotliCompressSync, constants, gzip, gzipSync } from "node:zlib";
import type { Plugin } from "graphql-yoga";

const brotli = promisify(brotliCompress);
const gzipped = promisify(gzip);

/** Answers smaller than this are sent as they are: compressing them saves less than it costs. */
export const COMPRESS_FROM_BYTES = 1024;
const COMPRESSIBLE = /^(application\/(graphql-response\+)?json|application\/geo\+json|text\/)/;

function encodingFor(request: Request): "br" | "gzip" | null {
  const accepted = request.headers.get("accept-encoding") ?? "";
  if (/\bbr\b/.test(accepted)) return "br";
  return /\bgzip\b/.test(accepted) ? "gzip" : null;
}

function addVary(headers: Headers, ...names: string[]) {
  const present = (headers.get("vary") ?? "")
    .split(",")
    .map((s) => s.trim())
    .filter(Boolean);
  headers.set("vary", [...new Set([...present, ...names])].join(", "));
}

/** Bodies up to this size are compressed at once (~0.1 ms for a 13 kB search page); larger ones off the main thread. */
const COMPRESS_AT_ONCE_BYTES = 256 * 1024;

function compress(bytes: Uint8Array, encoding: "br" | "gzip"): Uint8Array | Promise<Uint8Array> {
  const params = { [constants.BROTLI_PARAM_QUALITY]: 4, [constants.BROTLI_PARAM_SIZE_HINT]: bytes.byteLength };
  if (bytes.byteLength <= COMPRESS_AT_ONCE_BYTES)
    return encoding === "br" ? brotliCompressSync(bytes, { params }) : gzipSync(bytes, { level: 6 });
  return encoding === "br" ? brotli(bytes, { params }) : gzipped(bytes, { level: 6 });
}

/** A strong enough validator for one answer's bytes (weak: the same answer may be sent compressed or not). */
const etagOf = (bytes: Uint8Array) => `W/"${createHash("sha1").update(bytes).digest("base64url")}"`;

function matches(ifNoneMatch: string | null, etag: string): boolean {
  if (!ifNoneMatch) return false;
  return (
    ifNoneMatch.trim() === "*" ||
    ifNoneMatch.split(",").some((tag) => tag.trim().replace(/^W\//, "") === etag.replace(/^W\//, ""))
  );
}

/**
 * HTTP for GraphQL answers. A GET of /graphql is cacheable: it carries an ETag of its bytes and a
 * Cache-Control (private when it was asked with a token), and `If-None-Match` with that ETag gets a
 * 304 without a body. Other answers are `no-store`. Answers over 1 KB are compressed with Brotli or
 * gzip when the client accepts them; a streamed export is gzipped as it streams.
 */
export function httpAnswers(options: { maxAge: number }): Plugin {
  return {
    // Synchronous unless there is work to do: a hook that returns a promise sends every answer down
    // whatwg-node's slower path (measured: ~1 ms of CPU more for a search answer sent by POST).
    onResponse({ request, response, setResponse, fetchAPI }) {
      const path = new URL(request.url).pathname;
      if (path !== "/graphql" && path !== "/export") return;
      const encoding = encodingFor(request);
      if (path === "/graphql" && request.method !== "GET" && encoding === null)
        return void response.headers.set("cache-control", "no-store");
      if (response.headers.has("content-encoding") || !COMPRESSIBLE.test(response.headers.get("content-type") ?? ""))
        return;
      if (path === "/export") {
        if (encoding !== null && response.status === 200 && response.body) setResponse(gzipStream(response, fetchAPI));
        return;
      }
      return rewrite(request, response, encoding, options.maxAge).then((answer) => setResponse(answer));
    },
  };

  function gzipStream(response: Response, fetchAPI: { Response: typeof Response }): Response {
    const headers = new Headers(response.headers);
    headers.set("content-encoding", "gzip");
    headers.delete("content-length");
    addVary(headers, "Accept-Encoding");
    return new fetchAPI.Response((response.body as ReadableStream).pipeThrough(new CompressionStream("gzip")), {
      status: response.status,
      headers,
    });
  }

  /** The answer with its validators, or a 304, compressed when asked for. */
  async function rewrite(
    request: Request,
    response: Response,
    encoding: "br" | "gzip" | null,
    maxAge: number,
  ): Promise<Response> {
    const headers = new Headers(response.headers);
    const bytes = Buffer.from(await response.text());
    if (request.method === "GET" && response.status === 200) {
      const etag = etagOf(bytes);
      headers.set("etag", etag);
      const scope = request.headers.has("authorization") ? "private" : "public";
      headers.set("cache-control", `${scope}, max-age=${maxAge}${maxAge === 0 ? ", must-revalidate" : ""}`);
      addVary(headers, "Authorization", "Accept-Encoding");
      if (matches(request.headers.get("if-none-match"), etag)) {
        headers.delete("content-type");
        headers.delete("content-length");
        return new Response(null, { status: 304, headers });
      }
    } else {
      headers.set("cache-control", "no-store");
    }
    let body: Uint8Array = bytes;
    if (encoding && bytes.byteLength >= COMPRESS_FROM_BYTES) {
      body = await compress(bytes, encoding);
      headers.set("content-encoding", encoding);
      addVary(headers, "Accept-Encoding");
    }
    headers.set("content-length", String(body.byteLength));
    return new Response(body as Uint8Array<ArrayBuffer>, {
      status: response.status,
      statusText: response.statusText,
      headers,
    });
  }
}
