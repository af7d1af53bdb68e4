import { existsSync, rmSync } from "node:fs";
import path from "node:path";
import { freePort, serverUrl } from "@parley/db";
import { DEBIAN_PG15_BIN, postgresFolder } from "./pg-ctl.ts";

export interface ReplicatedPostgres {
  primaryUrl(database: string): string;
  replicaUrl(database: string): string;
  /** `pg_ctl stop -m fast` on the replica, and `start` again (it resumes streaming where it stopped). */
  stopReplica(): Promise<void>;
  startReplica(): Promise<void>;
  /** Stops both servers and deletes their data. */
  remove(): Promise<void>;
}

/** Whether Debian's PostgreSQL 15 (server, initdb, pg_basebackup) is installed. */
export function hasPostgres15(): boolean {
  return ["postgres", "initdb", "pg_ctl", "pg_basebackup"].every((b) => existsSync(path.join(DEBIAN_PG15_BIN, b)));
}

/**
 * Debian's PostgreSQL 15 as a primary (`wal_level=replica`) and a hot-standby streaming replica made
 * from it with `pg_basebackup -R`, each on a free port, as an operator sets them up. As root, both
 * run as the postgres user.
 */
export async function startReplicatedPostgres(): Promise<ReplicatedPostgres> {
  const { dir, exec } = await postgresFolder("parley-replication-", DEBIAN_PG15_BIN);
  const [primaryPort, replicaPort] = [await freePort(), await freePort()];
  const common = { listen_addresses: "127.0.0.1", max_connections: "200", unix_socket_directories: dir };
  const options = (port: number, settings: Record<string, string>) =>
    [`-p ${port}`, ...Object.entries({ ...common, ...settings }).map(([k, v]) => `-c ${k}=${v}`)].join(" ");
  const ctl = (name: string, port: number, settings: Record<string, string>, ...args: string[]) =>
    exec("pg_ctl", [
      "-D",
      path.join(dir, name),
      "-l",
      path.join(dir, `${name}.log`),
      "-o",
      options(port, settings),
      "-w",
      "-t",
      "60",
      ...args,
    ]);
  const primarySettings = { wal_level: "replica", max_wal_senders: "5" };
  // Feedback keeps the primary's vacuum from removing rows a replica query still reads (no cancelled searches).
  const replicaSettings = { hot_standby: "on", hot_standby_feedback: "on" };
  const running = new Set<string>();

  // initdb's pg_hba.conf lets local and 127.0.0.1 connections replicate (trust, as for the tests' servers).
  await exec("initdb", ["-D", path.join(dir, "primary"), "-A", "trust", "-U", "postgres", "--encoding=UTF8"]);
  await ctl("primary", primaryPort, primarySettings, "start");
  running.add("primary");
  await exec("pg_basebackup", [
    ...["-h", "127.0.0.1", "-p", String(primaryPort), "-U", "postgres"],
    ...["-D", path.join(dir, "replica"), "-R", "-X", "stream", "-c", "fast"],
  ]);
  await ctl("replica", replicaPort, replicaSettings, "start");
  running.add("replica");

  return {
    primaryUrl: (database) => serverUrl(primaryPort, database),
    replicaUrl: (database) => serverUrl(replicaPort, database),
    async stopReplica() {
      await ctl("replica", replicaPort, replicaSettings, "-m", "fast", "stop");
      running.delete("replica");
    },
    async startReplica() {
      await ctl("replica", replicaPort, replicaSettings, "start");
      running.add("replica");
    },
    async remove() {
      for (const name of ["replica", "primary"])
        if (running.has(name))
          await exec("pg_ctl", ["-D", path.join(dir, name), "-m", "immediate", "-w", "stop"]).catch(() => undefined);
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
