export { createPrismaClient, PRISMA_POOL_MAX, type ClientOptions, type Db, type Tx, type PrismaClient } from "./client.ts";
export { freePort, openDatabase, startEmbeddedPostgres, ensureDatabaseExists, withDatabase, serverUrl, type RunningDatabase } from "./postgres.ts";
export { applyMigrations, readMigrations } from "./migrations/apply.ts";
export { dbEnv, paths } from "./env.ts";
export { recordRevision, diffSnapshots, type EntityType, type RevisionInput, type Snapshot } from "./revisions.ts";
export { loadDataFiles, type LoadSummary } from "./loader/load.ts";
export {
  actorSnapshot, claimSnapshot, eventSnapshot, placeSnapshot, positionSnapshot, processSnapshot, sourceSnapshot,
  type ActorSnapshotRow, type ClaimSnapshotRow, type EventSnapshotRow, type PlaceSnapshotRow, type PositionSnapshotRow, type ProcessSnapshotRow, type SourceSnapshotRow,
} from "./snapshots.ts";
export { readDataFiles, DataFileError, type DataFileProblem } from "./loader/read.ts";
export { demoFiles, loadDemoIfEmpty } from "./loader/demo.ts";
export { mergeActors, resolveActorId, MergeError } from "./actors/merge.ts";
export * from "./generated/prisma/enums.ts";
export { checkApiToken, createApiToken, revokeApiToken, hashSecret, type TokenProblem } from "./tokens.ts";
export { isDatabaseUnavailable, DatabaseUnavailableError, DATABASE_UNAVAILABLE_MESSAGE, errorText } from "./availability.ts";
export { commitWrite, OutcomeUnknownError, type CommitOptions } from "./writes/commit.ts";
export { markTransaction, outcomeOf, purgeMarkers, MARKER_RETENTION_HOURS, type Outcome, type TransactionMark } from "./writes/outcome.ts";
export { claimKey, keepResult, purgeKeys, KEY_RETENTION_HOURS, type KeyClaim, type KeptOutcome } from "./writes/keys.ts";
export { COUNTRY_NAMES, countryNames, countryNamesText, countryNamesFunctionSql } from "./country-names.ts";
