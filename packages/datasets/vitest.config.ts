import { databaseTestConfig } from "@parley/testkit/vitest";

export default databaseTestConfig();
