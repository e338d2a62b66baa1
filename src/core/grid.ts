/**
 * The workbook as the core sees it: plain values, no Office.js, no ExcelJS.
 * Both shells (src/excel, src/cli) build SheetGrid objects and hand them to the core.
 */

/** An Excel error value such as #N/A or #REF!, kept distinct from text that merely looks like one. */
export interface CellErrorValue {
  readonly error: string;
}

export type CellValue = string | number | boolean | null | CellErrorValue;

/** A merged area in absolute 0-based sheet coordinates, inclusive on all sides. */
export interface MergedArea {
  top: number;
  left: number;
  bottom: number;
  right: number;
}

export interface SheetGrid {
  name: string;
  /**
   * values[r][c] is the cell at 0-based row r, column c of the sheet (values[0][0] is A1).
   * Shells pad the used range so that indices are absolute. Rows may have different lengths;
   * a missing cell reads as null. Inside a merged area only the top-left cell carries the value.
   */
  values: CellValue[][];
  merges: MergedArea[];
  /** Set by a shell when the sheet could be read only partly or not at all (e.g. protected). */
  readProblem?: string;
}

export function isCellError(value: CellValue | undefined): value is CellErrorValue {
  return typeof value === "object" && value !== null && "error" in value;
}

/** A problem found in the workbook, said in Chinese, with the place it was found. */
export interface Problem {
  sheet: string;
  /** A1-style address, or "" when the problem concerns the whole sheet. */
  cell: string;
  message: string;
}
