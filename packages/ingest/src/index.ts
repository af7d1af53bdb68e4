// Extraction loads chrono, the gazetteer, wink's model and Readability: the review queue alone is `@parley/ingest/review`.
export { ingestReport, prepareReport, storeReport, IngestError, STORE_TIMEOUT_MS, type ReportInput, type IngestResult, type PreparedReport } from "./ingest.ts";
export { extractCandidates } from "./extract.ts";
export type { ActorCandidate, EventCandidate, Extraction } from "./candidates.ts";
export { loadKnowledge, emptyKnowledge, type Knowledge } from "./knowledge.ts";
