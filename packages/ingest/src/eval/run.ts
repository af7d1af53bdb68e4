import type { Extraction } from "../candidates.ts";
import { extractCandidates } from "../extract.ts";
import { IngestError, prepareReport } from "../ingest.ts";
import type { Knowledge } from "../knowledge.ts";
import { add, type Counts, prf } from "./match.ts";
import { type Measure, type ReportScore, scoreReport } from "./score.ts";
import { documentOf, type EvalReport, readEvalSet, type Split } from "./set.ts";

export interface EvalResult {
  split: Split | "all";
  reports: number;
  measures: Record<Measure, { precision: number; recall: number; f1: number } & Counts>;
  roleAccuracy: number;
  kindAccuracy: number;
  eventPlaceAccuracy: number;
  titles: number;
  refused: number;
  seconds: number;
}

export interface ReportRun {
  report: EvalReport;
  score: ReportScore;
  title: string | null;
}

const MEASURES: Measure[] = ["actors", "places", "dates", "events", "roles"];
const empty: Extraction = { actors: [], places: [], dates: [], events: [], cites: [], warnings: [] };

/** Ingests every report of a split as `parley ingest --dry-run` would (with `--date` when known) and scores it. */
export function runEval(knowledge: Knowledge, split: Split | "all"): { result: EvalResult; runs: ReportRun[] } {
  const started = performance.now();
  const reports = readEvalSet().filter((r) => split === "all" || r.split === split);
  const runs: ReportRun[] = reports.map((report) => {
    const input = {
      file: report.file.replace(/\.yaml$/, ".txt"),
      content: documentOf(report),
      ...(report.published !== "unknown" ? { date: report.published } : {}),
    };
    try {
      const prepared = prepareReport(input);
      const extraction = extractCandidates(prepared.text, prepared.published, knowledge);
      return { report, score: scoreReport(report, extraction), title: prepared.title };
    } catch (error) {
      // A refused report yields nothing: that is what its reader gets.
      if (!(error instanceof IngestError)) throw error;
      return { report, score: scoreReport(report, empty), title: null };
    }
  });
  const total = (m: Measure) => runs.reduce((c, r) => add(c, r.score.counts[m]), { tp: 0, fp: 0, fn: 0 });
  const sum = (f: (s: ReportScore) => number) => runs.reduce((n, r) => n + f(r.score), 0);
  const ratio = (a: number, b: number) => (b === 0 ? 1 : a / b);
  const measures = Object.fromEntries(
    MEASURES.map((m) => [m, { ...prf(total(m)), ...total(m) }]),
  ) as EvalResult["measures"];
  return {
    runs,
    result: {
      split,
      reports: runs.length,
      measures,
      roleAccuracy: ratio(
        sum((s) => s.participants.sameRole),
        sum((s) => s.participants.matched),
      ),
      kindAccuracy: ratio(
        sum((s) => s.kinds.same),
        sum((s) => s.kinds.matched),
      ),
      eventPlaceAccuracy: ratio(
        sum((s) => s.eventPlaces.same),
        sum((s) => s.eventPlaces.withPlace),
      ),
      titles: runs.filter((r) => r.title === r.report.title).length,
      refused: runs.filter((r) => r.title === null).length,
      seconds: (performance.now() - started) / 1000,
    },
  };
}

const pct = (n: number) => n.toFixed(2);

/** The table `parley eval ingest` prints; the JSON line follows it. */
export function formatResult(r: EvalResult): string[] {
  return [
    `Ingestion measured on ${r.split === "all" ? "both halves" : `the ${r.split} half`} of the evaluation set: ${r.reports} reports (${r.refused} refused), ${r.seconds.toFixed(1)} s.`,
    "measure   precision  recall     F1    tp    fp    fn",
    ...MEASURES.map((m) => {
      const x = r.measures[m];
      return `${m.padEnd(8)}  ${pct(x.precision).padStart(9)}  ${pct(x.recall).padStart(6)}  ${pct(x.f1).padStart(5)}  ${String(x.tp).padStart(4)}  ${String(x.fp).padStart(4)}  ${String(x.fn).padStart(4)}`;
    }),
    `role accuracy on matched participants ${pct(r.roleAccuracy)}; actor kinds right ${pct(r.kindAccuracy)}; event places right ${pct(r.eventPlaceAccuracy)}; titles right ${r.titles}/${r.reports}`,
  ];
}
