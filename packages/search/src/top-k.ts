// biome-ignore-all lint/style/noNonNullAssertion: typed arrays indexed within their bounds in the counting loops; noUncheckedIndexedAccess cannot see it, and a check per element would cost every search
/** The first `size` entries of a stream in a given order, kept sorted; most entries are refused in O(1). */
export class TopK<T> {
  readonly entries: T[] = [];
  constructor(
    private readonly size: number,
    /** a comes before b */
    private readonly before: (a: T, b: T) => boolean,
  ) {}

  /** The last entry kept, once there are `size` of them: an entry not before it is refused. */
  get worst(): T | null {
    return this.entries.length === this.size ? this.entries[this.size - 1]! : null;
  }

  offer(entry: T) {
    const { entries, size, before } = this;
    if (entries.length === size && !before(entry, entries[size - 1]!)) return;
    let at = entries.length === size ? size - 1 : entries.length;
    while (at > 0 && before(entry, entries[at - 1]!)) {
      entries[at] = entries[at - 1]!;
      at--;
    }
    entries[at] = entry;
  }
}
