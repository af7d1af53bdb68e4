import { defined } from "@parley/schema";
import { type Kind, sampler, type Variant } from "@parley/testkit/load-mix";
import autocannon from "autocannon";
import { readConfig } from "../worker.ts";
import { type ClientRaw, MEASURING } from "./summary.ts";

/**
 * The load client, run in a process of its own so that it does not share an event loop with the
 * server it measures, its settings (ClientConfig) on standard input (worker.ts); prints one JSON
 * object with every latency and failure (summary.ts sums them up).
 */
export interface ClientConfig {
  url: string;
  connections: number;
  /** Seconds measured, after the warm-up. */
  durationS: number;
  /**
   * Seconds of load before the measured ones, whose latencies are not kept (failures are). A server
   * that sat idle while the other was measured needs one to two seconds to reach its pace again.
   */
  warmupS: number;
  variants: Variant[];
  /** Sent with writes. */
  authorization: string;
  /** Baseline mode: send `{ "v": index }` instead of the GraphQL body. */
  baseline: boolean;
  /** Seeds the draw of requests: the same seed gives both servers the same sequence. */
  seed: number;
}

async function run(config: ClientConfig): Promise<ClientRaw> {
  const next = sampler(config.variants, config.seed);
  const latencies: number[] = [];
  const byKind = new Map<Kind, { ms: number[]; errors: number }>();
  const examples: string[] = [];
  let graphqlErrors = 0;
  let last: { kind: Kind; failed: boolean } | null = null;
  let finish!: (result: autocannon.Result) => void;
  let fail!: (error: Error) => void;
  const done = new Promise<autocannon.Result>((resolve, reject) => {
    finish = resolve;
    fail = reject;
  });
  const measureFrom = performance.now() + config.warmupS * 1000;
  const tell = setTimeout(() => process.stdout.write(`${MEASURING}\n`), config.warmupS * 1000);
  const instance = autocannon(
    {
      url: config.url,
      connections: config.connections,
      duration: config.warmupS + config.durationS,
      timeout: 10,
      requests: [
        {
          method: "POST",
          setupRequest(request, context) {
            const index = next();
            const v = defined(config.variants[index]);
            (context as { kind: Kind }).kind = v.kind;
            return {
              ...request,
              method: "POST",
              headers: {
                "content-type": "application/json",
                ...(v.write ? { authorization: config.authorization } : {}),
              },
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
    },
    (error, result) => (error ? fail(error) : finish(result)),
  );
  let warmupMaxMs = 0;
  instance.on("response", (_client: unknown, _status: number, _bytes: number, ms: number) => {
    // Measured: the requests sent after the warm-up. One sent during it and answered after it belongs
    // to the warm-up (its time is the server's start, not its steady state): kept apart.
    const measured = performance.now() - ms >= measureFrom;
    if (measured) latencies.push(ms);
    else warmupMaxMs = Math.max(warmupMaxMs, ms);
    if (!last) return;
    const entry = byKind.get(last.kind) ?? { ms: [], errors: 0 };
    if (measured) entry.ms.push(ms);
    if (last.failed) entry.errors++;
    byKind.set(last.kind, entry);
    last = null;
  });
  const result = await done;
  clearTimeout(tell);
  return {
    durationS: config.durationS,
    warmupMaxMs,
    latencies,
    byKind: Object.fromEntries(byKind),
    errors: { connection: result.errors, timeouts: result.timeouts, non2xx: result.non2xx, graphql: graphqlErrors },
    examples,
  };
}

readConfig<ClientConfig>()
  .then(run)
  .then(
    (result) => process.stdout.write(`${JSON.stringify(result)}\n`),
    (error: unknown) => {
      process.stderr.write(`load client: ${(error as Error).stack ?? String(error)}\n`);
      process.exit(1);
    },
  );
