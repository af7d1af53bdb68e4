import { mkdir, open, readdir, readFile, rename, rm, stat } from "node:fs/promises";
import path from "node:path";
import { FACET_FIELDS } from "@parley/schema";
import { RoaringBitmap32 } from "./bitmap.ts";
import type { LogPosition } from "./change-log.ts";
import { FacetIndex, WEIGHTS } from "./facet-index.ts";
import type { FacetKey } from "./facet-key.ts";
import type { ForwardField } from "./forward.ts";

/**
 * A saved search index: every bitmap, the forward lists, days and fatality figures, with the
 * change-log position the index reflects. A start that finds one for the database's current epoch
 * loads it and catches up from the log instead of rebuilding; the kept counts of single choices
 * are saved with it (recounting them took 11-15 s of a load at ten million events), the caches of
 * recent scopes start empty.
 *
 * One file per database state, `search-index-<epoch>.snapshot`: the epoch changes with every
 * generation (bulk loads, restores, TRUNCATE) and for every new database, so a file can only be
 * loaded into the state it was taken from. Written to a temporary file and renamed, so a reader
 * never sees half a snapshot; the version below changes whenever the layout does.
 */
const MAGIC = "PARLEYSX";
export const SNAPSHOT_VERSION = 2;
const PREFIX = "search-index-";
const SUFFIX = ".snapshot";
/** Snapshots of other database states not written for this long are deleted when one is saved. */
const STALE_AFTER_MS = 30 * 24 * 3_600_000;

type Typed = Int32Array<ArrayBuffer> | Uint16Array<ArrayBuffer> | Uint8Array<ArrayBuffer>;
const TYPED = { 1: Int32Array, 2: Uint16Array, 3: Uint8Array } as const;
const typedKind = (a: Int32Array | Uint16Array | Uint8Array): keyof typeof TYPED =>
  a instanceof Int32Array ? 1 : a instanceof Uint16Array ? 2 : 3;

/** Appends length-prefixed parts: numbers, JSON, typed arrays and bitmaps. */
class Writer {
  readonly parts: Uint8Array[] = [];
  bytes = 0;
  private push(b: Uint8Array) {
    this.parts.push(b);
    this.bytes += b.length;
  }
  u32(n: number) {
    const b = Buffer.alloc(4);
    b.writeUInt32LE(n);
    this.push(b);
  }
  json(value: unknown) {
    const b = Buffer.from(JSON.stringify(value), "utf8");
    this.u32(b.length);
    this.push(b);
  }
  typed(a: Int32Array | Uint16Array | Uint8Array) {
    this.u32(typedKind(a));
    this.u32(a.length);
    // A copy: the index's arrays (days, fatalities, kept counts) change in place with every write,
    // and the bytes are written out after the engine has gone on applying changes.
    this.push(Buffer.from(new Uint8Array(a.buffer, a.byteOffset, a.byteLength)));
  }
  bitmap(b: RoaringBitmap32) {
    const bytes = b.serialize("portable");
    this.u32(bytes.length);
    this.push(bytes);
  }
  bitmaps(map: ReadonlyMap<FacetKey, RoaringBitmap32>) {
    this.json([...map.keys()]);
    for (const b of map.values()) this.bitmap(b);
  }
}

/** Reads what Writer wrote, in the same order; any overrun is a damaged file. */
class Reader {
  private at = 0;
  constructor(private readonly buffer: Buffer) {}
  private take(n: number): Buffer {
    if (this.at + n > this.buffer.length) throw new Error("the snapshot ends early");
    const b = this.buffer.subarray(this.at, this.at + n);
    this.at += n;
    return b;
  }
  u32(): number {
    return this.take(4).readUInt32LE();
  }
  json<T>(): T {
    return JSON.parse(this.take(this.u32()).toString("utf8")) as T;
  }
  typed(): Typed {
    const kind = this.u32() as keyof typeof TYPED;
    const Type = TYPED[kind];
    if (!Type) throw new Error(`unknown array kind ${kind}`);
    const length = this.u32();
    const bytes = this.take(length * Type.BYTES_PER_ELEMENT);
    // copied: the file's buffer is not aligned for every element size
    const out = new Type(length);
    new Uint8Array(out.buffer).set(bytes);
    return out;
  }
  int32(): Int32Array<ArrayBuffer> {
    const a = this.typed();
    if (!(a instanceof Int32Array)) throw new Error("expected 32-bit integers");
    return a;
  }
  bitmap(): RoaringBitmap32 {
    return RoaringBitmap32.deserialize(this.take(this.u32()), "portable");
  }
  bitmaps<K extends FacetKey>(into: Map<K, RoaringBitmap32>) {
    for (const key of this.json<K[]>()) into.set(key, this.bitmap());
  }
  get done(): boolean {
    return this.at === this.buffer.length;
  }
}

interface Header {
  version: number;
  epoch: string;
  generation: number;
  xmin: string;
  events: number;
  savedAt: string;
}

/** The snapshot's bytes: the index as it stands at `position`. Folds the lexeme changes into the built bitmaps first. */
export function serializeIndex(index: FacetIndex, position: LogPosition): Uint8Array[] {
  const w = new Writer();
  w.parts.push(Buffer.from(MAGIC, "latin1"));
  const header: Header = {
    version: SNAPSHOT_VERSION,
    epoch: position.epoch,
    generation: position.generation,
    xmin: position.xmin.toString(),
    events: index.all.size,
    savedAt: new Date().toISOString(),
  };
  w.json(header);
  w.bitmap(index.all);
  w.bitmap(index.contested);
  for (const field of FACET_FIELDS.codes) w.bitmaps(index.fields[field]);
  const roles = [...index.actorRoles.byRole.keys()];
  w.json(roles);
  for (const role of roles) w.bitmaps(index.actorRoles.roleMap(role));
  w.json([...index.located]);
  const f = index.fatalities.dump();
  w.typed(f.low);
  w.typed(f.best);
  w.typed(f.high);
  index.lexemes.merge();
  for (const weight of WEIGHTS) w.bitmaps(index.lexemes.built[weight]);
  const forward = index.forward.dump();
  w.json(forward.keys);
  w.typed(forward.fieldOf);
  w.typed(forward.offsets);
  w.typed(forward.values);
  w.bitmaps(index.startMonths);
  w.bitmaps(index.endMonths);
  w.typed(index.startDay);
  w.typed(index.endDay);
  const kept = index.cross.dump();
  w.json(kept.everyValue);
  w.typed(kept.all);
  w.typed(kept.contested);
  w.typed(kept.codes);
  for (const row of kept.rows) w.typed(row);
  return w.parts;
}

/** The index and position a snapshot holds; throws on a damaged file or another layout version. */
export function deserializeIndex(buffer: Buffer): { index: FacetIndex; position: LogPosition } {
  if (buffer.subarray(0, MAGIC.length).toString("latin1") !== MAGIC) throw new Error("not a Parley search snapshot");
  const r = new Reader(buffer.subarray(MAGIC.length));
  const header = r.json<Header>();
  if (header.version !== SNAPSHOT_VERSION)
    throw new Error(`snapshot layout ${header.version}, this version reads ${SNAPSHOT_VERSION}`);
  const index = new FacetIndex();
  index.all.orInPlace(r.bitmap());
  index.contested.orInPlace(r.bitmap());
  for (const field of FACET_FIELDS.codes) r.bitmaps(index.fields[field]);
  for (const role of r.json<string[]>()) r.bitmaps(index.actorRoles.roleMap(role));
  for (const placeId of r.json<number[]>()) index.located.add(placeId);
  index.fatalities.restore({ low: r.int32(), best: r.int32(), high: r.int32() });
  for (const weight of WEIGHTS) r.bitmaps(index.lexemes.built[weight]);
  const keys = r.json<(string | number)[]>();
  const fieldOf = r.typed();
  const offsets = r.int32();
  const values = r.typed();
  if (!(fieldOf instanceof Uint8Array) || values instanceof Uint8Array)
    throw new Error("the forward lists are damaged");
  index.forward.restore({ keys, fieldOf, offsets, values });
  r.bitmaps(index.startMonths);
  r.bitmaps(index.endMonths);
  index.startDay = r.int32();
  index.endDay = r.int32();
  const everyValue = r.json<ForwardField[]>();
  const all = r.int32();
  const contested = r.int32();
  const codes = r.int32();
  const rows = Array.from(codes, () => r.int32());
  index.cross.restore({ all, contested, codes, rows, everyValue });
  if (!r.done) throw new Error("the snapshot has bytes after its end");
  return { index, position: { epoch: header.epoch, generation: header.generation, xmin: BigInt(header.xmin) } };
}

export const snapshotFile = (dir: string, epoch: string) => path.join(dir, `${PREFIX}${epoch}${SUFFIX}`);

/** Writes the snapshot for `position`'s epoch atomically; returns its size in bytes. */
export async function saveSnapshot(dir: string, index: FacetIndex, position: LogPosition): Promise<number> {
  const parts = serializeIndex(index, position);
  await mkdir(dir, { recursive: true });
  const file = snapshotFile(dir, position.epoch);
  const temporary = `${file}.${process.pid}.tmp`;
  const handle = await open(temporary, "w");
  let bytes = 0;
  try {
    for (const part of parts) bytes += (await handle.write(part)).bytesWritten;
    await handle.sync();
  } finally {
    await handle.close();
  }
  await rename(temporary, file);
  await removeStale(dir, file);
  return bytes;
}

/** The snapshot for this epoch, or null when there is none. */
export async function loadSnapshot(
  dir: string,
  epoch: string,
): Promise<{ index: FacetIndex; position: LogPosition } | null> {
  let buffer: Buffer;
  try {
    buffer = await readFile(snapshotFile(dir, epoch));
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === "ENOENT") return null;
    throw error;
  }
  const loaded = deserializeIndex(buffer);
  if (loaded.position.epoch !== epoch)
    throw new Error(`the snapshot names epoch ${loaded.position.epoch}, not ${epoch}`);
  return loaded;
}

async function removeStale(dir: string, keep: string) {
  const now = Date.now();
  for (const name of await readdir(dir)) {
    const file = path.join(dir, name);
    if (!name.startsWith(PREFIX) || file === keep) continue;
    const info = await stat(file).catch(() => null);
    if (info && now - info.mtimeMs > STALE_AFTER_MS) await rm(file, { force: true });
  }
}
