import { chmodSync, mkdirSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { assertPostgresUserCanReach, folderClosedToOthers } from "../src/postgres-access.ts";

const made: string[] = [];
function folder(mode: number): string {
  const dir = mkdtempSync(path.join(tmpdir(), "parley-access-"));
  chmodSync(dir, mode);
  made.push(dir);
  return dir;
}
afterEach(() => {
  for (const dir of made.splice(0)) rmSync(dir, { recursive: true, force: true });
});

describe("reaching the embedded PostgreSQL's folders as the postgres user", () => {
  it("names the first folder on the way that other users cannot enter", () => {
    const closed = folder(0o700);
    mkdirSync(path.join(closed, "parley/.parley"), { recursive: true, mode: 0o755 });
    expect(folderClosedToOthers(path.join(closed, "parley/.parley/postgres"))).toBe(closed);
  });

  it("finds nothing closed in a folder others can enter, even before the data folder exists", () => {
    const open = folder(0o755);
    expect(folderClosedToOthers(path.join(open, "not/yet/made"))).toBeUndefined();
  });

  // The binaries are put in an open folder of the test's own, so that these tests say the same
  // wherever the repository was cloned (a clone under a 0700 folder fails the real check).
  it("refuses, as root, a data folder under a 0700 folder with a message that says how to get out", () => {
    const closed = folder(0o700);
    const binaries = folder(0o755);
    expect(() => assertPostgresUserCanReach(path.join(closed, "postgres"), true, binaries)).toThrow(
      new RegExp(`cannot enter ${closed} \\(mode 700\\).*the data folder.*chmod o\\+x ${closed}.*DATABASE_URL`),
    );
  });

  it("refuses, as root, PostgreSQL's binaries under a 0700 folder, and names them", () => {
    const closed = folder(0o700);
    mkdirSync(path.join(closed, "bin"), { mode: 0o755 });
    const open = folder(0o755);
    expect(() => assertPostgresUserCanReach(path.join(open, "data"), true, path.join(closed, "bin"))).toThrow(
      new RegExp(`cannot enter ${closed} \\(mode 700\\) on the way to PostgreSQL's binaries`),
    );
  });

  it("accepts a data folder that is itself 0700, as PostgreSQL leaves it, inside an open folder", () => {
    const open = folder(0o755);
    mkdirSync(path.join(open, "data"), { mode: 0o700 });
    expect(() => assertPostgresUserCanReach(path.join(open, "data"), true, folder(0o755))).not.toThrow();
  });

  it("checks nothing when not running as root", () => {
    const closed = folder(0o700);
    expect(() => assertPostgresUserCanReach(path.join(closed, "postgres"), false)).not.toThrow();
  });
});
