import { isUtf8 } from "node:buffer";
import { closeSync, createReadStream, openSync, readFileSync, readSync, statSync } from "node:fs";
import { defined } from "@parley/schema";

/** The encodings Parley reads: UTF-8 (with or without a BOM), and UTF-16 with its byte-order mark, transcoded. */
export type TextEncoding = "utf-8" | "utf-16le" | "utf-16be";

/** Lines longer than this are refused before anything is read into a record. */
export const MAX_LINE_BYTES = 4_000_000;

export class FileEncodingError extends Error {
  constructor(file: string, message: string) {
    super(`${file}: ${message}`);
    this.name = "FileEncodingError";
  }
}

const CONVERT =
  "Save it as UTF-8 (spreadsheets call it CSV UTF-8), or convert it: iconv -f WINDOWS-1252 -t UTF-8 <file> > <file>.utf8";

function byteOrderMark(path: string): "utf-16le" | "utf-16be" | "utf-32" | null {
  const fd = openSync(path, "r");
  try {
    const head = Buffer.alloc(4);
    const n = readSync(fd, head, 0, 4, 0);
    if (n >= 4 && (head.readUInt32LE(0) === 0x0000feff || head.readUInt32BE(0) === 0x0000feff)) return "utf-32";
    if (n >= 2 && head[0] === 0xff && head[1] === 0xfe) return "utf-16le";
    if (n >= 2 && head[0] === 0xfe && head[1] === 0xff) return "utf-16be";
    return null;
  } finally {
    closeSync(fd);
  }
}

/** Where the first malformed UTF-8 sequence starts in `bytes`, or -1. A sequence cut by the end counts as malformed. */
function firstInvalidUtf8(bytes: Uint8Array): number {
  for (let i = 0; i < bytes.length; ) {
    const b = bytes[i] ?? 0;
    const length =
      b < 0x80 ? 1 : b >= 0xc2 && b <= 0xdf ? 2 : b >= 0xe0 && b <= 0xef ? 3 : b >= 0xf0 && b <= 0xf4 ? 4 : 0;
    if (length === 0 || i + length > bytes.length) return i;
    for (let k = 1; k < length; k++) if (((bytes[i + k] ?? 0) & 0xc0) !== 0x80) return i;
    if (!isUtf8(bytes.subarray(i, i + length))) return i; // overlong forms and surrogates
    i += length;
  }
  return -1;
}

/** How many bytes at the end of `bytes` start a multi-byte sequence that the next chunk completes. */
function incompleteTail(bytes: Uint8Array): number {
  for (let back = 1; back <= Math.min(3, bytes.length); back++) {
    const b = bytes[bytes.length - back] ?? 0;
    if ((b & 0xc0) === 0x80) continue;
    const needed = b >= 0xf0 ? 4 : b >= 0xe0 ? 3 : b >= 0xc0 ? 2 : 1;
    return needed > back ? back : 0;
  }
  return 0;
}

/**
 * Reads the whole file once before anything is imported and says what it is: UTF-8 (checked byte by
 * byte) or UTF-16 with a byte-order mark (transcoded while importing). Refuses, naming the line,
 * files in another encoding (Latin-1, Windows-1252), binary files (NUL bytes), files cut in the
 * middle of a character, and lines longer than MAX_LINE_BYTES. Memory stays flat.
 */
export async function checkTextFile(path: string, label: string): Promise<TextEncoding> {
  const bom = byteOrderMark(path);
  if (bom === "utf-32") throw new FileEncodingError(label, `is UTF-32, which Parley does not read. ${CONVERT}.`);
  if (bom) return checkUtf16(path, label, bom);
  let line = 1;
  let lineBytes = 0;
  let carry = Buffer.alloc(0);
  let offset = 0;
  for await (const chunk of createReadStream(path) as AsyncIterable<Buffer>) {
    const bytes = carry.length ? Buffer.concat([carry, chunk]) : chunk;
    const tail = incompleteTail(bytes);
    const whole = bytes.subarray(0, bytes.length - tail);
    const bad = isUtf8(whole) ? -1 : firstInvalidUtf8(whole);
    const nul = whole.indexOf(0);
    // A NUL near the start says "binary" more surely than the first byte that is not UTF-8 does.
    const binary = offset === 0 && nul >= 0 && nul < 8192;
    const stop = binary ? nul : ([bad, nul].filter((i) => i >= 0).sort((a, b) => a - b)[0] ?? whole.length);
    for (let i = 0; i < stop; i++) {
      if (whole[i] === 0x0a) {
        line++;
        lineBytes = 0;
      } else if (++lineBytes > MAX_LINE_BYTES)
        throw new FileEncodingError(
          label,
          `line ${line} is longer than ${MAX_LINE_BYTES.toLocaleString("en")} bytes: is it a CSV file?`,
        );
    }
    if (binary || (stop === nul && nul >= 0))
      throw new FileEncodingError(
        label,
        `line ${line} holds a NUL byte (at byte ${offset + nul}): this looks like a binary file, not text.`,
      );
    if (stop === bad && bad >= 0) {
      const hex = `0x${defined(whole[bad]).toString(16).toUpperCase().padStart(2, "0")}`;
      throw new FileEncodingError(
        label,
        `is not UTF-8: line ${line} has the byte ${hex} at byte ${offset + bad} (a Latin-1 or Windows-1252 file?). ${CONVERT}.`,
      );
    }
    offset += whole.length;
    carry = Buffer.from(bytes.subarray(bytes.length - tail));
  }
  if (carry.length)
    throw new FileEncodingError(label, `ends in the middle of a character on line ${line}: is the file cut short?`);
  return "utf-8";
}

async function checkUtf16(path: string, label: string, encoding: "utf-16le" | "utf-16be"): Promise<TextEncoding> {
  const decoder = new TextDecoder(encoding, { fatal: true });
  let line = 1;
  for await (const chunk of createReadStream(path) as AsyncIterable<Buffer>) {
    let text: string;
    try {
      text = decoder.decode(chunk, { stream: true });
    } catch {
      throw new FileEncodingError(
        label,
        `starts with a UTF-16 byte-order mark but is not valid UTF-16 near line ${line}.`,
      );
    }
    const nul = text.indexOf("\u0000");
    if (nul >= 0)
      throw new FileEncodingError(
        label,
        `line ${line + (text.slice(0, nul).match(/\n/g)?.length ?? 0)} holds a NUL character: this looks like a binary file, not text.`,
      );
    line += text.match(/\n/g)?.length ?? 0;
  }
  try {
    decoder.decode();
  } catch {
    throw new FileEncodingError(
      label,
      `ends in the middle of a UTF-16 character on line ${line}: is the file cut short?`,
    );
  }
  return encoding;
}

/**
 * A whole text file (a report to ingest), checked as `checkTextFile` does and decoded: UTF-8 or
 * UTF-16 with its byte-order mark; refused when over `maxBytes`, binary or in another encoding.
 */
export async function readTextFile(path: string, label: string, maxBytes: number): Promise<string> {
  const size = statSync(path).size;
  if (size > maxBytes)
    throw new FileEncodingError(
      label,
      `is ${size.toLocaleString("en")} bytes; the limit is ${maxBytes.toLocaleString("en")}.`,
    );
  const encoding = await checkTextFile(path, label);
  return new TextDecoder(encoding).decode(readFileSync(path));
}
