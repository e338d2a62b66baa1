/** The Excel shell: the only code that calls Excel.run (docs/design.md §3). */
export { createExcelAdapter } from "./adapter";
export type { ExcelAdapterOptions, ExcelWorkbookAdapter } from "./adapter";
export type { OfficeHost } from "./host";
export { detectNoteSupport } from "./host";
export { DONE_HEADER } from "./done-column";
export { FORMULA_HEADERS, STATUS_HEADER, NEXT_DUE_HEADER, OVERDUE_HEADER, rowFormulas } from "./formula-columns";
export type { NoteSupport, ScanProgress, ScorecardRequest, WorkbookAdapter } from "./types";
