import { spawnSync } from "node:child_process";
import path from "node:path";
import { describe, expect, it } from "vitest";

const script = path.join(import.meta.dirname, "exit-code-script.ts");

describe("the exit code of a process that used the embedded PostgreSQL", () => {
  it("stays the one the process set (a failing test run must not exit 0)", () => {
    const run = spawnSync(process.execPath, ["--import", "tsx", script], { encoding: "utf8", timeout: 120_000 });
    expect(run.stderr).not.toMatch(/TypeError/);
    expect(run.status).toBe(3);
  }, 150_000);
});
