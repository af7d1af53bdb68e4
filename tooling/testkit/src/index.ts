export { freePort } from "@parley/db";
export { createTestDatabase, databaseContents, type TestDatabase } from "./databases.ts";
export { inheritedEnv } from "./env.ts";
export { type ControlledPostgres, DEBIAN_PG15_BIN, startControlledPostgres } from "./pg-ctl.ts";
export { type RestartablePostgres, startRestartablePostgres, startThrowawayPostgres } from "./servers.ts";
