import { commands, runCli } from "@parley/db/cli";
import { exportCommand } from "@parley/export/command";

// `pnpm parley`: @parley/db's data commands, and those of packages that read through the search
// engine (which itself depends on @parley/db, so they cannot live there).
runCli([...commands, exportCommand]);
