/**
 * In-place flags (docs/design.md §6): a fill and font colour on each 市级辅助成果 cell with an overdue (red) or
 * due-soon (amber) milestone, and a note listing them. What unflag needs to restore the cell exactly is
 * kept inside the workbook, in a very hidden sheet, so it survives closing and reopening and travels to
 * colleagues.
 */
export type FlagLevel = "overdue" | "due-soon";

export interface FlagMark {
  sheet: string;
  cell: string;
  row: number;
  col: number;
  level: FlagLevel;
  /** The note text the product adds (Chinese), appended below any note already there. */
  note: string;
}

export const FLAG_STYLE: Record<FlagLevel, { fill: string; font: string }> = {
  // Excel's own "light red fill with dark red text" and "yellow fill with dark yellow text".
  overdue: { fill: "#FFC7CE", font: "#9C0006" },
  "due-soon": { fill: "#FFEB9C", font: "#9C5700" },
};

/** First line of every note the product writes; lets a shell tell its own text from the user's. */
export const NOTE_MARKER = "【大练兵助手】";

/** Name of the very hidden sheet that holds what unflag restores. */
export const BACKUP_SHEET = "大练兵助手_标注备份";

/** What a cell looked like before flag touched it. */
export interface FlagBackupRecord {
  sheet: string;
  cell: string;
  /** Solid fill colour "#RRGGBB", or null for no fill. */
  fillColor: string | null;
  /** Font colour "#RRGGBB", or null for automatic. */
  fontColor: string | null;
  /** Note text before flagging, null when there was none. */
  note: string | null;
  /** Which shell wrote the record: "cli" (ExcelJS) or "excel" (Office.js). */
  shell: "cli" | "excel";
  /** Exact shell-specific style (JSON) for a lossless restore by the same shell; optional. */
  exact?: string;
}

/**
 * src/core/flags/index.ts exports:
 *   planFlags(scan: ScanResult): FlagMark[]                    // one mark per cell, worst level wins
 *   combineNote(existing: string | null, added: string): string   // user's note first, ours below
 *   encodeBackup(records: FlagBackupRecord[]): CellValue[][]   // header row + one row per record
 *   decodeBackup(values: CellValue[][]): FlagBackupRecord[]
 */
