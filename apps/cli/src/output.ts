/** A line for the person at the terminal (standard error: standard output is the command's result). */
export const say = (line: string) => process.stderr.write(`${line}\n`);

/** A line of the command's result, on standard output. */
export const out = (line: string) => process.stdout.write(`${line}\n`);
