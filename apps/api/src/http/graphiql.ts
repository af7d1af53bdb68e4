import { brotliCompressSync, constants, gzipSync } from "node:zlib";
import type { GraphiQLOptions, Plugin } from "graphql-yoga";

/** Where GraphiQL's own files are served; the version in the path lets browsers keep them for a year. */
const ASSETS = "/graphiql/5.24.1/";

interface Asset {
  type: string;
  raw: Buffer;
  gzip: Buffer;
  br: Buffer;
}

const compressed = (type: string, raw: Buffer): Asset => ({
  type,
  raw,
  gzip: gzipSync(raw, { level: 9 }),
  br: brotliCompressSync(raw, { params: { [constants.BROTLI_PARAM_QUALITY]: 6 } }),
});

let assets: Promise<Map<string, Asset>> | undefined;

/** GraphiQL's scripts, workers, styles and icon, from the npm package; read and compressed once, when first asked for. */
function loadAssets(): Promise<Map<string, Asset>> {
  assets ??= import("@graphql-yoga/render-graphiql/graphiql").then((g) => {
    const js = (text: string) => compressed("application/javascript; charset=utf-8", Buffer.from(text));
    return new Map([
      ["graphiql.js", js(g.js)],
      ["editor.worker.js", js(g.editorWorkerService)],
      ["json.worker.js", js(g.jsonWorker)],
      ["graphql.worker.js", js(g.graphqlWorker)],
      ["graphiql.css", compressed("text/css; charset=utf-8", Buffer.from(g.css))],
      ["favicon.ico", compressed("image/x-icon", Buffer.from(g.favicon.replace(/^data:[^,]*;base64,/, ""), "base64"))],
    ]);
  });
  return assets;
}

const escapeScript = (json: string) => json.replace(/</g, "\\u003c");

/**
 * GraphiQL's page, with every file it needs served by the API itself (Yoga's default page loads
 * them from unpkg.com): it works on a machine without internet, and no third party learns of it.
 */
export function renderGraphiQL(options: GraphiQLOptions = {}): string {
  const title = (options.title ?? "GraphiQL").replace(/[<&"]/g, "");
  return `<!doctype html>
<html lang="en">
  <head>
    <meta charset="utf-8" />
    <title>${title}</title>
    <link rel="icon" href="${ASSETS}favicon.ico" />
    <link rel="stylesheet" href="${ASSETS}graphiql.css" />
  </head>
  <body id="body" class="no-focus-outline">
    <noscript>GraphiQL needs JavaScript.</noscript>
    <div id="root"></div>
    <script>
      self.MonacoEnvironment = {
        globalAPI: false,
        getWorkerUrl: (_moduleId, label) => "${ASSETS}" + ({ json: "json.worker.js", graphql: "graphql.worker.js" }[label] || "editor.worker.js"),
      };
    </script>
    <script src="${ASSETS}graphiql.js"></script>
    <script>
      YogaGraphiQL.renderYogaGraphiQL(document.querySelector("#root"), ${escapeScript(JSON.stringify(options))});
    </script>
  </body>
</html>`;
}

/** Serves GraphiQL's files under /graphiql/<version>/, compressed when the browser accepts it. */
export function graphiqlAssets(): Plugin {
  return {
    async onRequest({ url, request, endResponse, fetchAPI }) {
      if (!url.pathname.startsWith(ASSETS)) return;
      const asset = (await loadAssets()).get(url.pathname.slice(ASSETS.length));
      if (!asset) return endResponse(new fetchAPI.Response("Not found", { status: 404 }));
      const accepted = request.headers.get("accept-encoding") ?? "";
      const encoding = /\bbr\b/.test(accepted) ? "br" : /\bgzip\b/.test(accepted) ? "gzip" : null;
      const body = encoding ? asset[encoding] : asset.raw;
      const headers: Record<string, string> = {
        "content-type": asset.type,
        "cache-control": "public, max-age=31536000, immutable",
        vary: "Accept-Encoding",
      };
      if (encoding) headers["content-encoding"] = encoding;
      endResponse(new fetchAPI.Response(body as Uint8Array<ArrayBuffer>, { status: 200, headers }));
    },
  };
}
