import { createRequire } from "node:module";
import { databaseTestConfig } from "@parley/testkit/vitest";
import { mergeConfig } from "vitest/config";

// Vite would load graphql's ESM build for our sources while Node loads its CommonJS build for
// graphql-yoga and Pothos: two GraphQLError classes, and Yoga would mask our own errors.
const graphqlEntry = createRequire(import.meta.url).resolve("graphql");

export default mergeConfig(databaseTestConfig(), {
  resolve: { alias: [{ find: /^graphql$/, replacement: graphqlEntry }] },
});
