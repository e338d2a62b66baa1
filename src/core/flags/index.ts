/**
 * What to flag (docs/design.md §6): the marks and their notes. The engine (engine.ts) plans paint, restore and
 * skip from them; backup.ts is the one backup format; the shells only read and write looks.
 */
import type { ScanResult, ScannedMilestone } from "../scan/types";
import { chineseDate, shorten } from "../scan/text";
import { milestoneName } from "../milestones/name";
import { NOTE_MARKER, type FlagLevel, type FlagMark } from "./types";

export { BACKUP_SHEET, FLAG_STYLE, NOTE_MARKER } from "./types";
export type { BackupState, CellLook, CellState, DamagedBackupRow, FlagBackupRecord, FlagLevel, FlagMark } from "./types";
export { combineNote, stripOwnNote } from "./notes";
export { BACKUP_CELL_CHARS, BACKUP_SIGNATURE, decodeBackup, encodeBackup, splitText } from "./backup";
export { cellKey, cellsToRead, fingerprint, looksFlagged, orphanFlags, ownNotePart, planFlag, planUnflag } from "./engine";
export type { FlagPlan, FlagPlanOptions, NoteChange, PaintStep, RestoreStep } from "./engine";

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

