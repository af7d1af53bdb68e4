import { defined } from "@parley/schema";
export interface CaseResult {
  name: string;
  target: number;
  graphql: number[];
  direct: number[];
  /** The direct path plus a bare HTTP round trip of the GraphQL answer's bytes. */
  floor: number[];
  naive: number[];
}

/** Nearest-rank percentile. */
export function percentile(samples: number[], p: number): number {
  const sorted = [...samples].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))] ?? NaN;
}

/** A plain-text table: the first `textColumns` columns left-aligned, the rest (numbers) right-aligned. */
export function table(header: string[], rows: string[][], textColumns: number): string {
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => defined(r[i]).length)));
  const line = (cells: string[]) =>
    cells.map((c, i) => (i < textColumns ? c.padEnd(defined(widths[i])) : c.padStart(defined(widths[i])))).join("  ");
  return `${line(header)}\n${line(widths.map((w) => "-".repeat(w)))}\n${rows.map(line).join("\n")}\n`;
}

/**
 * The API-overhead target as restated in issue 21: GraphQL over HTTP may add at most 2 ms to the
 * direct path's median (the first statement, p95 ≤ 1.3× direct, was out of reach for transport
 * alone; see docs/benchmarks.md).
 */
const API_OVERHEAD_MS = 2;
const ms = (n: number) => Number(n.toFixed(2));

export function printReport(report: {
  events: number;
  seed: number;
  machine: Record<string, unknown>;
  index: Record<string, unknown>;
  results: CaseResult[];
}) {
  const cases = report.results.map((r) => {
    const graphqlP95 = percentile(r.graphql, 95);
    const directP95 = percentile(r.direct, 95);
    const floorP95 = percentile(r.floor, 95);
    const graphqlP50 = percentile(r.graphql, 50);
    const directP50 = percentile(r.direct, 50);
    return {
      name: r.name,
      graphql_p50_ms: ms(graphqlP50),
      graphql_p95_ms: ms(graphqlP95),
      direct_p50_ms: ms(directP50),
      direct_p95_ms: ms(directP95),
      floor_p50_ms: ms(percentile(r.floor, 50)),
      floor_p95_ms: ms(floorP95),
      naive_sql_p50_ms: ms(percentile(r.naive, 50)),
      naive_sql_p95_ms: ms(percentile(r.naive, 95)),
      target_p95_ms: r.target,
      // the restated API overhead: what GraphQL over HTTP adds to the direct path's median
      overhead_p50_ms: ms(graphqlP50 - directP50),
      // three decimals, so that a ratio just over the target does not print as the target itself
      graphql_over_direct: Number((graphqlP95 / directP95).toFixed(3)),
      // the least GraphQL / direct any HTTP API could reach on this machine: transport alone
      floor_over_direct: Number((floorP95 / directP95).toFixed(3)),
      samples: { graphql: r.graphql.length, direct: r.direct.length, floor: r.floor.length, naive_sql: r.naive.length },
      target_met: graphqlP95 <= r.target && directP95 <= r.target,
      api_overhead_met: graphqlP50 - directP50 <= API_OVERHEAD_MS,
    };
  });
  const header = [
    "case",
    "target p95",
    "GraphQL p50",
    "GraphQL p95",
    "direct p50",
    "direct p95",
    "floor p95",
    "naive p50",
    "naive p95",
    "GQL/direct",
    "floor/direct",
    "GQL−direct p50",
    "target",
    "overhead ≤2 ms",
  ];
  const rows = cases.map((c) => [
    c.name,
    `${c.target_p95_ms}`,
    `${c.graphql_p50_ms}`,
    `${c.graphql_p95_ms}`,
    `${c.direct_p50_ms}`,
    `${c.direct_p95_ms}`,
    `${c.floor_p95_ms}`,
    c.samples.naive_sql ? `${c.naive_sql_p50_ms}` : "—",
    c.samples.naive_sql ? `${c.naive_sql_p95_ms}` : "—",
    `${c.graphql_over_direct}`,
    `${c.floor_over_direct}`,
    `${c.overhead_p50_ms}`,
    c.target_met ? "met" : "MISSED",
    c.api_overhead_met ? "met" : "MISSED",
  ]);
  process.stdout.write(
    `\nSearch benchmark: ${report.events.toLocaleString("en")} events (seed ${report.seed}), times in ms\n`,
  );
  process.stdout.write(table(header, rows, 1));
  process.stdout.write(`overhead: GraphQL p50 − direct p50, target ≤ ${API_OVERHEAD_MS} ms a case (issue 21)\n`);
  process.stdout.write(
    "floor: the direct path plus a bare HTTP round trip of the GraphQL answer's bytes (no GraphQL), the least any HTTP API could add\n",
  );
  process.stdout.write(`index: ${JSON.stringify(report.index)}  machine: ${JSON.stringify(report.machine)}\n`);
  const json = {
    events: report.events,
    cases,
    targets_met: cases.every((c) => c.target_met),
    api_overhead_met: cases.every((c) => c.api_overhead_met),
    seed: report.seed,
    index: report.index,
    machine: report.machine,
  };
  process.stdout.write(`${JSON.stringify(json)}\n`);
}
