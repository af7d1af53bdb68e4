import { existsSync } from "node:fs";
import { availableParallelism, cpus, loadavg, totalmem } from "node:os";
import path from "node:path";
import { defined } from "@parley/schema";
import { launchBrowser } from "@parley/testkit/browser";
import { startStack, WEB_DIR } from "@parley/testkit/stack";
import { facetClicker, paintOf } from "./measure.ts";
import { type Measure, printWebReport } from "./report.ts";

const say = (line: string) => process.stderr.write(`${line}\n`);

/** What `pnpm bench web` runs; apps/cli reads it from the command line (its --help says what it is). */
export interface WebBenchOptions {
  /** Measured runs, after one warm-up. */
  runs: number;
}

/** The production build must exist; it is measured as it is (an older build than the sources included). */
function checkBuild(): boolean {
  const buildId = path.join(WEB_DIR, ".next", "BUILD_ID");
  if (!existsSync(buildId)) {
    process.stderr.write(
      `bench web: no production build of the web app (apps/web/.next/BUILD_ID is missing).\nRun \`pnpm --filter @parley/web build\` (or \`pnpm build\`) first, then \`pnpm bench web\` again.\n`,
    );
    return false;
  }
  return true;
}

/** The Pakistan–TTP talks process of the demo data (or the first process) and its first event. */
async function pagesToPaint(apiUrl: string): Promise<{ event: string; process: string }> {
  const response = await fetch(apiUrl, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({
      query: "{ processes(first: 100) { edges { node { id name events(first: 1) { edges { node { id } } } } } } }",
    }),
  });
  type Page = { edges: { node: { id: string; name: string; events: { edges: { node: { id: string } }[] } } }[] };
  const { data } = (await response.json()) as { data?: { processes: Page } };
  const withEvents = data?.processes.edges.map((e) => e.node).filter((p) => p.events.edges.length > 0) ?? [];
  const process = withEvents.find((p) => p.name.startsWith("Pakistan–TTP talks")) ?? withEvents[0];
  const firstEvent = process?.events.edges[0]?.node.id;
  if (!process || !firstEvent)
    throw new Error(`the API at ${apiUrl} has no process with events; is the demo data loaded?`);
  return {
    event: `/events/${encodeURIComponent(firstEvent)}`,
    process: `/processes/${encodeURIComponent(process.id)}`,
  };
}

const load = () => loadavg().map((n) => Number(n.toFixed(2)));

/** The browser benchmark: prints a table, then one JSON object as the last line; 2 without a production build. */
export async function runWebBench({ runs }: WebBenchOptions): Promise<number> {
  if (!checkBuild()) return 2;
  const loadBefore = load();
  say("starting PostgreSQL, the API with the demo data and next start…");
  const stack = await startStack();
  const browser = await launchBrowser().catch(async (error: unknown) => {
    await stack.stop();
    throw error;
  });
  try {
    const pages = await pagesToPaint(stack.apiUrl);
    const urls = {
      search: `${stack.webUrl}/?q=Tehreek`,
      event: `${stack.webUrl}${pages.event}`,
      process: `${stack.webUrl}${pages.process}`,
    };
    const facets = await facetClicker(browser, urls.search);
    const samples: Record<string, number[]> = {};
    const add = (name: string, value: number) => {
      samples[name] ??= [];
      samples[name].push(value);
    };
    // Run 0 warms up; every run interleaves all measures so that they see the same machine load.
    for (let run = 0; run <= runs; run++) {
      say(run === 0 ? "warm-up run" : `run ${run}/${runs}`);
      for (const page of ["search", "event", "process"] as const) {
        const paint = await paintOf(browser, urls[page]);
        if (run > 0) {
          add(`${page}_fcp`, paint.fcp);
          add(`${page}_lcp`, paint.lcp);
        }
      }
      const facet = await facets.measure();
      if (run > 0) add("facet_update", facet);
    }
    const paint = (page: string, label: string, url: string): Measure[] => [
      {
        name: `${page}_fcp`,
        what: `first contentful paint, ${label} (${url})`,
        target_ms: 1000,
        samples: defined(samples[`${page}_fcp`]),
      },
      {
        name: `${page}_lcp`,
        what: `largest contentful paint, ${label}`,
        target_ms: 1000,
        samples: defined(samples[`${page}_lcp`]),
      },
    ];
    printWebReport({
      runs,
      measures: [
        ...paint("search", "search page with its timeline and map", "/?q=Tehreek"),
        ...paint("event", "event page", pages.event),
        ...paint("process", "process page", pages.process),
        {
          name: "facet_update",
          what: "click on the Ceasefire facet to updated result count",
          target_ms: 300,
          samples: defined(samples.facet_update),
        },
      ],
      machine: {
        cpus: availableParallelism(),
        cpu: cpus()[0]?.model ?? "unknown",
        memory_gb: Math.round(totalmem() / 1e9),
        node: process.version,
        browser: `Chromium ${browser.version()}`,
        load_average_before: loadBefore,
        load_average_after: load(),
      },
    });
    return 0;
  } finally {
    await browser.close();
    await stack.stop();
  }
}
