/** Table recognition: SheetGrid → responsibility tables (issue 2 §3, DESIGN §5). API listed at the end of ./types.ts. */
export { normalizeHeader } from "./headers";
export { recognizeSheet, recognizeWorkbook, yearFromTitle, headingOf } from "./recognize";
export type { SheetRecognition } from "./recognize";
export type * from "./types";
