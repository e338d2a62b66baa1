/**
 * In-place flags (docs/design.md §6): a fill and font colour on each 市级辅助成果 cell with an overdue (red) or
 * due-soon (amber) milestone, and a note listing them. What unflag needs to restore the cell exactly is
 * kept inside the workbook, in a very hidden sheet, so it survives closing and reopening and travels to
 * colleagues. The decisions (what to paint, restore, skip) are the engine's (engine.ts); the shells
 * (src/excel/flags.ts, src/xlsx/flag-workbook.ts) only read and write looks.
 */
import type { CellValue } from "../grid";

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

/**
 * A cell's look as a shell reads it, in neutral terms (no Office or ExcelJS types).
 * `exact` is the shell's own lossless state (JSON), opaque to the engine and handed back on restore.
 */
export interface CellLook {
  /** The cell's value (as the shell's reader gives it): the fingerprint that tells a moved cell. */
  value: CellValue;
  /** Solid fill colour "#RRGGBB", or null for no fill (a patterned fill: its colour). */
  fill: string | null;
  /** Font colour "#RRGGBB", or null for automatic. */
  fontColor: string | null;
  /** Note text, null when there is none (or the shell writes no notes). */
  note: string | null;
  exact?: string;
}

/** What a shell found at a cell: its look, or why it cannot be touched. */
export type CellState = CellLook | "protected" | "no-sheet";

/** What a cell looked like before flag touched it, and how to recognise it again. */
export interface FlagBackupRecord {
  sheet: string;
  /** A1 address, upper case, no "$". */
  cell: string;
  /** The colours painted on it (FLAG_STYLE[level]). */
  level: FlagLevel;
  /** fingerprint() of the cell's value text when it was flagged. */
  valuePrint: string;
  /** fingerprint() of the note text the product wrote (from NOTE_MARKER on); null when it wrote none. */
  notePrint: string | null;
  /** The look before the first flag. */
  original: { fill: string | null; fontColor: string | null; note: string | null };
  /** Which shell wrote `exact`: "cli" (ExcelJS) or "excel" (Office.js). */
  shell: "cli" | "excel";
  /** The shell's exact state (JSON) for a lossless restore by the same shell; optional. */
  exact?: string;
}

/** A backup row that could not be read: kept verbatim, named in a message. */
export interface DamagedBackupRow {
  /** 1-based row on the backup sheet. */
  row: number;
  cells: string[];
  reason: string;
}

/** The backup sheet as found in the workbook. */
export type BackupState =
  | { kind: "none" }
  /** A sheet with the backup's name that the product did not write (visible, or without its signature row). */
  | { kind: "foreign" }
  | { kind: "ours"; records: FlagBackupRecord[]; damaged: DamagedBackupRow[] };
