import { defineConfig } from "vitest/config";

// The brute-force comparisons take seconds on a busy 2-core machine: more than vitest's default 5.
export default defineConfig({ test: { testTimeout: 30_000 } });
