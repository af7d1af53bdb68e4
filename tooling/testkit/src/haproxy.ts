import { type ChildProcess, execFileSync, spawn } from "node:child_process";
import { existsSync } from "node:fs";
import path from "node:path";
import { freePort, paths } from "@parley/db";
import { inheritedEnv, testEnv } from "./env.ts";

/** Debian's HAProxy (`apt-get install haproxy`), or HAPROXY_PATH. */
const HAPROXY = testEnv().HAPROXY_PATH;
/** The HAProxy configuration docs/operations.md shows: the test runs the very file an operator copies. */
export const HAPROXY_CONFIG = path.join(paths.repoRoot, "docs", "haproxy.cfg");

export function hasHaproxy(): boolean {
  return existsSync(HAPROXY);
}

export interface Balancer {
  url: string;
  /** What HAProxy logged so far (one line per request, and server state changes). */
  log(): string;
  stop(): Promise<void>;
}

/**
 * HAProxy in the foreground with `docs/haproxy.cfg`, in front of two API servers given as
 * `host:port`. Resolves once it accepts connections.
 */
export async function startBalancer(servers: [string, string]): Promise<Balancer> {
  const port = await freePort();
  const env = {
    ...inheritedEnv(),
    PARLEY_LB_BIND: `127.0.0.1:${port}`,
    PARLEY_API_1: servers[0],
    PARLEY_API_2: servers[1],
  };
  execFileSync(HAPROXY, ["-c", "-q", "-f", HAPROXY_CONFIG], { env });
  const child: ChildProcess = spawn(HAPROXY, ["-db", "-f", HAPROXY_CONFIG], {
    env,
    stdio: ["ignore", "pipe", "pipe"],
  });
  let output = "";
  child.stdout?.on("data", (chunk: Buffer) => (output += chunk.toString()));
  child.stderr?.on("data", (chunk: Buffer) => (output += chunk.toString()));
  const exited = new Promise<void>((resolve) => child.once("exit", () => resolve()));
  const url = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + 10_000;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`HAProxy exited (${child.exitCode}):\n${output}`);
    const up = await fetch(`${url}/live`).then(
      () => true,
      () => false,
    );
    if (up) break;
    if (Date.now() > deadline) throw new Error(`HAProxy did not accept connections within 10 s:\n${output}`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  return {
    url,
    log: () => output,
    async stop() {
      if (child.exitCode === null) child.kill("SIGTERM");
      await exited;
    },
  };
}
