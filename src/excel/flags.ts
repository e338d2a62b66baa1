/**
 * Flag and unflag in place (docs/design.md §6, issue 4 §1): reads run in a few syncs, every write goes in one
 * final batch. What unflag needs is kept in the very hidden sheet BACKUP_SHEET, so it works after the
 * file is closed and reopened, for a colleague, and for the CLI (portable fields) as well.
 * Values and formulas are never written.
 */
import { BACKUP_SHEET, FLAG_STYLE, NOTE_MARKER, combineNote, decodeBackup, encodeBackup, planFlags, stripOwnNote } from "../core/flags";
import type { FlagBackupRecord, FlagMark } from "../core/flags/types";
import type { CellValue, Problem } from "../core/grid";
import type { ScanResult } from "../core/scan/types";
import { isProtectionError, protectedWriteMessage } from "./host";
import { loadSheetInfos } from "./read";
import type { NoteSupport } from "./types";

/** What the excel shell keeps in FlagBackupRecord.exact. */
interface ExactState {
  /** pattern "None" is "no fill" (restored with RangeFill.clear()); patternColor only for a non-solid pattern. */
  fill: { color: string; pattern: string; patternColor?: string };
  font: { color: string };
  /** How our note was written: a cell note, a threaded comment (its id), or nothing. */
  mode: NoteSupport;
  commentId?: string;
}

type CellProps = {
  format?: {
    fill?: { color?: string; pattern?: string | null; patternColor?: string; tintAndShade?: number | null };
    font?: { color?: string };
  };
};

/**
 * ExcelApi 1.9: Range.getCellProperties(CellPropertiesLoadOptions) → ClientResult<CellProperties[][]>,
 * one { format: { fill: {…}, font: {…} } } per cell; fill.pattern/patternColor/tintAndShade are 1.9 too.
 */
const PROPS_TO_READ = { format: { fill: { color: true, pattern: true, patternColor: true, tintAndShade: true }, font: { color: true } } };

/**
 * Whether a cell has no fill. Excel reports fill.color "#FFFFFF" both for "no fill" and for a white
 * fill (office-js issues #4900, #6218). FillPattern "None" says "no fill"; where pattern comes back
 * null (reported in #4900), Microsoft's answer there is that tintAndShade is null for "no fill" and a
 * number for any colour, white included.
 */
export function isNoFill(fill: { pattern?: string | null; tintAndShade?: number | null } | undefined): boolean {
  if (!fill) return true;
  if (fill.pattern === "None") return true;
  if (fill.pattern === null || fill.pattern === undefined) return fill.tintAndShade === null || fill.tintAndShade === undefined;
  return false;
}

/** The fill to keep for a cell as getCellProperties reported it. */
function fillState(fill: NonNullable<CellProps["format"]>["fill"]): ExactState["fill"] {
  if (isNoFill(fill)) return { color: fill?.color ?? "#FFFFFF", pattern: "None" };
  const pattern = fill?.pattern ?? "Solid";
  const state: ExactState["fill"] = { color: fill?.color ?? "#FFFFFF", pattern };
  if (pattern !== "Solid" && fill?.patternColor) state.patternColor = fill.patternColor;
  return state;
}

function parseExact(record: FlagBackupRecord): ExactState | null {
  if (record.shell !== "excel" || !record.exact) return null;
  try {
    return JSON.parse(record.exact) as ExactState;
  } catch {
    return null;
  }
}

function recordKey(sheet: string, cell: string): string {
  return `${sheet}\u0000${cell.toUpperCase()}`;
}

function protectedMessage(sheet: string, count: number, action: string): Problem {
  return {
    sheet,
    cell: "",
    message: `工作表“${sheet}”受保护，无法${action}其中的 ${count} 个单元格；请先撤销工作表保护（审阅 → 撤销工作表保护）后重试。`,
  };
}

/** Cell values for the backup sheet: text stays text (the cells are formatted "@"). */
function backupMatrix(records: FlagBackupRecord[]): (string | number | boolean)[][] {
  const rows = encodeBackup(records);
  const width = Math.max(...rows.map((r) => r.length));
  return rows.map((r) => {
    const out: (string | number | boolean)[] = [];
    for (let c = 0; c < width; c++) {
      const v: CellValue | undefined = r[c];
      out.push(v === null || v === undefined ? "" : typeof v === "object" ? v.error : v);
    }
    return out;
  });
}

function fromSheetValues(values: unknown[][]): CellValue[][] {
  return values.map((row) => row.map((v) => (v === "" || v === null || v === undefined ? null : (v as CellValue))));
}

/**
 * Reads the backup sheet, if any (two syncs). The sheet is very hidden (ExcelApi 1.2 for setting
 * Worksheet.visibility): Excel's UI does not list it, but worksheets.getItem and its ranges work on it.
 */
async function readBackup(context: Excel.RequestContext): Promise<{ exists: boolean; records: FlagBackupRecord[] }> {
  const sheet = context.workbook.worksheets.getItemOrNullObject(BACKUP_SHEET);
  await context.sync();
  if (sheet.isNullObject) return { exists: false, records: [] };
  const used = sheet.getUsedRangeOrNullObject(true).load("values");
  await context.sync();
  return { exists: true, records: used.isNullObject ? [] : decodeBackup(fromSheetValues(used.values)) };
}

/**
 * Queues the backup sheet's new content (or its removal when nothing is left to restore).
 * ExcelApi 1.1: WorksheetCollection.add, Worksheet.delete; 1.7: getRangeByIndexes; 1.2: setting
 * Worksheet.visibility to "VeryHidden" (Excel.SheetVisibility.veryHidden: not even listed under Unhide).
 */
function queueBackupWrite(context: Excel.RequestContext, exists: boolean, records: FlagBackupRecord[]): void {
  const worksheets = context.workbook.worksheets;
  if (records.length === 0) {
    if (exists) worksheets.getItem(BACKUP_SHEET).delete();
    return;
  }
  // A fresh sheet each time: nothing of an older, longer backup can linger below the new one.
  if (exists) worksheets.getItem(BACKUP_SHEET).delete();
  const sheet = worksheets.add(BACKUP_SHEET);
  const matrix = backupMatrix(records);
  const range = sheet.getRangeByIndexes(0, 0, matrix.length, matrix[0].length);
  range.numberFormat = matrix.map((r) => r.map(() => "@"));
  range.values = matrix;
  sheet.visibility = "VeryHidden";
}

/**
 * Restores one cell's fill and font colour from its record (exact state when the add-in wrote it).
 * ExcelApi 1.1: RangeFill.clear() ("no fill" again, not white), RangeFill.color, RangeFont.color;
 * ExcelApi 1.9: RangeFill.pattern/patternColor for a patterned fill. Excel reports an "automatic" font
 * colour as a hex colour (black by default) and the API cannot set "automatic" back, so that colour
 * is written: it looks the same.
 */
function queueStyleRestore(range: Excel.Range, record: FlagBackupRecord): void {
  const exact = parseExact(record);
  const fillColor = exact ? (exact.fill.pattern === "None" ? null : exact.fill.color) : record.fillColor;
  if (fillColor === null) range.format.fill.clear();
  else {
    range.format.fill.color = fillColor;
    if (exact && exact.fill.pattern !== "Solid") {
      range.format.fill.pattern = exact.fill.pattern as Excel.FillPattern;
      if (exact.fill.patternColor) range.format.fill.patternColor = exact.fill.patternColor;
    }
  }
  range.format.font.color = exact?.font.color ?? record.fontColor ?? "#000000";
}

/** The note text to restore: the user's own text as it is now, exactly as it was when unchanged. */
function restoredNote(current: string | null, record: FlagBackupRecord): string | null {
  if (current === null || !current.includes(NOTE_MARKER)) return current;
  const user = stripOwnNote(current);
  if (record.note !== null && user === record.note.replace(/\s+$/, "")) return record.note;
  return user;
}

export interface FlagResult {
  flagged: number;
  noteSupport: NoteSupport;
  problems: Problem[];
}

export async function flagWorkbook(context: Excel.RequestContext, scan: ScanResult, support: NoteSupport): Promise<FlagResult> {
  const marks = planFlags(scan);
  const infos = await loadSheetInfos(context);
  const known = new Map(infos.map((s) => [s.name, s]));
  const backup = await readBackup(context);
  const oldRecords = new Map(backup.records.map((r) => [recordKey(r.sheet, r.cell), r]));

  const problems: Problem[] = [];
  const blocked = new Map<string, number>();
  const writable = (sheet: string): boolean => {
    const info = known.get(sheet);
    if (!info) return false;
    if (info.isProtected) blocked.set(sheet, (blocked.get(sheet) ?? 0) + 1);
    return !info.isProtected;
  };
  const targets = marks.filter((m) => writable(m.sheet));
  const markKeys = new Set(targets.map((m) => recordKey(m.sheet, m.cell)));
  // Cells flagged before and no longer due go back to what they were.
  const stale = backup.records.filter((r) => !markKeys.has(recordKey(r.sheet, r.cell)));
  const staleWritable = stale.filter((r) => known.has(r.sheet) && !known.get(r.sheet)!.isProtected);
  const staleKept = stale.filter((r) => known.get(r.sheet)?.isProtected);

  // One read batch: current fill/font colours and notes of every cell touched; threaded comments.
  const sheetProxies = new Map<string, Excel.Worksheet>();
  const sheetOf = (name: string): Excel.Worksheet => {
    let ws = sheetProxies.get(name);
    if (!ws) {
      ws = context.workbook.worksheets.getItem(name);
      sheetProxies.set(name, ws);
    }
    return ws;
  };
  // ExcelApi 1.18: Worksheet.notes.getItemOrNullObject(cell address) and Note.content (read/write).
  const reads = targets.map((mark) => {
    const range = sheetOf(mark.sheet).getRange(mark.cell);
    const props = range.getCellProperties(PROPS_TO_READ);
    const note = support === "notes" ? sheetOf(mark.sheet).notes.getItemOrNullObject(mark.cell).load("content") : null;
    return { mark, range, props, note };
  });
  const staleReads = staleWritable.map((record) => {
    const range = sheetOf(record.sheet).getRange(record.cell);
    const note =
      support === "notes" && parseExact(record)?.mode !== "comments" && parseExact(record)?.mode !== "fill-only"
        ? sheetOf(record.sheet).notes.getItemOrNullObject(record.cell).load("content")
        : null;
    return { record, range, note };
  });
  // ExcelApi 1.10: Workbook.comments (threaded comments), Comment.id/content, Comment.getLocation().
  const comments = support !== "fill-only" && (support === "comments" || backup.records.some((r) => parseExact(r)?.mode === "comments"))
    ? context.workbook.comments.load("items/id,items/content")
    : null;
  await context.sync();

  // Threaded comments: where they are (one more read, only on hosts that use them). The address of
  // getLocation() carries the sheet name, quoted when Excel needs it ("'My Sheet'!B2").
  const commentAt = new Map<string, string>();
  const commentIds = new Set<string>();
  if (comments) {
    const located = comments.items.map((c) => ({ id: c.id, location: c.getLocation().load("address") }));
    for (const c of comments.items) commentIds.add(c.id);
    if (located.length > 0) await context.sync();
    for (const { id, location } of located) {
      const bang = location.address.lastIndexOf("!");
      let sheet = location.address.slice(0, bang);
      if (sheet.startsWith("'")) sheet = sheet.slice(1, -1).replace(/''/g, "'");
      commentAt.set(recordKey(sheet, location.address.slice(bang + 1).replace(/\$/g, "")), id);
    }
  }

  // The write batch.
  const records: FlagBackupRecord[] = [];
  const added: { record: FlagBackupRecord; comment: Excel.Comment }[] = [];
  for (const { record, range, note } of staleReads) {
    queueStyleRestore(range, record);
    const exact = parseExact(record);
    if (exact?.mode === "comments" && exact.commentId && commentIds.has(exact.commentId)) {
      context.workbook.comments.getItem(exact.commentId).delete();
    } else if (note && !note.isNullObject) {
      const restored = restoredNote(note.content, record);
      if (restored === null) note.delete();
      else if (restored !== note.content) note.content = restored;
    }
  }
  for (const { mark, range, props, note } of reads) {
    const before = (props.value[0]?.[0] ?? {}) as CellProps;
    const fill = fillState(before.format?.fill);
    const font = { color: before.format?.font?.color ?? "#000000" };
    const currentNote = note && !note.isNullObject ? note.content : null;
    const old = oldRecords.get(recordKey(mark.sheet, mark.cell));
    const oldExact = old ? parseExact(old) : null;
    const exact: ExactState = oldExact ? { ...oldExact, mode: support } : { fill, font, mode: support };
    delete exact.commentId;

    const colours = FLAG_STYLE[mark.level];
    range.format.fill.color = colours.fill;
    range.format.font.color = colours.font;
    let comment: Excel.Comment | null = null;
    if (support === "notes") {
      // ExcelApi 1.18: NoteCollection.add(cellAddress: Range | string, content).
      const text = combineNote(currentNote, mark.note);
      if (note && !note.isNullObject) note.content = text;
      else sheetOf(mark.sheet).notes.add(range, text);
    } else if (support === "comments") {
      const key = recordKey(mark.sheet, mark.cell);
      const existing = commentAt.get(key);
      if (existing && oldExact?.commentId === existing) {
        // Our own thread from the last flag: replace its text.
        context.workbook.comments.getItem(existing).content = mark.note;
        exact.commentId = existing;
      } else if (!existing) {
        // ExcelApi 1.10: CommentCollection.add(cellAddress: Range | string, content) returns the new
        // Comment; its id is read from that object after the sync (no lookup by cell needed).
        comment = context.workbook.comments.add(range, mark.note).load("id");
      }
    }
    const record: FlagBackupRecord = {
      sheet: mark.sheet,
      cell: mark.cell,
      fillColor: old ? old.fillColor : fill.pattern === "None" ? null : fill.color,
      fontColor: old ? old.fontColor : font.color,
      note: old ? old.note : stripOwnNote(currentNote),
      shell: "excel",
      exact: JSON.stringify(exact),
    };
    if (comment) added.push({ record, comment });
    records.push(record);
  }
  records.push(...staleKept);
  for (const [sheet, count] of blocked) problems.push(protectedMessage(sheet, count, "就地标注"));

  const touched = [...new Set([...targets.map((m) => m.sheet), ...staleWritable.map((r) => r.sheet)])];
  if (added.length > 0) {
    // New threads get their ids from Excel: write the flags, then the backup with the ids.
    await syncWrites(context, touched, "就地标注");
    for (const { record, comment } of added) {
      const exact = parseExact(record)!;
      exact.commentId = comment.id;
      record.exact = JSON.stringify(exact);
    }
  }
  queueBackupWrite(context, backup.exists, records);
  await syncWrites(context, touched, "就地标注");
  return { flagged: targets.length, noteSupport: support, problems };
}

/**
 * context.sync() for a write batch. When Excel refuses it because a sheet is protected ("AccessDenied":
 * protected after the check above), one more read names the protected sheets in the message.
 */
async function syncWrites(context: Excel.RequestContext, sheets: string[], action: string): Promise<void> {
  try {
    await context.sync();
  } catch (error) {
    if (!isProtectionError(error)) throw error;
    const infos = await loadSheetInfos(context).catch(() => []);
    const locked = infos.filter((s) => s.isProtected && sheets.includes(s.name)).map((s) => s.name);
    const names = locked.length > 0 ? locked : sheets;
    throw new Error(names.map((name) => protectedWriteMessage(name, action)).join(" "), { cause: error });
  }
}

export async function unflagWorkbook(context: Excel.RequestContext, support: NoteSupport): Promise<{ restored: number; problems: Problem[] }> {
  const infos = await loadSheetInfos(context);
  const known = new Map(infos.map((s) => [s.name, s]));
  const backup = await readBackup(context);
  if (!backup.exists) return { restored: 0, problems: [] };

  const problems: Problem[] = [];
  const kept: FlagBackupRecord[] = [];
  const blocked = new Map<string, number>();
  const restorable = backup.records.filter((r) => {
    const info = known.get(r.sheet);
    if (!info) return false; // the sheet is gone: nothing left to restore
    if (info.isProtected) {
      kept.push(r);
      blocked.set(r.sheet, (blocked.get(r.sheet) ?? 0) + 1);
      return false;
    }
    return true;
  });
  const usesComments = restorable.some((r) => parseExact(r)?.mode === "comments");
  const comments = usesComments && support !== "fill-only" ? context.workbook.comments.load("items/id") : null;
  const reads = restorable.map((record) => {
    const ws = context.workbook.worksheets.getItem(record.sheet);
    const mode = parseExact(record)?.mode ?? "notes";
    const note = support === "notes" && mode === "notes" ? ws.notes.getItemOrNullObject(record.cell).load("content") : null;
    return { record, range: ws.getRange(record.cell), note };
  });
  await context.sync();

  const commentIds = new Set(comments ? comments.items.map((c) => c.id) : []);
  for (const { record, range, note } of reads) {
    queueStyleRestore(range, record);
    const exact = parseExact(record);
    if (exact?.mode === "comments") {
      if (exact.commentId && commentIds.has(exact.commentId)) context.workbook.comments.getItem(exact.commentId).delete();
    } else if (note && !note.isNullObject) {
      const restored = restoredNote(note.content, record);
      if (restored === null) note.delete();
      else if (restored !== note.content) note.content = restored;
    }
  }
  for (const [sheet, count] of blocked) problems.push(protectedMessage(sheet, count, "清除标注"));
  queueBackupWrite(context, true, kept);
  await syncWrites(context, [...new Set(restorable.map((r) => r.sheet))], "清除标注");
  return { restored: reads.length, problems };
}

export type { FlagMark };
