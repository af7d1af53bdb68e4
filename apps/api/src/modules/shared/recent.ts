/**
 * Answers kept by key, at most `max` of them: past that the oldest kept is forgotten. For work
 * that depends on nothing but its key, so a forgotten answer is simply worked out again. Keys
 * longer than `maxKeyLength` are not kept (their work is done every time), so what is kept stays
 * within `max` × `maxKeyLength` characters whatever the callers send.
 */
export class Recent<T> {
  readonly #answers = new Map<string, T>();
  constructor(
    private readonly max: number,
    private readonly maxKeyLength = 4_096,
  ) {}

  get(key: string, work: () => T): T {
    if (key.length > this.maxKeyLength) return work();
    if (this.#answers.has(key)) return this.#answers.get(key) as T;
    const answer = work();
    if (this.#answers.size >= this.max) this.#answers.delete(this.#answers.keys().next().value as string);
    this.#answers.set(key, answer);
    return answer;
  }
}

/** The value, with every object and array in it made read-only: safe to hand to many callers. */
export function deepFreeze<T>(value: T): T {
  if (value && typeof value === "object" && !Object.isFrozen(value)) {
    for (const inner of Object.values(value)) deepFreeze(inner);
    Object.freeze(value);
  }
  return value;
}
