export { ingestReport, prepareReport, storeReport, IngestError, STORE_TIMEOUT_MS, type ReportInput, type IngestResult, type PreparedReport } from "./ingest.ts";
export { extractCandidates, type Extraction, type EventCandidate, type ActorCandidate } from "./extract.ts";
export { loadKnowledge, emptyKnowledge, type Knowledge } from "./knowledge.ts";
export { acceptCandidate, rejectCandidate, updateCandidate, listCandidates, CandidateError, ACCEPT_TIMEOUT_MS } from "./review.ts";
