// The benches' --help texts (commands/bench.ts). `pnpm bench …` is `pnpm parley bench …`.

/** `pnpm bench search`, and what `pnpm bench --help` prints: every bench, then the search bench. */
export const SEARCH_USAGE = `Usage: pnpm bench search [--events N] [--seed S] [--iterations K] [--naive R]
       pnpm bench load [--events N] [--duration S] [--connections C]   (see pnpm bench load --help)
       pnpm bench web [--runs N]   (paint and facet timings in Chromium; see pnpm bench web --help)
       pnpm bench start [--events N] [--runs R]   (time to the first search after a start; see pnpm bench start --help)
       pnpm bench import [--rows N]   (ACLED import speed at N rows; see pnpm bench import --help)

Runs the search query mix (landing page, broad filter, selective text + two filters, actor
typeahead, the places and the fatalities of every result, actors in roles and a dyad) against a generated corpus of N events (default 1,000,000; or BENCH_EVENTS) in an
embedded PostgreSQL of its own (.parley/bench, reused while it holds the same N and seed). Each
case runs through GraphQL over HTTP, through the search code directly, and the naive way (one
GROUP BY per facet); K samples a mode (default 200). The floor is the direct path plus a bare HTTP
round trip of the same answer's bytes: what an API layer costing nothing but transport would give.
--naive R: R runs of the naive SQL a case (default 3,000,000 / N, at least 3, at most K; 0 leaves
it out, as at ten million events, where it takes minutes a run). At 10,000,000 events and more the
places and fatalities cases are held to 100 ms instead of 50.
Prints a table, then one JSON object as the last line.`;

/** `pnpm bench load --help`. */
export const LOAD_USAGE = `Usage: pnpm bench load [--events N] [--duration S] [--connections C] [--rounds R] [--warmup W] [--seed S] [--by-kind K]

Load test: N generated events (default 1,000,000; reused from .parley/bench/<N>), the API served
over HTTP, and C concurrent clients (default 50, autocannon in a process of its own) sending a mix
for S seconds (default 60): searchEvents (landing, facet filters, text), detail reads (event, actor,
source by ID), searchActors typeahead and a few createEvent writes with an editor token. Then the
same for a baseline: a bare node:http + pg server that replays, for each request, the SQL the API
sent for it. The S seconds of each are split into R rounds (default 4 from 60 s, 2 from 30 s, else
1), taken in turn (API, baseline, baseline, API, …) so that both see the machine alike; each round
starts with W seconds of load that are not measured (default 3; a server that sat idle while the
other ran needs one or two to reach its pace again). Prints
throughput, p50/p95/p99 latency, errors and each server process's CPU use (the API runs in this
process, the baseline in one of its own; 100 % of a core means one Node thread is the limit), then
one JSON object as the last line. Exits 1 if any request of the API failed.

--by-kind K: afterwards, where the API's CPU goes: each kind of request alone for K seconds
(after W of warm-up), with the API's CPU a request; searches twice, answered from the cache of
recent searches (nothing writes meanwhile) and with the cache off. Then the mix's CPU a request
those figures predict, at the hit rate the run saw.`;

/** `pnpm bench web --help`. */
export const WEB_USAGE = `Usage: pnpm bench web [--runs N]

Browser benchmark of the web app's production build. Starts what the browser tests use (a
throwaway embedded PostgreSQL, the API with the demo data, \`next start\`) and drives Debian's
Chromium (or CHROMIUM_PATH) through playwright-core. After one warm-up it takes N runs (default 10)
of: first and largest contentful paint of /?q=Tehreek, of an event page and of a process page, each
in a fresh browser context; and the time from a click on a facet to the updated result count.
Prints a table, then one JSON object as the last line with p50/p95 per measure and whether each
target is met (paint ≤ 1000 ms, facet update ≤ 300 ms, judged on p95).

It builds nothing and measures the build as it is: run \`pnpm --filter @parley/web build\` (or
\`pnpm build\`) first and after changing apps/web. Exits 0 when it
measured, even if a target is missed; 1 when it cannot run, 2 on bad arguments or a missing build.`;

/** `pnpm bench start --help`. */
export const START_USAGE = `Usage: pnpm bench start [--events N] [--seed S] [--runs R] [--writes K]

Start-up time: the API is started as a process of its own (apps/api/src/main.ts, as pnpm start
runs it) on a generated corpus of N events (default 1,000,000; the bench's own embedded
PostgreSQL, reused from .parley/bench/<N>), and timed from the spawn to its first answered search.
The first start finds no saved index and builds it (then saves it); each of the R further starts
(default 3) loads the saved index and catches up from the change log, after K events were changed
while the API was down (default 1,000). Reports each start's time, the process's peak resident
memory, and as its last line one JSON object. Targets: first search <= 5 s after start at a
million events, <= 30 s at ten million.`;

/** `pnpm bench import --help`. */
export const IMPORT_USAGE = `Usage: pnpm bench import [--rows N] [--seed S] [--batch-size B]

Import speed: writes (once; kept in .parley/bench/import, or under PARLEY_DATA_DIR) a synthetic
ACLED-layout CSV of N rows (default 1,000,000: thousands of actors, tens of thousands of places, a
few hundred outlets, 1-3 sources per row), then imports it with \`parley import acled\`'s code, as a
process of its own, into a fresh database of the bench's own embedded PostgreSQL; then imports the
same file again (every row unchanged: the idempotence path). Batches of B rows (default: the
importer's, 5,000). Reports rows per second, the importer's peak resident memory (and its heap and
RSS every 5 s on the way), where the time went (reading and mapping rows; COPY into the staging
tables; merging into the real tables; the reading overlaps the merging), the CPU seconds of the
importer and of PostgreSQL (all its processes: on a shared machine a steadier measure than the wall
time), the load average, and as its last line one JSON object. Target: >= 5,000 rows/s at a
million rows on 2 cores.`;
