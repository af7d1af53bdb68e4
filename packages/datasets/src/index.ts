export { importDataset, IMPORTERS, ImportInterrupted, type ImportOptions, type ImportSummary } from "./pipeline.ts";
export { ImportHeaderError, type DatasetName } from "./types.ts";
export { silentProgress, type Progress, type ProgressState } from "./progress.ts";
export { checkTextFile, FileEncodingError, readTextFile, type TextEncoding } from "./encoding.ts";
export { ACLED_COLUMNS, neutralizeCell } from "./acled-format.ts";
export { acledRow, type AcledWritable } from "./acled-row.ts";
export { acledSides, type Tie } from "./acled-sides.ts";
export { primaryPlace } from "./acled-location.ts";
