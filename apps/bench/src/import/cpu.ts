import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";

const TICKS_PER_SECOND = 100;

/** utime, stime, cutime and cstime (in ticks) and the parent PID of a process, from /proc. */
function stat(pid: string): { ppid: string; own: number; children: number } | null {
  try {
    const text = readFileSync(`/proc/${pid}/stat`, "utf8");
    const fields = text.slice(text.lastIndexOf(")") + 2).split(" ");
    const tick = (i: number) => Number(fields[i] ?? 0);
    // After the command name: state (0), ppid (1), … utime (11), stime (12), cutime (13), cstime (14).
    return { ppid: fields[1] ?? "", own: tick(11) + tick(12), children: tick(13) + tick(14) };
  } catch {
    return null;
  }
}

/**
 * CPU seconds used so far by a PostgreSQL server and every process it started (backends that have
 * ended included, through the postmaster's reaped-children time), or null where /proc is missing.
 * On a machine shared with other work, CPU time says what a run cost where wall time cannot.
 */
export function serverCpuSeconds(dataDir: string): number | null {
  const postmaster = readFileSync(path.join(dataDir, "postmaster.pid"), "utf8").split("\n")[0]?.trim() ?? "";
  const main = stat(postmaster);
  if (!main) return null;
  let ticks = main.own + main.children;
  for (const pid of readdirSync("/proc")) {
    if (!/^\d+$/.test(pid)) continue;
    const child = stat(pid);
    if (child?.ppid === postmaster) ticks += child.own;
  }
  return ticks / TICKS_PER_SECOND;
}
