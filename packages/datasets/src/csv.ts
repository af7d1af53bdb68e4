import { createReadStream, type ReadStream, statSync } from "node:fs";
import { Transform } from "node:stream";
import { parse } from "csv-parse";
import type { TextEncoding } from "./encoding.ts";

/** A field longer than this is rejected, naming its line and column. */
export const MAX_FIELD_CHARS = 20_000;
/** A record (a row, quoted line breaks included) longer than this stops the import. */
const MAX_RECORD_CHARS = 16_000_000;

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

/** UTF-16 (after its byte-order mark, which TextDecoder drops) to text. */
function decodeFrom(encoding: Exclude<TextEncoding, "utf-8">): Transform {
  const decoder = new TextDecoder(encoding);
  return new Transform({
    decodeStrings: true,
    transform(chunk: Buffer, _encoding, done) {
      done(null, decoder.decode(chunk, { stream: true }));
    },
    flush(done) {
      done(null, decoder.decode());
    },
  });
}

/** A CSV file read as a stream of records with their line numbers; memory stays flat whatever the size. */
export class CsvFile {
  readonly size: number;
  private stream: ReadStream | null = null;

  /** `encoding` as `checkTextFile` found it: UTF-16 is transcoded as it is read. */
  constructor(
    readonly path: string,
    private readonly encoding: TextEncoding = "utf-8",
  ) {
    this.size = statSync(path).size;
  }

  get bytesRead(): number {
    return this.stream?.bytesRead ?? 0;
  }

  /** Yields every well-formed record, the header first; malformed ones go to `onMalformed`. */
  async *records(onMalformed: (record: MalformedRecord) => void): AsyncGenerator<CsvRecord> {
    this.stream =
      this.encoding === "utf-8" ? createReadStream(this.path, { encoding: "utf8" }) : createReadStream(this.path);
    const text = this.encoding === "utf-8" ? this.stream : this.stream.pipe(decodeFrom(this.encoding));
    const parser = text.pipe(unixNewlines()).pipe(
      parse({
        bom: true,
        info: true,
        raw: true,
        relax_column_count: true,
        relax_quotes: true,
        skip_empty_lines: true,
        skip_records_with_error: true,
        max_record_size: MAX_RECORD_CHARS,
      }),
    );
    let fatal: Error | null = null;
    parser.on("skip", (error: Error & { code?: string; lines?: number; raw?: string }) => {
      if (error.code === "CSV_MAX_RECORD_SIZE") {
        fatal = new Error(
          `${this.path}: the record ending near line ${error.lines} is over ${MAX_RECORD_CHARS.toLocaleString("en")} characters (a quote that is never closed?). ` +
            "The import stopped there; the batches before it are kept: fix the file and run the same command again.",
        );
        return;
      }
      const hint =
        error.code === "CSV_QUOTE_NOT_CLOSED" ? " (the file ends inside a quoted field: is it cut short?)" : "";
      onMalformed({
        line: error.lines ?? 0,
        message: `is not valid CSV: ${error.message}${hint}`,
        raw: error.raw ?? "",
      });
    });
    try {
      for await (const { record, info, raw } of parser as AsyncIterable<{
        record: string[];
        info: { lines: number };
        raw: string;
      }>) {
        if (fatal) throw fatal;
        const body = raw.replace(/^\n+/, "").replace(/\n$/, "");
        yield { line: info.lines - (body.match(/\n/g)?.length ?? 0), fields: record };
      }
      if (fatal) throw fatal;
    } finally {
      this.stream.destroy();
    }
  }
}
