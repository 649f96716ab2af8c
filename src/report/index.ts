/** Public API of the report module: exports (CSV/JSON/Markdown), the HTML report and the main job. */
export { toCsv, csvCell, neutraliseFormula, FORMULA_TRIGGERS, UTF8_BOM, type CsvCell } from './csv';
export { escapeHtml, jsonForScript, safeExternalUrl } from './html';
export { escapeCommentOpeners, readTableStyle, readVendorScripts, VENDOR_SCRIPTS, type VendorScript } from './assets';
export type { ReportData } from './data';
export { dataAsOf, renderReportHtml, ROWS_PER_PAGE, type ReportChart, type ReportPageInput } from './page';
export { auditReportMarkdown } from './auditReport';
export { FACT_EXPORT_COLUMNS, factsCsv, derivedCsv, writeFactsExport, writeDerivedExport, writeAuditExport } from './exports';
export { loadReportData, type LoadReportOptions } from './load';
export { writeReport } from './write';
export { runMainJob, type MainJobOptions } from './mainJob';
export { DEFAULT_OUT_DIR, takeOutDirArg } from './outDir';
