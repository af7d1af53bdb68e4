import { createHash } from "node:crypto";
import { promisify } from "node:util";
import { brotliCompress, constants, gzip } from "node:zlib";
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
  const present = (headers.get("vary") ?? "").split(",").map((s) => s.trim()).filter(Boolean);
  headers.set("vary", [...new Set([...present, ...names])].join(", "));
}

/** A strong enough validator for one answer's bytes (weak: the same answer may be sent compressed or not). */
const etagOf = (bytes: Uint8Array) => `W/"${createHash("sha1").update(bytes).digest("base64url")}"`;

function matches(ifNoneMatch: string | null, etag: string): boolean {
  if (!ifNoneMatch) return false;
  return ifNoneMatch.trim() === "*" || ifNoneMatch.split(",").some((tag) => tag.trim().replace(/^W\//, "") === etag.replace(/^W\//, ""));
}

/**
 * HTTP for GraphQL answers. A GET of /graphql is cacheable: it carries an ETag of its bytes and a
 * Cache-Control (private when it was asked with a token), and `If-None-Match` with that ETag gets a
 * 304 without a body. Other answers are `no-store`. Answers over 1 KB are compressed with Brotli or
 * gzip when the client accepts them; a streamed export is gzipped as it streams.
 */
export function httpAnswers(options: { maxAge: number }): Plugin {
  return {
    async onResponse({ request, response, setResponse, fetchAPI }) {
      const type = response.headers.get("content-type") ?? "";
      if (!response.body || response.headers.has("content-encoding") || !COMPRESSIBLE.test(type)) return;
      const path = new URL(request.url).pathname;
      const encoding = encodingFor(request);
      if (path === "/export") {
        if (encoding === null || response.status !== 200) return;
        const headers = new Headers(response.headers);
        headers.set("content-encoding", "gzip");
        headers.delete("content-length");
        addVary(headers, "Accept-Encoding");
        setResponse(new fetchAPI.Response(response.body.pipeThrough(new CompressionStream("gzip")), { status: response.status, headers }));
        return;
      }
      if (path !== "/graphql") return;
      if (request.method !== "GET" && encoding === null) return void response.headers.set("cache-control", "no-store");
      const headers = new Headers(response.headers);
      const bytes = new Uint8Array(await response.arrayBuffer());
      if (request.method === "GET" && response.status === 200) {
        const etag = etagOf(bytes);
        headers.set("etag", etag);
        const scope = request.headers.has("authorization") ? "private" : "public";
        headers.set("cache-control", `${scope}, max-age=${options.maxAge}${options.maxAge === 0 ? ", must-revalidate" : ""}`);
        addVary(headers, "Authorization", "Accept-Encoding");
        if (matches(request.headers.get("if-none-match"), etag)) {
          headers.delete("content-type");
          headers.delete("content-length");
          return setResponse(new fetchAPI.Response(null, { status: 304, headers }));
        }
      } else {
        headers.set("cache-control", "no-store");
      }
      let body: Uint8Array = bytes;
      if (encoding && bytes.byteLength >= COMPRESS_FROM_BYTES) {
        body = encoding === "br" ? await brotli(bytes, { params: { [constants.BROTLI_PARAM_QUALITY]: 4, [constants.BROTLI_PARAM_SIZE_HINT]: bytes.byteLength } }) : await gzipped(bytes, { level: 6 });
        headers.set("content-encoding", encoding);
        addVary(headers, "Accept-Encoding");
      }
      headers.set("content-length", String(body.byteLength));
      setResponse(new fetchAPI.Response(body as Uint8Array<ArrayBuffer>, { status: response.status, statusText: response.statusText, headers }));
    },
  };
}
