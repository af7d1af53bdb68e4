import { readFileSync } from "node:fs";
import autocannon from "autocannon";
import { percentile } from "../report.ts";
import { sampler, type Kind, type Variant } from "./mix.ts";

/**
 * The load client, run in a process of its own so that it does not share an event loop with the
 * server it measures: `client.ts <config.json>`; prints one JSON object with the figures.
 */
export interface ClientConfig {
  url: string;
  connections: number;
  durationS: number;
  variants: Variant[];
  /** Sent with writes. */
  authorization: string;
  /** Baseline mode: send `{ "v": index }` instead of the GraphQL body. */
  baseline: boolean;
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
  by_kind: Record<string, { requests: number; p50_ms: number; p95_ms: number; p99_ms: number; errors: number }>;
}

async function run(config: ClientConfig): Promise<ClientResult> {
  const next = sampler(config.variants, 42);
  const latencies: number[] = [];
  const byKind = new Map<Kind, { ms: number[]; errors: number }>();
  const examples: string[] = [];
  let graphqlErrors = 0;
  let last: { kind: Kind; failed: boolean } | null = null;
  let finish!: (result: autocannon.Result) => void;
  let fail!: (error: Error) => void;
  const done = new Promise<autocannon.Result>((resolve, reject) => ((finish = resolve), (fail = reject)));
  const instance = autocannon({
    url: config.url,
    connections: config.connections,
    duration: config.durationS,
    timeout: 10,
    requests: [
      {
        method: "POST",
        setupRequest(request, context) {
          const index = next();
          const v = config.variants[index]!;
          (context as { kind: Kind }).kind = v.kind;
          return {
            ...request,
            method: "POST",
            headers: { "content-type": "application/json", ...(v.write ? { authorization: config.authorization } : {}) },
            body: config.baseline ? JSON.stringify({ v: index }) : v.body,
          };
        },
        onResponse(status, body, context) {
          const kind = (context as { kind: Kind }).kind;
          let failed = status !== 200;
          if (!failed && !config.baseline) {
            // A refused write (a typed error in the result) counts as an error too.
            failed = body.includes('"errors":[') || (kind === "write" && !body.includes("CreateEventSuccess"));
            if (failed) graphqlErrors++;
          }
          if (failed && examples.length < 5) examples.push(`${kind} ${status}: ${body.slice(0, 300)}`);
          last = { kind, failed };
        },
      },
    ],
  }, (error, result) => (error ? fail(error) : finish(result)));
  instance.on("response", (_client: unknown, _status: number, _bytes: number, ms: number) => {
    latencies.push(ms);
    if (!last) return;
    const entry = byKind.get(last.kind) ?? { ms: [], errors: 0 };
    entry.ms.push(ms);
    if (last.failed) entry.errors++;
    byKind.set(last.kind, entry);
    last = null;
  });
  const result = await done;
  const round = (n: number) => Number(n.toFixed(1));
  const total = result.errors + result.non2xx + graphqlErrors;
  return {
    requests: latencies.length,
    rps: round(latencies.length / config.durationS),
    p50_ms: round(percentile(latencies, 50)),
    p95_ms: round(percentile(latencies, 95)),
    p99_ms: round(percentile(latencies, 99)),
    max_ms: round(Math.max(0, ...latencies)),
    errors: { total, connection: result.errors, timeouts: result.timeouts, non2xx: result.non2xx, graphql: graphqlErrors, examples },
    by_kind: Object.fromEntries(
      [...byKind].map(([kind, e]) => [kind, { requests: e.ms.length, p50_ms: round(percentile(e.ms, 50)), p95_ms: round(percentile(e.ms, 95)), p99_ms: round(percentile(e.ms, 99)), errors: e.errors }]),
    ),
  };
}

const config = JSON.parse(readFileSync(process.argv[2]!, "utf8")) as ClientConfig;
run(config).then(
  (result) => process.stdout.write(`${JSON.stringify(result)}\n`),
  (error: unknown) => {
    process.stderr.write(`load client: ${(error as Error).stack ?? String(error)}\n`);
    process.exit(1);
  },
);
