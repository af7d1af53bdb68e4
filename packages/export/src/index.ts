export { EXPORT_FORMATS, ExportRequestError, exportRequestFromParams, type ExportFormat, type ExportIssue, type ExportRequest } from "./query.ts";
export { FORMAT_FILES, startExport, type ExportRun, type ExportSummary, type ExportOptions } from "./export.ts";
export { exportResponse } from "./http.ts";
export { loadExportEvents, type ExportEvent } from "./records.ts";
