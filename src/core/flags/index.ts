/**
 * What to flag and how to remember what was there before (docs/design.md §6). Shells (CLI, Excel) apply the
 * marks; this module decides them and encodes the backup kept in the very hidden sheet.
 */
import type { CellValue } from "../grid";
import { isCellError } from "../grid";
import type { ScanResult, ScannedMilestone } from "../scan/types";
import { chineseDate, shorten } from "../scan/text";
import { milestoneName } from "../milestones/name";
import { NOTE_MARKER, type FlagBackupRecord, type FlagLevel, type FlagMark } from "./types";

export { BACKUP_SHEET, FLAG_STYLE, NOTE_MARKER } from "./types";
export type { FlagBackupRecord, FlagLevel, FlagMark } from "./types";

/** One mark per 市级辅助成果 cell that has an overdue (red) or, failing that, a due-soon (amber) milestone. */
export function planFlags(scan: ScanResult): FlagMark[] {
  const byCell = new Map<string, ScannedMilestone[]>();
  for (const m of scan.milestones) {
    if (m.status !== "overdue" && m.status !== "due-soon") continue;
    const key = `${m.sheet}\u0000${m.cell}`;
    const list = byCell.get(key);
    if (list) list.push(m);
    else byCell.set(key, [m]);
  }
  const marks: FlagMark[] = [];
  for (const ms of byCell.values()) {
    const overdue = ms.filter((m) => m.status === "overdue");
    const dueSoon = ms.filter((m) => m.status === "due-soon");
    const level: FlagLevel = overdue.length > 0 ? "overdue" : "due-soon";
    const first = ms[0];
    marks.push({
      sheet: first.sheet,
      cell: first.cell,
      row: first.row,
      col: first.col,
      level,
      note: flagNote(scan.asOf, overdue, dueSoon),
    });
  }
  return marks;
}

function flagNote(asOf: string, overdue: ScannedMilestone[], dueSoon: ScannedMilestone[]): string {
  const lines = [`${NOTE_MARKER}截至${chineseDate(asOf)}：`];
  if (overdue.length > 0) {
    lines.push(`已逾期${overdue.length}项：`);
    for (const m of overdue) {
      lines.push(
        `· ${milestoneName(m)} ${shorten(m.text, 30)}（应于${m.due ? chineseDate(m.due) : "—"}前完成，已逾期${m.daysOverdue ?? 0}天，盯办人：${person(m.owners.盯办人)}）`,
      );
    }
  }
  if (dueSoon.length > 0) {
    lines.push(`临期${dueSoon.length}项：`);
    for (const m of dueSoon) {
      lines.push(
        `· ${milestoneName(m)} ${shorten(m.text, 30)}（应于${m.due ? chineseDate(m.due) : "—"}前完成，还剩${m.daysLeft ?? 0}天，盯办人：${person(m.owners.盯办人)}）`,
      );
    }
  }
  return lines.join("\n");
}

function person(name: string): string {
  return name.trim() === "" ? "未填写" : name.trim();
}

/** Removes the product's own part (from NOTE_MARKER on) of a note, keeping the user's text. */
export function stripOwnNote(note: string | null): string | null {
  if (note === null) return null;
  const at = note.indexOf(NOTE_MARKER);
  if (at < 0) return note;
  const rest = note.slice(0, at).replace(/\s+$/, "");
  return rest === "" ? null : rest;
}

/** The user's note first (with any earlier note of ours removed), ours below it. */
export function combineNote(existing: string | null, added: string): string {
  const user = stripOwnNote(existing);
  if (user === null || user.trim() === "") return added;
  return `${user}\n\n${added}`;
}

/** Column headers of the backup sheet, in order. */
export const BACKUP_HEADER = ["sheet", "cell", "fillColor", "fontColor", "note", "shell", "exact"] as const;

export function encodeBackup(records: FlagBackupRecord[]): CellValue[][] {
  const rows: CellValue[][] = [[...BACKUP_HEADER]];
  for (const r of records) {
    rows.push([r.sheet, r.cell, r.fillColor, r.fontColor, r.note, r.shell, r.exact ?? null]);
  }
  return rows;
}

function text(value: CellValue | undefined): string | null {
  if (value === null || value === undefined || isCellError(value)) return null;
  const s = String(value);
  return s === "" ? null : s;
}

/** Reads what encodeBackup wrote; columns found by header name, empty cells read as null, rows without a sheet or cell skipped. */
export function decodeBackup(values: CellValue[][]): FlagBackupRecord[] {
  if (values.length === 0) return [];
  const header = values[0].map((v) => text(v) ?? "");
  const col = (name: (typeof BACKUP_HEADER)[number]) => header.indexOf(name);
  const at = (row: CellValue[], name: (typeof BACKUP_HEADER)[number]) => {
    const i = col(name);
    return i < 0 ? null : text(row[i]);
  };
  const records: FlagBackupRecord[] = [];
  for (const row of values.slice(1)) {
    const sheet = at(row, "sheet");
    const cell = at(row, "cell");
    if (sheet === null || cell === null) continue;
    const record: FlagBackupRecord = {
      sheet,
      cell,
      fillColor: at(row, "fillColor"),
      fontColor: at(row, "fontColor"),
      note: at(row, "note"),
      shell: at(row, "shell") === "excel" ? "excel" : "cli",
    };
    const exact = at(row, "exact");
    if (exact !== null) record.exact = exact;
    records.push(record);
  }
  return records;
}
