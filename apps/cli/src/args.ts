import { type ParseArgsConfig, parseArgs } from "node:util";

export class UsageError extends Error {}

export interface Command {
  name: string;
  summary: string;
  usage: string;
  options?: NonNullable<ParseArgsConfig["options"]>;
  /** `argv`: the arguments after the command's name, as given. */
  run(args: { values: Record<string, unknown>; positionals: string[]; argv: string[] }): Promise<number | void>;
}

/** Commands under one name, `parley <group> <command> …` (`parley bench load …`). */
export interface CommandGroup {
  name: string;
  summary: string;
  /** Printed by `parley <group> --help`, and on standard error when no command or an unknown one is named. */
  usage: string;
  commands: Command[];
}

export function parseCommandArgs(command: Command, argv: string[]) {
  try {
    return parseArgs({
      args: argv,
      options: { help: { type: "boolean", short: "h" }, ...command.options },
      allowPositionals: true,
      strict: true,
    });
  } catch (error) {
    throw new UsageError(`${(error as Error).message}\n\n${command.usage}`);
  }
}
