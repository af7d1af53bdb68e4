import { ingestReportInput } from "@parley/schema";
import { builder } from "../../builder.ts";
import { authorize } from "../auth/access.ts";
import { authorOf } from "../auth/viewer.ts";
import { ForbiddenError, NotFoundError, ValidationError } from "../shared/errors.ts";
import { parseInput } from "../shared/input.ts";
import { clientMutationIdField, reload, resultUnion } from "../shared/mutation.ts";
import { writeAndRead } from "../shared/write.ts";

const IngestReportInputRef = builder.inputType("IngestReportInput", {
  description: "A news report to ingest, as text or as an HTML page, and what the report itself may not say.",
  fields: (t) => ({
    clientMutationId: clientMutationIdField(t),
    content: t.string({
      required: true,
      description:
        "The report: plain text, or a whole HTML page (told by `fileName` ending in .html or .htm, or by the content starting with `<!doctype` or `<html`), at most 5,000,000 characters.",
    }),
    fileName: t.string({
      description:
        "The file's name, kept as the source's document (no folders), at most 300 characters; report.txt when left out.",
    }),
    outlet: t.string({
      description:
        "The outlet that published it: a media outlet's key or name. One Parley does not know is proposed as an actor candidate.",
    }),
    date: t.field({
      type: "Date",
      description:
        "The publication date; read from the report's first lines when left out. Without one, dates that need it are left unresolved on the candidates.",
    }),
    url: t.string({ description: "Where the report was published: an http or https URL, at most 2000 characters." }),
    title: t.string({
      description:
        "The report's title, at most 300 characters; by default an HTML page's headline, else the text's first headline-like line.",
    }),
  }),
});

/** The extraction (sentences, names, places, dates) is loaded on first use: the API answers without it until a report comes. */
const ingestion = () => import("@parley/ingest");

builder.mutationField("ingestReport", (t) =>
  t.prismaField({
    type: "Source",
    description:
      "Ingests a news report (editor), as `pnpm parley ingest` does: stores it as a source with its plain text and queues the events, new actors and cited outlets it proposes as candidates for review (`Source.candidates`). Nothing becomes an event until a candidate is accepted.",
    errors: resultUnion("ingestReport", "source", "The report, stored as a source; its `candidates` wait for review.", [
      ValidationError,
      NotFoundError,
      ForbiddenError,
    ]),
    args: {
      input: t.arg({
        type: IngestReportInputRef,
        required: true,
        description: "The report and what is known about it.",
      }),
    },
    resolve: async (query, _root, args, ctx, info) => {
      const viewer = authorize(ctx, "EDITOR", "Ingesting a report");
      const input = parseInput(ingestReportInput, args.input);
      const { ingestReport, storeReport, IngestError, STORE_TIMEOUT_MS } = await ingestion();
      const report = {
        file: input.fileName ?? "report.txt",
        content: input.content,
        outlet: input.outlet ?? undefined,
        date: input.date ?? undefined,
        url: input.url ?? undefined,
        title: input.title ?? undefined,
      };
      // Extraction reads what Parley knows but writes nothing; the write below stores its result.
      const extracted = await ingestReport(ctx.db, report, { dryRun: true }).catch((error: unknown) => {
        throw error instanceof IngestError
          ? new ValidationError([{ field: "input.date", message: error.message }])
          : error;
      });
      return writeAndRead(
        { ctx, info, args },
        async (tx) =>
          (await storeReport(tx, report, extracted.report, extracted.extraction, authorOf(viewer))).sourceId,
        (tx, id) => tx.source.findUniqueOrThrow({ ...reload(query), where: { id } }),
        { timeout: STORE_TIMEOUT_MS },
      );
    },
  }),
);
