import { backupCommand, restoreCommand } from "./commands/backup.ts";
import { benchCommands } from "./commands/bench.ts";
import { loadCommand, migrateCommand, migrationCommand, prepareCommand, resetCommand } from "./commands/database.ts";
import { evalCommand } from "./commands/eval.ts";
import { exportCommand } from "./commands/export.ts";
import { generateCommand } from "./commands/generate.ts";
import { importCommand } from "./commands/import.ts";
import { ingestCommand, reviewCommand } from "./commands/ingest.ts";
import { tokenCommand } from "./commands/token.ts";
import { runCli } from "./run.ts";

// `pnpm parley …`, `pnpm db:*`, `pnpm bench …`: every command, in the order `pnpm parley --help` lists them.
runCli([
  migrateCommand,
  migrationCommand,
  prepareCommand,
  loadCommand,
  importCommand,
  resetCommand,
  tokenCommand,
  ingestCommand,
  reviewCommand,
  evalCommand,
  generateCommand,
  backupCommand,
  restoreCommand,
  exportCommand,
  benchCommands,
]);
