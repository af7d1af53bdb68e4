import { createReadStream, statSync, type ReadStream } from "node:fs";
import { Transform } from "node:stream";
import { parse } from "csv-parse";

export interface CsvRecord {
  /** The line the record starts on, counting the header as line 1. */
  line: number;
  fields: string[];
}

export interface MalformedRecord {
  line: number;
  message: string;
  raw: string;
}

/** CRLF to LF, so that csv-parse counts lines right (it miscounts quoted CRLF). */
function unixNewlines(): Transform {
  let pendingCr = false;
  return new Transform({
    decodeStrings: false,
    encoding: "utf8",
    transform(chunk: string, _encoding, done) {
      let text = (pendingCr ? "\r" : "") + chunk;
      pendingCr = text.endsWith("\r");
      if (pendingCr) text = text.slice(0, -1);
      done(null, text.replace(/\r\n/g, "\n"));
    },
    flush(done) {
      done(null, pendingCr ? "\r" : "");
    },
  });
}

/** A CSV file read as a stream of records with their line numbers; memory stays flat whatever the size. */
export class CsvFile {
  readonly size: number;
  private stream: ReadStream | null = null;

  constructor(readonly path: string) {
    this.size = statSync(path).size;
  }

  get bytesRead(): number {
    return this.stream?.bytesRead ?? 0;
  }

  /** Yields every well-formed record, the header first; malformed ones go to `onMalformed`. */
  async *records(onMalformed: (record: MalformedRecord) => void): AsyncGenerator<CsvRecord> {
    this.stream = createReadStream(this.path, { encoding: "utf8" });
    const parser = this.stream.pipe(unixNewlines()).pipe(
      parse({ bom: true, info: true, raw: true, relax_column_count: true, relax_quotes: true, skip_empty_lines: true, skip_records_with_error: true }),
    );
    parser.on("skip", (error: Error & { lines?: number; raw?: string }) => {
      onMalformed({ line: error.lines ?? 0, message: `is not valid CSV: ${error.message}`, raw: error.raw ?? "" });
    });
    try {
      for await (const { record, info, raw } of parser as AsyncIterable<{ record: string[]; info: { lines: number }; raw: string }>) {
        const body = raw.replace(/^\n+/, "").replace(/\n$/, "");
        yield { line: info.lines - (body.match(/\n/g)?.length ?? 0), fields: record };
      }
    } finally {
      this.stream.destroy();
    }
  }
}
