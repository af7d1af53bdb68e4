// Starts and stops an embedded PostgreSQL, then ends with exit code 3: the test checks that nothing
// loaded on the way replaces it.
import { startThrowawayPostgres } from "../src/servers.ts";

const server = await startThrowawayPostgres();
await server.stop();
process.exitCode = 3;
