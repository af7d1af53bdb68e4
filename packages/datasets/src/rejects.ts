import { once } from "node:events";
import { createWriteStream, type WriteStream } from "node:fs";
import path from "node:path";
import { defined } from "@parley/schema";

const cell = (value: string | number) => {
  const s = String(value);
  return /[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
};

/** Where rejected rows go unless --rejects says otherwise: beside the input, as `<name>.rejects.csv`. */
export function defaultRejectsPath(file: string): string {
  const { dir, name } = path.parse(file);
  return path.join(dir, `${name}.rejects.csv`);
}

/**
 * The rejects file: `file,line,field,message` and then the row as it was, under the input's own
 * column names, so that the rows can be corrected there and the file imported again. Created on the
 * first rejected row only.
 */
export class RejectsFile {
  count = 0;
  private out: WriteStream | null = null;

  constructor(
    readonly path: string,
    private readonly input: string,
  ) {}

  add(header: string[], line: number, field: string, message: string, fields: string[]) {
    if (!this.out) {
      this.out = createWriteStream(this.path);
      this.write(["file", "line", "field", "message", ...header]);
    }
    this.count++;
    this.write([this.input, line, field, message, ...fields]);
  }

  private write(values: (string | number)[]) {
    defined(this.out).write(`${values.map(cell).join(",")}\n`);
  }

  async close(): Promise<void> {
    if (!this.out) return;
    this.out.end();
    await once(this.out, "finish");
  }
}
