// Extraction loads chrono, the gazetteer, wink's model and Readability: the review queue alone is `@parley/ingest/review`.

export type { ActorCandidate, EventCandidate, Extraction } from "./candidates.ts";
export { extractCandidates } from "./extract.ts";
export {
  IngestError,
  type IngestResult,
  ingestReport,
  type PreparedReport,
  prepareReport,
  type ReportInput,
  STORE_TIMEOUT_MS,
  storeReport,
} from "./ingest.ts";
export { emptyKnowledge, type Knowledge, loadKnowledge } from "./knowledge.ts";
