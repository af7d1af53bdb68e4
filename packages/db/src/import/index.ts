export { importDataset, IMPORTERS, ImportInterrupted, type ImportOptions, type ImportSummary } from "./pipeline.ts";
export { ImportHeaderError, type DatasetName } from "./types.ts";
export { createProgress, silentProgress } from "./progress.ts";
export { checkTextFile, FileEncodingError, readTextFile, type TextEncoding } from "./encoding.ts";
