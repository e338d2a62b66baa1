/**
 * Flags and unflags an ExcelJS workbook in memory (docs/design.md §6). Every decision is the core engine's
 * (src/core/flags/engine.ts); this file only reads cells' looks and writes what the plan says: fill,
 * font colour and note, and the backup sheet in the one backup format (src/core/flags/backup.ts).
 */
import type ExcelJS from "exceljs";
import {
  BACKUP_SHEET,
  FLAG_STYLE,
  cellKey,
  cellsToRead,
  decodeBackup,
  encodeBackup,
  looksFlagged,
  orphanFlags,
  planFlag,
  planUnflag,
  type BackupState,
  type CellLook,
  type CellState,
  type FlagBackupRecord,
  type FlagMark,
  type FlagPlan,
  type RestoreStep,
} from "../core/flags";
import type { Problem } from "../core/grid";
import { readWorksheet, toCellValue } from "./read-workbook";
import { argb } from "./colors";

type Note = ExcelJS.Comment | string;

/** What this shell keeps in FlagBackupRecord.exact: ExcelJS's own fill, font colour and note. */
interface ExactStyle {
  fill: ExcelJS.Fill | null;
  fontColor: Partial<ExcelJS.Color> | null;
  note: Note | null;
}

export interface FlagOutcome {
  /** Cells painted (flag) or restored (unflag, and stale cells on flag). */
  flagged: number;
  /** Of the cells flagged, those painted red (overdue); the rest are amber. */
  overdue: number;
  restored: number;
  /** Cells left alone because they changed or moved since flagging (named in problems). */
  skipped: number;
  problems: Problem[];
  /** Whether the workbook had a backup of the product's (unflag: false means "nothing to undo"). */
  hadBackup: boolean;
}

function hexOf(color: Partial<ExcelJS.Color> | undefined): string | null {
  const value = color?.argb;
  if (typeof value !== "string" || value.length < 6) return null;
  return `#${value.slice(-6).toUpperCase()}`;
}

function fillColor(fill: ExcelJS.Fill | undefined): string | null {
  if (!fill || fill.type !== "pattern" || fill.pattern === "none") return null;
  return hexOf(fill.fgColor);
}

export function noteText(note: Note | undefined | null): string | null {
  if (note === undefined || note === null) return null;
  if (typeof note === "string") return note;
  const texts = (note as { texts?: { text?: string }[] }).texts ?? [];
  return texts.map((t) => t.text ?? "").join("");
}

function cellNote(cell: ExcelJS.Cell): Note | null {
  return (cell.note as Note | undefined) ?? null;
}

function setNote(cell: ExcelJS.Cell, note: Note | null): void {
  if (note === null || note === "") {
    // ExcelJS has no public way to delete a note: it lives in _comment, and a cell read from a file
    // also keeps it in its value's model, which the writer reuses.
    const internal = cell as unknown as { _comment?: unknown; _value?: { model?: { comment?: unknown } } };
    delete internal._comment;
    if (internal._value?.model) delete internal._value.model.comment;
  } else {
    cell.note = note;
  }
}

/** Cells read from a file can share one style object: give the cell its own before changing it. */
function ownStyle(cell: ExcelJS.Cell): Partial<ExcelJS.Style> {
  const style = cell.style ?? {};
  const copy: Partial<ExcelJS.Style> = { ...style };
  if (style.font) copy.font = { ...style.font };
  cell.style = copy;
  return copy;
}

function lookOf(cell: ExcelJS.Cell): CellLook {
  const note = cellNote(cell);
  const exact: ExactStyle = {
    fill: cell.style?.fill ? structuredClone(cell.style.fill) : null,
    fontColor: cell.style?.font?.color ? { ...cell.style.font.color } : null,
    note: note === null ? null : typeof note === "string" ? note : structuredClone(note),
  };
  return {
    value: toCellValue(cell.value),
    fill: fillColor(cell.style?.fill),
    fontColor: hexOf(cell.style?.font?.color),
    note: noteText(note),
    exact: JSON.stringify(exact),
  };
}

/** The exact state this shell wrote, or null (another shell's record, or a shape this shell did not write). */
function parseExact(record: FlagBackupRecord): ExactStyle | null {
  if (record.shell !== "cli" || !record.exact) return null;
  try {
    const parsed = JSON.parse(record.exact) as Partial<ExactStyle>;
    if (typeof parsed !== "object" || parsed === null) return null;
    const fill = parsed.fill ?? null;
    const fontColor = parsed.fontColor ?? null;
    const note = parsed.note ?? null;
    if (fill !== null && (typeof fill !== "object" || typeof (fill as { type?: unknown }).type !== "string")) return null;
    if (fontColor !== null && typeof fontColor !== "object") return null;
    if (note !== null && typeof note !== "string" && (typeof note !== "object" || !Array.isArray((note as { texts?: unknown }).texts))) return null;
    return { fill, fontColor, note };
  } catch {
    return null;
  }
}

function backupSheet(wb: ExcelJS.Workbook): ExcelJS.Worksheet | undefined {
  return wb.getWorksheet(BACKUP_SHEET);
}

function readBackup(wb: ExcelJS.Workbook): BackupState {
  const ws = backupSheet(wb);
  if (!ws) return decodeBackup(false, false, []);
  return decodeBackup(true, ws.state !== "visible", readWorksheet(ws).values);
}

function stateLookup(wb: ExcelJS.Workbook, cells: { sheet: string; cell: string }[]): (sheet: string, cell: string) => CellState {
  const states = new Map<string, CellState>();
  for (const { sheet, cell } of cells) {
    const ws = wb.getWorksheet(sheet);
    // The copy is written by this tool, so a protected sheet is flagged all the same (the CLI says so).
    states.set(cellKey(sheet, cell), ws && ws.name !== BACKUP_SHEET ? lookOf(ws.getCell(cell)) : "no-sheet");
  }
  return (sheet, cell) => states.get(cellKey(sheet, cell)) ?? "no-sheet";
}

function applyRestore(wb: ExcelJS.Workbook, step: RestoreStep): void {
  const { record } = step;
  const cell = wb.getWorksheet(record.sheet)!.getCell(record.cell);
  const exact = parseExact(record);
  const style = ownStyle(cell);
  if (step.fill) {
    const fill = exact ? exact.fill : record.original.fill ? ({ type: "pattern", pattern: "solid", fgColor: { argb: argb(record.original.fill) } } as ExcelJS.Fill) : null;
    if (fill) style.fill = fill;
    else delete style.fill;
  }
  if (step.fontColor) {
    // Only the colour: a bold or a font the user set since flagging stays.
    const font = { ...(style.font ?? {}) };
    const colour = exact ? exact.fontColor : record.original.fontColor ? { argb: argb(record.original.fontColor) } : null;
    if (colour) font.color = colour;
    else delete font.color;
    // An empty font would be written as a style of its own (and a "none" fill with it).
    if (Object.keys(font).length > 0) style.font = font;
    else delete style.font;
  }
  if (step.note.kind === "set") setNote(cell, step.note.original && exact ? exact.note : step.note.text);
}

function writeBackup(wb: ExcelJS.Workbook, plan: FlagPlan): void {
  const old = backupSheet(wb);
  if (old) wb.removeWorksheet(old.id);
  if (plan.backup.length === 0 && plan.damaged.length === 0) return;
  const ws = wb.addWorksheet(BACKUP_SHEET, { state: "veryHidden" });
  // Backup cells are text, stored as typed, never reinterpreted.
  for (const row of encodeBackup(plan.backup, plan.damaged)) ws.addRow(row);
}

/** Cells outside `except` that carry the product's flag without a record (the backup was lost or garbled). */
function orphans(wb: ExcelJS.Workbook, backup: BackupState, except: Set<string>): Problem[] {
  const found: { sheet: string; cell: string; look: CellLook }[] = [];
  const flagFills = new Set(Object.values(FLAG_STYLE).map((s) => s.fill));
  wb.eachSheet((ws) => {
    if (ws.name === BACKUP_SHEET) return;
    ws.eachRow({ includeEmpty: false }, (row) => {
      row.eachCell({ includeEmpty: false }, (cell) => {
        const note = cellNote(cell);
        const fill = fillColor(cell.style?.fill);
        if (note === null && (fill === null || !flagFills.has(fill))) return;
        if (except.has(cellKey(ws.name, cell.address))) return;
        const look: CellLook = { value: null, fill, fontColor: hexOf(cell.style?.font?.color), note: noteText(note) };
        if (looksFlagged(look)) found.push({ sheet: ws.name, cell: cell.address, look });
      });
    });
  });
  return orphanFlags(found, backup);
}

/**
 * Flags the marked cells, restores cells flagged before and no longer due, and writes the backup.
 * A cell flagged before keeps its first original; a cell that looks flagged without a record is left
 * alone and named (its red is never stored as an original).
 */
export function flagWorkbook(wb: ExcelJS.Workbook, marks: FlagMark[]): FlagOutcome {
  const backup = readBackup(wb);
  const look = stateLookup(wb, cellsToRead(marks, backup));
  const plan = planFlag(marks, look, backup, { shell: "cli", writesNotes: true });
  if (!plan.write) return { flagged: 0, overdue: 0, restored: 0, skipped: plan.skipped, problems: plan.problems, hadBackup: backup.kind === "ours" };
  for (const step of plan.restore) applyRestore(wb, step);
  for (const { mark, note } of plan.paint) {
    const cell = wb.getWorksheet(mark.sheet)!.getCell(mark.cell);
    const colours = FLAG_STYLE[mark.level];
    const style = ownStyle(cell);
    style.fill = { type: "pattern", pattern: "solid", fgColor: { argb: argb(colours.fill) } };
    style.font = { ...(style.font ?? {}), color: { argb: argb(colours.font) } };
    if (note !== null) cell.note = note;
  }
  writeBackup(wb, plan);
  // Cells named already (orphans among the marks) or in the backup are not named again.
  const known = new Set([...plan.backup, ...plan.restore.map((s) => s.record)].map((r) => cellKey(r.sheet, r.cell)));
  for (const p of plan.problems) if (p.cell !== "") known.add(cellKey(p.sheet, p.cell));
  const problems = [...plan.problems, ...orphans(wb, { kind: "none" }, known)];
  return { flagged: plan.paint.length, overdue: plan.paint.filter((p) => p.mark.level === "overdue").length, restored: plan.restore.length, skipped: plan.skipped, problems, hadBackup: backup.kind === "ours" };
}

/**
 * Restores every recorded cell that is still the one flagged and removes the backup (kept, with the
 * records of the cells left alone, when some could not be restored). A tampered backup: nothing painted.
 */
export function unflagWorkbook(wb: ExcelJS.Workbook): FlagOutcome {
  const backup = readBackup(wb);
  const records = backup.kind === "ours" ? backup.records : [];
  const look = stateLookup(wb, records.map((r) => ({ sheet: r.sheet, cell: r.cell })));
  const plan = planUnflag(look, backup);
  if (plan.write) {
    for (const step of plan.restore) applyRestore(wb, step);
    writeBackup(wb, plan);
  }
  const recorded = new Set(records.map((r) => cellKey(r.sheet, r.cell)));
  const problems = [...plan.problems, ...(backup.kind === "ours" && !plan.write ? [] : orphans(wb, backup, recorded))];
  return { flagged: 0, overdue: 0, restored: plan.restore.length, skipped: plan.skipped, problems, hadBackup: backup.kind === "ours" };
}
