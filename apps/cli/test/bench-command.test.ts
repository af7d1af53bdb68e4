import { describe, expect, it } from "vitest";
import { parley } from "./parley.ts";

// No bench runs here (they take minutes and a corpus): only what the command line answers before one starts.
const NO_DATABASE = "postgresql://nobody@127.0.0.1:1/none";
const bench = (...args: string[]) => parley(NO_DATABASE, "bench", ...args);

describe("pnpm parley bench (pnpm bench)", () => {
  it("lists every bench with --help, and each bench explains its own options with --help", async () => {
    const overview = await bench("--help");
    expect(overview.code).toBe(0);
    for (const name of ["search", "load", "web", "start", "import"])
      expect(overview.stdout).toContain(`pnpm bench ${name} [`);
    expect((await parley(NO_DATABASE, "--help")).stdout).toMatch(
      /bench\s+benchmarks: search, load, web, start, import/,
    );
    const help: Record<string, RegExp> = {
      search: /--naive R: R runs of the naive SQL/,
      load: /--by-kind K: afterwards, where the API's CPU goes/,
      web: /^Usage: pnpm bench web \[--runs N\]/,
      start: /^Usage: pnpm bench start \[--events N\] \[--seed S\] \[--runs R\] \[--writes K\]/,
      import: /^Usage: pnpm bench import \[--rows N\] \[--seed S\] \[--batch-size B\]/,
    };
    for (const [name, text] of Object.entries(help)) {
      const answer = await bench(name, "--help");
      expect(answer.code, `${name} --help`).toBe(0);
      expect(answer.stdout, `${name} --help`).toMatch(text);
    }
  }, 120_000);

  it("refuses a bad option with exit 2 and the bench's usage, before it starts anything", async () => {
    const runs = await bench("start", "--runs", "0");
    expect(runs.code).toBe(2);
    expect(runs.stderr).toMatch(
      /^bench start: --runs must be a whole number above 0 \(got "0"\)\nUsage: pnpm bench start/,
    );
    const naive = await bench("search", "--naive", "some");
    expect(naive.code).toBe(2);
    expect(naive.stderr).toMatch(/^bench: --naive must be 0 or a positive whole number \(got "some"\)/);
    const unknown = await bench("import", "--lines", "10");
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toMatch(/Unknown option '--lines'/);
    const none = await bench();
    expect(none.code).toBe(2);
    expect(none.stderr).toMatch(/^Usage: pnpm bench search/);
  }, 120_000);

  it("answers a bad number to the load bench with exit 1, as that bench always has", async () => {
    const answer = await bench("load", "--duration", "soon");
    expect(answer.code).toBe(1);
    expect(answer.stderr).toMatch(/^bench: Error: --duration must be a positive whole number; got soon/);
  }, 120_000);
});
