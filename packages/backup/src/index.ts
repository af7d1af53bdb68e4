export { backupDatabase } from "./backup.ts";
export { RestoreError, restoreDatabase } from "./restore.ts";
export { NON_DATA_TABLES } from "./tables.ts";
