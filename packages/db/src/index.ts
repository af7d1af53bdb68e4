export { createPrismaClient, type Db, type Tx, type PrismaClient } from "./client.ts";
export { freePort, openDatabase, startEmbeddedPostgres, ensureDatabaseExists, withDatabase, serverUrl, type RunningDatabase } from "./postgres.ts";
export { applyMigrations, readMigrations } from "./migrations/apply.ts";
export { dbEnv, paths } from "./env.ts";
export { recordRevision, diffSnapshots, type EntityType, type Snapshot } from "./revisions.ts";
export { loadDataFiles, type LoadSummary } from "./loader/load.ts";
export { readDataFiles, DataFileError, type DataFileProblem } from "./loader/read.ts";
export { demoFiles, loadDemoIfEmpty } from "./loader/demo.ts";
export { importDataset, ImportHeaderError, type ImportSummary } from "./import/index.ts";
export { mergeActors, resolveActorId, MergeError } from "./actors/merge.ts";
export * from "./generated/prisma/enums.ts";
export { createApiToken, revokeApiToken, verifyApiToken, hashSecret } from "./tokens.ts";
// The review queue only: extraction (chrono, the gazetteer, Readability) is `@parley/db/ingest`, loaded on demand.
export { acceptCandidate, rejectCandidate, updateCandidate, listCandidates, CandidateError } from "./ingest/review.ts";
export { generateCorpus, type GenerateOptions } from "./generate/write.ts";
export { progressLine } from "./generate/command.ts";
export { seededRandom } from "./generate/random.ts";
export { isDatabaseUnavailable, DATABASE_UNAVAILABLE_MESSAGE } from "./availability.ts";
