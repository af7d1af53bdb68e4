import { type Command, UsageError } from "../args.ts";
import { out, say } from "../output.ts";

export const evalCommand: Command = {
  name: "eval",
  summary: "measure ingestion on the evaluation set of public reports (precision, recall, F1)",
  usage:
    "Usage: pnpm parley eval ingest [--split dev|test|all] [--errors] [--knowledge demo|empty]\n\n" +
    "Ingests each report of the evaluation set (packages/ingest/src/eval/reports) as\n" +
    "`parley ingest --dry-run` would, against what a fresh install knows (the demo dataset, read from its\n" +
    "files: no database), and scores the candidates against the gold: precision, recall and F1 for\n" +
    "actors, places, dates, events (type and date at the gold precision) and roles, then role accuracy\n" +
    "on matched participants. The last line is one JSON object.\n" +
    "  --split S       dev (default), test or all; the split is fixed in reports/index.yaml\n" +
    "  --errors       print each dev report's misses and spurious candidates (refused for the test half,\n" +
    "                 so that rules are never tuned to it)\n" +
    "  --knowledge K  demo (default) or empty: what the extraction may match names against",
  options: { split: { type: "string" }, errors: { type: "boolean" }, knowledge: { type: "string" } },
  async run({ values, positionals }) {
    if (positionals[0] !== "ingest") throw new UsageError("Say what to evaluate: pnpm parley eval ingest");
    const split = (values.split as string | undefined) ?? "dev";
    if (split !== "dev" && split !== "test" && split !== "all")
      throw new UsageError(`--split "${split}": say dev, test or all`);
    if (values.errors && split !== "dev")
      throw new UsageError(
        "--errors is for the dev half only: the test half's errors are never shown, so that no rule is tuned to them.",
      );
    const knowledgeName = (values.knowledge as string | undefined) ?? "demo";
    if (knowledgeName !== "demo" && knowledgeName !== "empty")
      throw new UsageError(`--knowledge "${knowledgeName}": say demo or empty`);
    const { emptyKnowledge } = await import("@parley/ingest");
    const { demoKnowledge, formatResult, runEval } = await import("@parley/ingest/eval");
    const { result, runs } = runEval(knowledgeName === "demo" ? demoKnowledge() : emptyKnowledge, split);
    if (values.errors) {
      for (const run of runs.filter((r) => r.score.errors.length > 0)) {
        say(
          `\n${run.report.file} (${run.report.published}) ${run.title === run.report.title ? "" : `title: ${JSON.stringify(run.title)}`}`,
        );
        for (const error of run.score.errors) say(`  ${error}`);
      }
      say("");
    }
    for (const line of formatResult(result)) out(line);
    out(JSON.stringify(result));
  },
};
