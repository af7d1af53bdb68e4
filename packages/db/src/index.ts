export { MergeError, mergeActors, resolveActorId } from "./actors/merge.ts";
export {
  DATABASE_UNAVAILABLE_MESSAGE,
  DatabaseUnavailableError,
  errorText,
  isDatabaseUnavailable,
} from "./availability.ts";
export {
  type ClientOptions,
  createPrismaClient,
  type Db,
  databaseUrlOf,
  PRISMA_POOL_MAX,
  type PrismaClient,
  type Tx,
} from "./client.ts";
export { type Cell, copyRows } from "./copy.ts";
export { COUNTRY_NAMES, countryNames, countryNamesFunctionSql, countryNamesText } from "./country-names.ts";
export { dbEnv, paths } from "./env.ts";
export * from "./generated/prisma/enums.ts";
export { demoFiles, loadDemoIfEmpty } from "./loader/demo.ts";
export { type LoadSummary, loadDataFiles } from "./loader/load.ts";
export { DataFileError, type DataFileProblem, readDataFiles } from "./loader/read.ts";
export { applyMigrations, readMigrations } from "./migrations/apply.ts";
export {
  ensureDatabaseExists,
  freePort,
  openDatabase,
  type RunningDatabase,
  serverUrl,
  startEmbeddedPostgres,
  withDatabase,
} from "./postgres.ts";
export { diffSnapshots, type EntityType, type RevisionInput, recordRevision, type Snapshot } from "./revisions.ts";
export { onlyRow } from "./rows.ts";
export {
  type ActorSnapshotRow,
  actorSnapshot,
  type ClaimSnapshotRow,
  claimSnapshot,
  type EventSnapshotRow,
  eventSnapshot,
  type PlaceSnapshotRow,
  type PositionSnapshotRow,
  type ProcessSnapshotRow,
  placeSnapshot,
  positionSnapshot,
  processSnapshot,
  type SourceSnapshotRow,
  sourceSnapshot,
} from "./snapshots.ts";
export { checkApiToken, createApiToken, hashSecret, revokeApiToken, type TokenProblem } from "./tokens.ts";
export { type CommitOptions, commitWrite, OutcomeUnknownError } from "./writes/commit.ts";
export {
  claimKey,
  KEY_RETENTION_HOURS,
  type KeptOutcome,
  type KeyClaim,
  keepResult,
  purgeKeys,
} from "./writes/keys.ts";
export {
  MARKER_RETENTION_HOURS,
  markTransaction,
  type Outcome,
  outcomeOf,
  purgeMarkers,
  type TransactionMark,
} from "./writes/outcome.ts";
