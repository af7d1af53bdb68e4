export { type ExportOptions, type ExportRun, type ExportSummary, FORMAT_FILES, startExport } from "./export.ts";
export { exportResponse } from "./http.ts";
export {
  EXPORT_FORMATS,
  type ExportFormat,
  type ExportIssue,
  type ExportRequest,
  ExportRequestError,
  exportRequestFromParams,
} from "./query.ts";
export { type ExportEvent, loadExportEvents } from "./records.ts";
