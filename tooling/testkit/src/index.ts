export { freePort } from "@parley/db";
export { createTestDatabase, databaseContents, type TestDatabase } from "./databases.ts";
export { inheritedEnv } from "./env.ts";
export { type Balancer, HAPROXY_CONFIG, hasHaproxy, startBalancer } from "./haproxy.ts";
export { type ControlledPostgres, DEBIAN_PG15_BIN, startControlledPostgres } from "./pg-ctl.ts";
export { hasPostgres15, type ReplicatedPostgres, startReplicatedPostgres } from "./replication.ts";
export { type RestartablePostgres, startRestartablePostgres, startThrowawayPostgres } from "./servers.ts";
