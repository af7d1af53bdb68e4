import { percentile } from "../report.ts";

/** The line the load client prints when its warm-up ends and its measured seconds begin. */
export const MEASURING = "measuring";

/** What one run of the load client saw: every latency, by kind too, and the failures. */
export interface ClientRaw {
  durationS: number;
  /** The slowest request sent during the warm-up (not measured). */
  warmupMaxMs: number;
  latencies: number[];
  byKind: Record<string, { ms: number[]; errors: number }>;
  errors: { connection: number; timeouts: number; non2xx: number; graphql: number };
  examples: string[];
}

export interface ClientResult {
  requests: number;
  rps: number;
  p50_ms: number;
  p95_ms: number;
  p99_ms: number;
  max_ms: number;
  /** Connection errors and timeouts, non-2xx answers, and GraphQL errors in 200 answers. */
  errors: { total: number; connection: number; timeouts: number; non2xx: number; graphql: number; examples: string[] };
  by_kind: Record<
    string,
    { requests: number; p50_ms: number; p95_ms: number; p99_ms: number; max_ms: number; errors: number }
  >;
}

const round = (n: number) => Number(n.toFixed(1));
const largest = (samples: number[]) => samples.reduce((max, n) => Math.max(max, n), 0);

/** The figures of one server over all its runs of the client: throughput over their total time, percentiles over every request. */
export function summarize(raws: ClientRaw[]): ClientResult {
  const latencies = raws.flatMap((r) => r.latencies);
  const seconds = raws.reduce((sum, r) => sum + r.durationS, 0);
  const errors = { connection: 0, timeouts: 0, non2xx: 0, graphql: 0 };
  const byKind = new Map<string, { ms: number[]; errors: number }>();
  for (const r of raws) {
    for (const key of Object.keys(errors) as (keyof typeof errors)[]) errors[key] += r.errors[key];
    for (const [kind, k] of Object.entries(r.byKind)) {
      const entry = byKind.get(kind) ?? { ms: [], errors: 0 };
      entry.ms.push(...k.ms);
      entry.errors += k.errors;
      byKind.set(kind, entry);
    }
  }
  return {
    requests: latencies.length,
    rps: round(latencies.length / seconds),
    p50_ms: round(percentile(latencies, 50)),
    p95_ms: round(percentile(latencies, 95)),
    p99_ms: round(percentile(latencies, 99)),
    max_ms: round(largest(latencies)),
    errors: {
      total: errors.connection + errors.non2xx + errors.graphql,
      ...errors,
      examples: raws.flatMap((r) => r.examples).slice(0, 5),
    },
    by_kind: Object.fromEntries(
      [...byKind].map(([kind, e]) => [
        kind,
        {
          requests: e.ms.length,
          p50_ms: round(percentile(e.ms, 50)),
          p95_ms: round(percentile(e.ms, 95)),
          p99_ms: round(percentile(e.ms, 99)),
          max_ms: round(largest(e.ms)),
          errors: e.errors,
        },
      ]),
    ),
  };
}
