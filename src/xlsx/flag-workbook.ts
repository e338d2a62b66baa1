/**
 * Flags and unflags an ExcelJS workbook in memory (docs/design.md §6): fill, font colour and note on each
 * marked cell; what was there before goes into the very hidden backup sheet, so unflag can restore it.
 */
import type ExcelJS from "exceljs";
import { BACKUP_SHEET, FLAG_STYLE, NOTE_MARKER, combineNote, decodeBackup, encodeBackup, stripOwnNote } from "../core/flags";
import type { FlagBackupRecord, FlagMark } from "../core/flags/types";
import type { CellValue } from "../core/grid";
import { readWorksheet } from "./read-workbook";

type Note = ExcelJS.Comment | string;

/** What the cli shell stores in FlagBackupRecord.exact: ExcelJS's own fill, font and note. */
interface ExactStyle {
  fill: ExcelJS.Fill | null;
  font: Partial<ExcelJS.Font> | null;
  note: Note | null;
}

function argb(hex: string): string {
  return `FF${hex.replace(/^#/, "").toUpperCase()}`;
}

function hexOf(color: Partial<ExcelJS.Color> | undefined): string | null {
  const value = color?.argb;
  if (typeof value !== "string" || value.length < 6) return null;
  return `#${value.slice(-6).toUpperCase()}`;
}

function solidFillColor(fill: ExcelJS.Fill | undefined): string | null {
  if (!fill || fill.type !== "pattern" || fill.pattern !== "solid") return null;
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
  const copy = structuredClone(cell.style ?? {}) as Partial<ExcelJS.Style>;
  cell.style = copy;
  return copy;
}

function userNote(note: string | null): string | null {
  const user = stripOwnNote(note)?.replace(/\s+$/, "") ?? "";
  return user === "" ? null : user;
}

/**
 * Whether the cell at the recorded address is still the one flagged: it carries our note over the
 * recorded user note, or, for the add-in's records (it may flag by fill only), our fill. After rows or columns were
 * inserted or deleted, another cell sits there, and restoring onto it would move notes and fills.
 */
function stillFlagged(cell: ExcelJS.Cell, record: FlagBackupRecord): boolean {
  const note = noteText(cellNote(cell));
  if (note !== null && note.includes(NOTE_MARKER)) return userNote(note) === userNote(record.note);
  if (record.shell === "cli") return false; // the CLI always writes its note
  const fill = solidFillColor(cell.style?.fill);
  return Object.values(FLAG_STYLE).some((colours) => colours.fill === fill);
}

/**
 * Restores the cells recorded in the backup sheet and removes it; returns how many cells were restored.
 * Cells that no longer carry their flag are left as they are and listed ("sheet!A1") in `skipped`.
 */
export function restoreFlags(wb: ExcelJS.Workbook, skipped: string[] = []): number {
  const backup = wb.getWorksheet(BACKUP_SHEET);
  if (!backup) return 0;
  const records = decodeBackup(readWorksheet(backup).values);
  let restored = 0;
  for (const record of records) {
    const ws = wb.getWorksheet(record.sheet);
    if (!ws) {
      skipped.push(`${record.sheet}!${record.cell}`);
      continue;
    }
    const cell = ws.getCell(record.cell);
    if (!stillFlagged(cell, record)) {
      skipped.push(`${record.sheet}!${record.cell}`);
      continue;
    }
    const style = ownStyle(cell);
    const exact = parseExact(record);
    if (exact) {
      if (exact.fill) style.fill = exact.fill;
      else delete style.fill;
      if (exact.font) style.font = exact.font;
      else delete style.font;
      setNote(cell, exact.note);
    } else {
      // Written by the Excel add-in (or without exact style): restore from the portable fields.
      if (record.fillColor) style.fill = { type: "pattern", pattern: "solid", fgColor: { argb: argb(record.fillColor) } };
      else delete style.fill;
      const font = { ...(style.font ?? {}) };
      if (record.fontColor) font.color = { argb: argb(record.fontColor) };
      else delete font.color;
      style.font = font;
      // A note of ours without backup text leaves the user's part only.
      setNote(cell, record.note ?? stripOwnNote(noteText(cellNote(cell))));
    }
    restored += 1;
  }
  wb.removeWorksheet(backup.id);
  return restored;
}

function parseExact(record: FlagBackupRecord): ExactStyle | null {
  if (record.shell !== "cli" || !record.exact) return null;
  try {
    const parsed = JSON.parse(record.exact) as Partial<ExactStyle>;
    return { fill: parsed.fill ?? null, font: parsed.font ?? null, note: parsed.note ?? null };
  } catch {
    return null;
  }
}

/**
 * Flags the marked cells and writes the backup sheet. Any earlier flags are restored first, so the
 * backup always holds the true original and notes are never doubled. Returns how many cells were flagged.
 */
export function applyFlags(wb: ExcelJS.Workbook, marks: FlagMark[]): number {
  restoreFlags(wb);
  const records: FlagBackupRecord[] = [];
  for (const mark of marks) {
    const ws = wb.getWorksheet(mark.sheet);
    if (!ws) continue;
    const cell = ws.getCell(mark.cell);
    const before: ExactStyle = {
      fill: cell.style?.fill ? structuredClone(cell.style.fill) : null,
      font: cell.style?.font ? structuredClone(cell.style.font) : null,
      note: cellNote(cell) === null ? null : structuredClone(cellNote(cell)),
    };
    const existingNote = noteText(before.note);
    records.push({
      sheet: mark.sheet,
      cell: mark.cell,
      fillColor: solidFillColor(before.fill ?? undefined),
      fontColor: hexOf(before.font?.color),
      note: existingNote,
      shell: "cli",
      exact: JSON.stringify(before),
    });
    const colours = FLAG_STYLE[mark.level];
    const style = ownStyle(cell);
    style.fill = { type: "pattern", pattern: "solid", fgColor: { argb: argb(colours.fill) } };
    style.font = { ...(style.font ?? {}), color: { argb: argb(colours.font) } };
    cell.note = combineNote(existingNote, mark.note);
  }
  if (records.length > 0) writeBackupSheet(wb, encodeBackup(records));
  return records.length;
}

function writeBackupSheet(wb: ExcelJS.Workbook, rows: CellValue[][]): void {
  const ws = wb.addWorksheet(BACKUP_SHEET, { state: "veryHidden" });
  for (const row of rows) {
    // Backup cells are plain text or empty; text is stored as typed, never reinterpreted.
    ws.addRow(row.map((v) => (v === null || typeof v === "object" ? null : v)));
  }
}
