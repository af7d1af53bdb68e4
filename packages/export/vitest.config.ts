import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    globalSetup: ["@parley/db/testing/global-setup"],
    testTimeout: 120_000,
    hookTimeout: 120_000,
  },
});
