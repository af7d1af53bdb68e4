import { defineConfig, type ViteUserConfig } from "vitest/config";

/**
 * The test settings of every package whose tests use a database: one PostgreSQL for the run (the
 * testkit's global setup: DATABASE_URL's server or a throwaway embedded one, with template
 * databases that each test file clones), and timeouts that leave room for it.
 */
export function databaseTestConfig(options: { testTimeout?: number } = {}): ViteUserConfig {
  return defineConfig({
    test: {
      globalSetup: [new URL("./global-setup.ts", import.meta.url).pathname],
      testTimeout: options.testTimeout ?? 60_000,
      hookTimeout: 120_000,
    },
  });
}
