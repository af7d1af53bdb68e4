export { backupDatabase } from "./backup.ts";
export { restoreDatabase, RestoreError } from "./restore.ts";
export { NON_DATA_TABLES } from "./tables.ts";
