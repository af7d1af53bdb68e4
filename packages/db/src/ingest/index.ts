export { ingestReport, prepareReport, IngestError, type ReportInput, type IngestResult } from "./ingest.ts";
export { extractCandidates, type Extraction, type EventCandidate, type ActorCandidate } from "./extract.ts";
export { loadKnowledge, emptyKnowledge, type Knowledge } from "./knowledge.ts";
export { acceptCandidate, rejectCandidate, updateCandidate, listCandidates, CandidateError, ACCEPT_TIMEOUT_MS } from "./review.ts";
