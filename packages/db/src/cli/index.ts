/** The `parley` CLI's parts, for packages that add commands of their own (`@parley/cli`). */
export { commands, withDb } from "./commands.ts";
export { runCli } from "./run.ts";
export { UsageError, type Command } from "./args.ts";
