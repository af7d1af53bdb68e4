import { defined } from "@parley/schema";
import { percentile, table } from "../report.ts";

export interface Measure {
  name: string;
  what: string;
  target_ms: number;
  samples: number[];
}

const ms = (n: number) => Math.round(n);

/** A table on stdout, then one JSON object as the last line. Targets are judged on p95. */
export function printWebReport(report: { runs: number; measures: Measure[]; machine: Record<string, unknown> }) {
  const measures = report.measures.map((m) => {
    const p95 = percentile(m.samples, 95);
    return {
      name: m.name,
      p50_ms: ms(percentile(m.samples, 50)),
      p95_ms: ms(p95),
      max_ms: ms(Math.max(...m.samples)),
      target_ms: m.target_ms,
      target_met: p95 <= m.target_ms,
      samples: m.samples.length,
    };
  });
  const header = ["measure", "what", "p50", "p95", "max", "target", "p95 ≤ target"];
  const rows = measures.map((m, i) => [
    m.name,
    defined(report.measures[i]).what,
    `${m.p50_ms}`,
    `${m.p95_ms}`,
    `${m.max_ms}`,
    `≤ ${m.target_ms}`,
    m.target_met ? "met" : "MISSED",
  ]);
  process.stdout.write(`\nWeb benchmark: ${report.runs} runs after one warm-up, times in ms, targets on p95\n`);
  process.stdout.write(table(header, rows, 2));
  process.stdout.write(`machine: ${JSON.stringify(report.machine)}\n`);
  process.stdout.write(
    `${JSON.stringify({ runs: report.runs, measures, targets_met: measures.every((m) => m.target_met), machine: report.machine })}\n`,
  );
}
