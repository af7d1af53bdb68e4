import { DataFileError, errorText } from "@parley/db";
import { type Command, type CommandGroup, parseCommandArgs, UsageError } from "./args.ts";

function overview(commands: (Command | CommandGroup)[]): string {
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

async function main(commands: (Command | CommandGroup)[], argv: string[]): Promise<number> {
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
  return "commands" in command ? runGroup(command, rest) : runCommand(command, rest);
}

/** `parley <group> <command> …`; `parley <group> --help` prints the group's usage. */
async function runGroup(group: CommandGroup, argv: string[]): Promise<number> {
  const [name, ...rest] = argv;
  if (name === "--help" || name === "-h" || name === "help") {
    process.stdout.write(`${group.usage}\n`);
    return 0;
  }
  const command = group.commands.find((c) => c.name === name);
  if (!command) {
    process.stderr.write(`${name === undefined ? "" : `Unknown command "${group.name} ${name}".\n\n`}${group.usage}\n`);
    return 2;
  }
  return runCommand(command, rest);
}

async function runCommand(command: Command, argv: string[]): Promise<number> {
  const args = parseCommandArgs(command, argv);
  if (args.values.help) {
    process.stdout.write(`${command.usage}\n`);
    return 0;
  }
  return (await command.run({ ...args, argv })) ?? 0;
}

/** Runs `parley <command> …` over the given commands and exits with its status. */
export function runCli(commands: (Command | CommandGroup)[], argv = process.argv.slice(2)): void {
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
