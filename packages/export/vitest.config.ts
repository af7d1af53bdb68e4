import { databaseTestConfig } from "@parley/testkit/vitest";

export default databaseTestConfig({ testTimeout: 120_000 });
