/**
 * The adapter the task pane talks to. src/excel implements it over Excel.run; tests and the browser
 * e2e run it against the in-memory Excel in test/support. The pane never calls Office.js itself.
 */
import type { Problem } from "../core/grid";
import type { RuleSetId } from "../core/rules/types";
import type { ScanResult } from "../core/scan/types";

export type NoteSupport = "notes" | "comments" | "fill-only";

export interface ScanProgress {
  phase: "reading" | "analysing";
  /** Sheets read so far / total. */
  done: number;
  total: number;
}

/** How a 评分表 is to be made: 个人's candidate, and the table cell whose font new cells take. */
export interface ScorecardRequest {
  candidate?: string;
  fontFrom?: { sheet: string; row: number; col: number };
}

/** What one 标记完成 changed (returned by markDone, passed back to undoMarkDone). Plain data. */
export interface DoneUndo {
  sheet: string;
  /** The 已完成节点 cell written, e.g. "M5". */
  cell: string;
  /** The milestone label marked done. */
  label: string;
  /** What markDone wrote there ("1,2,4a"). */
  written: string;
  /** The cell before: its formula ("=…") or value (null when empty), and its number format. */
  previous: { formula: string | null; value: string | number | boolean | null; numberFormat: string };
  /**
   * Set when markDone added the 已完成节点 column: its letter, whether whole sheet columns were
   * inserted for it (else it used empty cells right of the table), and the area it wrote ("I2:I60").
   */
  addedColumn: { column: string; inserted: boolean; area: string; headerCells: string[] } | null;
}

/** `problems` in a result: places the action had to skip (e.g. a protected sheet), said in Chinese. */
export interface WorkbookAdapter {
  /** Reads every sheet (fixed number of syncs) and scans it. */
  scan(options: { asOf: string; dueSoonDays: number }, onProgress?: (p: ScanProgress) => void): Promise<ScanResult>;
  /** Flags cells of the given scan in place (one batch); returns how many cells were flagged. */
  flag(scan: ScanResult): Promise<{ flagged: number; noteSupport: NoteSupport; skipped?: number; problems?: Problem[] }>;
  /** Restores every flagged cell to exactly what it was; returns how many were restored. */
  unflag(): Promise<{ restored: number; skipped?: number; problems?: Problem[] }>;
  /**
   * Writes label into the 已完成节点 cell of the row of (sheet, cell), adding the column if missing.
   * Returns what undoMarkDone needs to put the workbook back.
   */
  markDone(sheet: string, milestoneCell: string, label: string): Promise<DoneUndo>;
  /**
   * 撤销 of one markDone: the 已完成节点 cell gets back exactly what it held (value, formula, number
   * format; empty stays empty). A column markDone added goes away again when nothing else was written
   * in it; otherwise it stays, with this cell emptied. Refuses (Chinese message, nothing changed) when
   * the cell no longer holds what markDone wrote (someone edited it since).
   */
  undoMarkDone(undo: DoneUndo): Promise<void>;
  /** Selects the cell in Excel. */
  select(sheet: string, cell: string): Promise<void>;
  /** Adds 节点状态/下一节点/逾期数 formula columns to every recognised table; idempotent. */
  insertFormulaColumns(): Promise<{ tables: number; added: boolean; problems?: Problem[] }>;
  /**
   * Adds (or rebuilds, keeping typed inputs) the 评分表 of a rule set; 个人 takes the candidate's name
   * (one sheet each). New cells take the font of `fontFrom` (the table's header, tableFontCell).
   */
  insertScorecard(set: RuleSetId, options?: ScorecardRequest): Promise<{ sheet: string; items: number; kept: number }>;
  /** How notes are written on this host. */
  noteSupport(): NoteSupport;
  /** Calls back (debounced by the caller) when any sheet changes; returns an unsubscribe function. */
  onChanged(callback: () => void): Promise<() => void>;
}
