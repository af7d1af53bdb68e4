import path from "node:path";
import { z } from "zod";

const schema = z.object({
  /** The folder `pnpm parley` was run from (pnpm runs the script itself in apps/cli). */
  INIT_CWD: z.string().optional(),
});

/** The command line's settings, read once. Nothing else in the CLI reads process.env. */
function cliEnv() {
  return schema.parse(process.env);
}

/** The folder the user ran the command in: file names on the command line are relative to it. */
export function workingFolder(): string {
  return cliEnv().INIT_CWD ?? process.cwd();
}

/** A file named on the command line, as an absolute path. */
export function userFile(file: string): string {
  return path.resolve(workingFolder(), file);
}
