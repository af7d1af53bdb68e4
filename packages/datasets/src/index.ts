export { ACLED_COLUMNS, neutralizeCell } from "./acled-format.ts";
export { primaryPlace } from "./acled-location.ts";
export { type AcledWritable, acledRow } from "./acled-row.ts";
export { acledSides, type Tie } from "./acled-sides.ts";
export { checkTextFile, FileEncodingError, readTextFile, type TextEncoding } from "./encoding.ts";
export {
  DEFAULT_BATCH_SIZE,
  IMPORTERS,
  ImportInterrupted,
  type ImportOptions,
  type ImportSummary,
  importDataset,
} from "./pipeline.ts";
export { type Progress, type ProgressState, silentProgress } from "./progress.ts";
export { type DatasetName, ImportHeaderError } from "./types.ts";
