import { dayOf } from "@parley/schema";
import type { SearchEngine } from "@parley/search";
import { FORMAT_FILES, startExport } from "./export.ts";
import { type ExportRequest, ExportRequestError, exportRequestFromParams } from "./query.ts";

/**
 * `GET /export?format=csv&q=…&type=…`: the search page's parameters plus the format, answered with
 * the file as a download, streamed as it is written. Bad parameters get a 400 naming each of them.
 */
export async function exportResponse(engine: SearchEngine, url: URL, today = new Date()): Promise<Response> {
  let request: ExportRequest;
  try {
    request = exportRequestFromParams(url.searchParams);
  } catch (error) {
    if (!(error instanceof ExportRequestError)) throw error;
    return Response.json({ error: `The export was refused: ${error.message}`, issues: error.issues }, { status: 400 });
  }
  const run = await startExport(engine, request);
  const encoder = new TextEncoder();
  const body = new ReadableStream<Uint8Array>({
    async pull(controller) {
      try {
        for (;;) {
          const next = await run.chunks.next();
          if (next.done) return controller.close();
          if (next.value) return controller.enqueue(encoder.encode(next.value));
        }
      } catch (error) {
        controller.error(error);
      }
    },
    async cancel() {
      await run.chunks.return(undefined);
    },
  });
  const { extension, contentType } = FORMAT_FILES[request.format];
  return new Response(body, {
    headers: {
      "content-type": contentType,
      "content-disposition": `attachment; filename="parley-events-${dayOf(today)}.${extension}"`,
      "cache-control": "no-store",
      "x-parley-total-count": String(run.total),
    },
  });
}
