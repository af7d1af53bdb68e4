import { defined } from "@parley/schema";
/** mulberry32: small, fast and good enough for synthetic data; the same seed gives the same corpus. */
export function seededRandom(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (s + 0x6d2b79f5) >>> 0;
    let t = s;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Draws indexes 0..n-1 with probability proportional to 1 / (rank + 1)^exponent: a few common, many rare. */
export function zipf(random: () => number, n: number, exponent = 1): () => number {
  const cumulative = new Float64Array(n);
  let total = 0;
  for (let i = 0; i < n; i++) cumulative[i] = total += 1 / (i + 1) ** exponent;
  return () => {
    const x = random() * total;
    let lo = 0;
    let hi = n - 1;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (defined(cumulative[mid]) < x) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  };
}

/** Draws keys with the given weights. */
export function weighted<T extends string>(random: () => number, weights: Record<T, number>): () => T {
  const keys = Object.keys(weights) as T[];
  const total = keys.reduce((sum, k) => sum + weights[k], 0);
  return () => {
    let x = random() * total;
    for (const k of keys) {
      x -= weights[k];
      if (x < 0) return k;
    }
    return defined(keys[keys.length - 1]);
  };
}
