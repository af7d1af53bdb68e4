import { createRequire } from "node:module";
import { defineConfig } from "vitest/config";

// Vite would load graphql's ESM build for our sources while Node loads its CommonJS build for
// graphql-yoga and Pothos: two GraphQLError classes, and Yoga would mask our own errors.
const graphqlEntry = createRequire(import.meta.url).resolve("graphql");

export default defineConfig({
  resolve: { alias: [{ find: /^graphql$/, replacement: graphqlEntry }] },
  test: {
    globalSetup: ["@parley/db/testing/global-setup"],
    testTimeout: 60_000,
    hookTimeout: 120_000,
  },
});
