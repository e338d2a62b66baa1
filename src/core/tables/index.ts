/** Table recognition: SheetGrid → responsibility tables (issue 2 §3, docs/design.md §5). API listed at the end of ./types.ts. */
export { normalizeHeader } from "./headers";
export { recognizeSheet, recognizeWorkbook, headingOf } from "./recognize";
/** The same function as the milestones module's (one implementation, docs/design.md §4). */
export { yearFromTitle } from "../milestones/year";
export type { SheetRecognition } from "./recognize";
export type * from "./types";
