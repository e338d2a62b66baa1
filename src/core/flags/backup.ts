/**
 * The one backup format, shared by the add-in and the CLI (issue 8 §1). The backup sheet holds:
 *   row 1: BACKUP_SIGNATURE | BACKUP_VERSION | a Chinese "do not edit" line
 *   row 2…: one record per row, its JSON split over as many cells as needed, each at most
 *           BACKUP_CELL_CHARS characters (Excel keeps at most 32,767 characters in a cell; LibreOffice
 *           cuts longer text), read back by joining the row's cells left to right.
 * A row that does not parse, or parses to a wrong shape (an impossible address, a colour that is not
 * "#RRGGBB" …), is a DamagedBackupRow: named in a message, kept verbatim, never used to paint.
 */
import { parseCellAddress } from "../address";
import type { CellValue } from "../grid";
import { isCellError } from "../grid";
import type { BackupState, DamagedBackupRow, FlagBackupRecord, FlagLevel } from "./types";

export const BACKUP_SIGNATURE = "大练兵助手标注备份";
export const BACKUP_VERSION = "2";
const BACKUP_WARNING = "请勿修改或删除此工作表：清除标注时，大练兵助手据此恢复单元格原来的填充色、字体颜色和批注。";

/** Below Excel's 32,767-character cell limit, with room to spare. */
export const BACKUP_CELL_CHARS = 30_000;

/** Excel's last row and column (1,048,576 × XFD). */
const MAX_ROW = 1_048_576;
const MAX_COL = 16_384;

function cellText(value: CellValue | undefined): string {
  if (value === null || value === undefined) return "";
  if (isCellError(value)) return value.error;
  return String(value);
}

/** Splits text into pieces of at most `size` characters, never between the halves of a surrogate pair. */
export function splitText(text: string, size = BACKUP_CELL_CHARS): string[] {
  const parts: string[] = [];
  let at = 0;
  while (at < text.length) {
    let end = Math.min(at + size, text.length);
    const last = text.charCodeAt(end - 1);
    if (end < text.length && last >= 0xd800 && last <= 0xdbff) end -= 1;
    parts.push(text.slice(at, end));
    at = end;
  }
  return parts.length > 0 ? parts : [""];
}

/** The backup sheet's cell values: the signature row, then one row per record and every damaged row kept. */
export function encodeBackup(records: FlagBackupRecord[], damaged: DamagedBackupRow[] = []): string[][] {
  const rows: string[][] = [[BACKUP_SIGNATURE, BACKUP_VERSION, BACKUP_WARNING]];
  for (const r of records) {
    const json: FlagBackupRecord = {
      sheet: r.sheet,
      cell: r.cell,
      level: r.level,
      valuePrint: r.valuePrint,
      notePrint: r.notePrint,
      original: { fill: r.original.fill, fontColor: r.original.fontColor, note: r.original.note },
      shell: r.shell,
    };
    if (r.exact !== undefined) json.exact = r.exact;
    rows.push(splitText(JSON.stringify(json)));
  }
  for (const d of damaged) rows.push(d.cells.flatMap((c) => splitText(c)));
  return rows;
}

const HEX = /^#[0-9A-F]{6}$/;
const LEVELS: readonly FlagLevel[] = ["overdue", "due-soon"];

function colour(v: unknown): v is string | null {
  return v === null || (typeof v === "string" && HEX.test(v));
}

function validAddress(cell: unknown): cell is string {
  if (typeof cell !== "string" || !/^[A-Z]{1,3}[1-9][0-9]{0,6}$/.test(cell)) return false;
  const { row, col } = parseCellAddress(cell);
  return row >= 0 && row < MAX_ROW && col >= 0 && col < MAX_COL;
}

/** Why a parsed row is not a record (Chinese), or null when it is one. */
function shapeProblem(x: unknown): string | null {
  if (typeof x !== "object" || x === null) return "不是一条备份记录";
  const r = x as Record<string, unknown>;
  if (typeof r.sheet !== "string" || r.sheet === "") return "缺少工作表名";
  if (!validAddress(r.cell)) return `单元格地址“${String(r.cell ?? "")}”不存在`;
  if (!LEVELS.includes(r.level as FlagLevel)) return "标注级别无法识别";
  if (typeof r.valuePrint !== "string") return "缺少单元格内容的校验值";
  if (r.notePrint !== null && typeof r.notePrint !== "string") return "批注校验值格式不对";
  const o = r.original as Record<string, unknown> | null | undefined;
  if (typeof o !== "object" || o === null) return "缺少原来的样式";
  if (!colour(o.fill)) return `原填充色“${String(o.fill)}”格式不对`;
  if (!colour(o.fontColor)) return `原字体颜色“${String(o.fontColor)}”格式不对`;
  if (o.note !== null && typeof o.note !== "string") return "原批注格式不对";
  if (r.shell !== "cli" && r.shell !== "excel") return "写入方无法识别";
  if (r.exact !== undefined && typeof r.exact !== "string") return "精确样式格式不对";
  return null;
}

/**
 * Reads the backup sheet. `exists`/`hidden`: whether a sheet named BACKUP_SHEET is there and not
 * visible; `values`: its used cells from A1 (any CellValue; empty cells as null or "").
 * A visible sheet of that name is the user's own ("foreign"): never read, written or deleted.
 */
export function decodeBackup(exists: boolean, hidden: boolean, values: CellValue[][]): BackupState {
  if (!exists) return { kind: "none" };
  if (!hidden) return { kind: "foreign" };
  const rows = values.map((row) => row.map(cellText));
  const records: FlagBackupRecord[] = [];
  const damaged: DamagedBackupRow[] = [];
  const signed = rows.length > 0 && rows[0][0] === BACKUP_SIGNATURE && rows[0][1] === BACKUP_VERSION;
  rows.forEach((cells, i) => {
    if (i === 0 && signed) return;
    const used = cells.slice(0, lastNonEmpty(cells) + 1);
    if (used.length === 0) return;
    if (!signed) {
      damaged.push({ row: i + 1, cells: used, reason: "备份表的标识行已被改动或缺失" });
      return;
    }
    let parsed: unknown;
    try {
      parsed = JSON.parse(used.join(""));
    } catch {
      damaged.push({ row: i + 1, cells: used, reason: "内容不完整或已被改动" });
      return;
    }
    const problem = shapeProblem(parsed);
    if (problem) damaged.push({ row: i + 1, cells: used, reason: problem });
    else records.push(parsed as FlagBackupRecord);
  });
  return { kind: "ours", records, damaged };
}

function lastNonEmpty(cells: string[]): number {
  for (let i = cells.length - 1; i >= 0; i--) if (cells[i] !== "") return i;
  return -1;
}
