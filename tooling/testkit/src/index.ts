export { createTestDatabase, databaseContents, type TestDatabase } from "./databases.ts";
export { startThrowawayPostgres, startRestartablePostgres, type RestartablePostgres } from "./servers.ts";
export { startControlledPostgres, DEBIAN_PG15_BIN, type ControlledPostgres } from "./pg-ctl.ts";
export { inheritedEnv } from "./env.ts";
export { freePort } from "@parley/db";
