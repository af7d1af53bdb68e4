import { describe, expect, it } from "vitest";
import { deepFreeze, Recent } from "../src/modules/shared/recent.ts";

describe("answers kept by key", () => {
  it("works each key out once, forgets the oldest past its size, and never keeps a key over its length", () => {
    const worked: string[] = [];
    const kept = new Recent<string>(3, 10);
    const get = (key: string) =>
      kept.get(key, () => {
        worked.push(key);
        return key.toUpperCase();
      });
    expect([get("a"), get("b"), get("a"), get("c")]).toEqual(["A", "B", "A", "C"]);
    expect(worked).toEqual(["a", "b", "c"]);
    get("d"); // a fourth: "a", the oldest kept, is forgotten
    get("a");
    get("c");
    expect(worked).toEqual(["a", "b", "c", "d", "a"]);
    const long = "x".repeat(11);
    get(long);
    get(long);
    expect(worked.filter((k) => k === long)).toHaveLength(2);
  });

  it("freezes every object and array inside a kept answer", () => {
    const answer = deepFreeze({ filter: { types: ["ATTACK"], from: { day: 1 } }, first: 20 });
    expect(Object.isFrozen(answer.filter.types)).toBe(true);
    expect(() => (answer.filter.types as string[]).push("CEASEFIRE")).toThrow(TypeError);
    expect(() => Object.assign(answer.filter.from, { day: 2 })).toThrow(TypeError);
  });
});
