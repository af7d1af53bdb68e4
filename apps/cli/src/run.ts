import { DataFileError, errorText } from "@parley/db";
import { type Command, parseCommandArgs, UsageError } from "./args.ts";

function overview(commands: Command[]): string {
  const width = Math.max(...commands.map((c) => c.name.length));
  return [
    "Usage: pnpm parley <command> [options]   (each command takes --help)",
    "",
    "Commands:",
    ...commands.map((c) => `  ${c.name.padEnd(width)}  ${c.summary}`),
    "",
    "The database is DATABASE_URL when set, else the embedded PostgreSQL kept in .parley/.",
  ].join("\n");
}

async function main(commands: Command[], argv: string[]): Promise<number> {
  const [name, ...rest] = argv;
  if (!name || name === "--help" || name === "-h" || name === "help") {
    process.stdout.write(`${overview(commands)}\n`);
    return name ? 0 : 2;
  }
  const command = commands.find((c) => c.name === name);
  if (!command) {
    process.stderr.write(`Unknown command "${name}".\n\n${overview(commands)}\n`);
    return 2;
  }
  const args = parseCommandArgs(command, rest);
  if (args.values.help) {
    process.stdout.write(`${command.usage}\n`);
    return 0;
  }
  return (await command.run(args)) ?? 0;
}

/** Runs `parley <command> …` over the given commands and exits with its status. */
export function runCli(commands: Command[], argv = process.argv.slice(2)): void {
  main(commands, argv).then(
    (code) => process.exit(code),
    (error: unknown) => {
      if (error instanceof UsageError) process.stderr.write(`${error.message}\n`);
      else if (error instanceof DataFileError) process.stderr.write(`${error.message}\n`);
      else process.stderr.write(`parley: ${errorText(error)}\n`);
      process.exit(error instanceof UsageError ? 2 : 1);
    },
  );
}
