/**
 * Flag and unflag in place (docs/design.md §6, issue 8 §1) over Office.js. Every decision is the core engine's
 * (src/core/flags/engine.ts); this file reads the cells' looks, carries out the plan and keeps the
 * backup sheet in the one backup format. Values and formulas are never written.
 *
 * Office batches are not transactions (a failed sync may leave part of it done), so the order is
 * chosen to lose nothing whatever step fails: 1) the backup, holding every cell about to be painted or
 * restored; 2) paints and restores, in batches under Excel on the web's 5 MB request limit; 3) the
 * final backup. Re-running after a failure finds each painted cell in the backup, still itself.
 */
import {
  BACKUP_SHEET,
  FLAG_STYLE,
  NOTE_MARKER,
  cellKey,
  cellsToRead,
  decodeBackup,
  encodeBackup,
  orphanFlags,
  planFlag,
  planUnflag,
  type BackupState,
  type CellLook,
  type CellState,
  type DamagedBackupRow,
  type FlagBackupRecord,
  type FlagPlan,
  type RestoreStep,
} from "../core/flags";
import type { CellValue, Problem } from "../core/grid";
import type { ScanResult } from "../core/scan/types";
import { planFlags } from "../core/flags";
import { isPayloadError, isProtectionError, protectedWriteMessage } from "./host";
import { loadSheetInfos, toCellValue, type SheetInfo } from "./read";
import type { NoteSupport } from "./types";

/** What the excel shell keeps in FlagBackupRecord.exact. */
interface ExactState {
  /** pattern "None" is "no fill" (restored with RangeFill.clear()); patternColor only for a non-solid pattern. */
  fill: { color: string; pattern: string; patternColor?: string };
  font: { color: string };
  /** How our note was written: a cell note, a threaded comment (its id), or nothing. */
  mode?: NoteSupport;
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
 * Cells per read batch, halved when Excel answers ResponsePayloadSizeLimitExceeded (Excel on the web:
 * 5 MB per request and per response; a note alone can hold 32,767 characters).
 */
export const READ_BATCH_CELLS = 1000;
/** Characters of text (notes, backup cells) per write batch: well under the 5 MB request limit. */
export const WRITE_BATCH_CHARS = 1_000_000;
/** A write batch also ends after this many cells (each cell is a few requests of its own). */
export const WRITE_BATCH_CELLS = 2000;

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

function fillState(fill: NonNullable<CellProps["format"]>["fill"]): ExactState["fill"] {
  if (isNoFill(fill)) return { color: fill?.color ?? "#FFFFFF", pattern: "None" };
  const pattern = fill?.pattern ?? "Solid";
  const state: ExactState["fill"] = { color: (fill?.color ?? "#FFFFFF").toUpperCase(), pattern };
  if (pattern !== "Solid" && fill?.patternColor) state.patternColor = fill.patternColor;
  return state;
}

function parseExact(record: FlagBackupRecord): ExactState | null {
  if (record.shell !== "excel" || !record.exact) return null;
  try {
    const x = JSON.parse(record.exact) as ExactState;
    const ok = typeof x?.fill?.color === "string" && typeof x.fill.pattern === "string" && typeof x?.font?.color === "string";
    return ok ? x : null;
  } catch {
    return null;
  }
}

function withExact(record: FlagBackupRecord, change: (x: ExactState) => void): void {
  const exact = parseExact(record);
  if (!exact) return;
  change(exact);
  record.exact = JSON.stringify(exact);
}

// ---------------------------------------------------------------------------------------------------
// Reading

/**
 * The backup sheet: absent, the user's own (visible), or ours. The sheet is very hidden (ExcelApi 1.1
 * Worksheet.visibility): Excel's UI does not list it, but worksheets.getItem and its ranges work on it.
 * ExcelApi 1.4: getUsedRangeOrNullObject (a null object, not ItemNotFound, on an empty sheet).
 */
async function readBackup(context: Excel.RequestContext, infos: SheetInfo[]): Promise<BackupState> {
  const info = infos.find((s) => s.name.toLowerCase() === BACKUP_SHEET.toLowerCase());
  if (!info) return decodeBackup(false, false, []);
  if (info.visibility === "Visible") return decodeBackup(true, false, []);
  const sheet = context.workbook.worksheets.getItem(info.name);
  const used = sheet.getUsedRangeOrNullObject(true).load("rowCount,columnCount");
  await context.sync();
  if (used.isNullObject) return decodeBackup(true, true, []);
  const values: CellValue[][] = [];
  // Backup rows can be long (a record split over cells of up to 30,000 characters): a few rows per read.
  const rowsPerRead = Math.max(1, Math.floor(WRITE_BATCH_CHARS / (used.columnCount * 2000)));
  for (let top = 0; top < used.rowCount; top += rowsPerRead) {
    const n = Math.min(rowsPerRead, used.rowCount - top);
    const range = sheet.getRangeByIndexes(top, 0, n, used.columnCount).load("values");
    await context.sync();
    for (const row of range.values) values.push(row.map((v) => toCellValue(v, undefined)));
  }
  return decodeBackup(true, true, values);
}

interface ReadCell {
  sheet: string;
  cell: string;
}

/**
 * Looks of the given cells: value, fill and font colour (getCellProperties, ExcelApi 1.9) and, with
 * notes (ExcelApi 1.18), the note. Batches of READ_BATCH_CELLS, halved on a payload error.
 */
async function readLooks(context: Excel.RequestContext, cells: ReadCell[], infos: SheetInfo[], support: NoteSupport): Promise<Map<string, CellState>> {
  const known = new Map(infos.map((s) => [s.name, s]));
  const states = new Map<string, CellState>();
  const readable: ReadCell[] = [];
  for (const c of cells) {
    const info = known.get(c.sheet);
    if (!info || info.name === BACKUP_SHEET) states.set(cellKey(c.sheet, c.cell), "no-sheet");
    else if (info.isProtected) states.set(cellKey(c.sheet, c.cell), "protected");
    else readable.push(c);
  }
  let size = READ_BATCH_CELLS;
  let at = 0;
  while (at < readable.length) {
    const batch = readable.slice(at, at + size);
    const pending = batch.map((c) => {
      const ws = context.workbook.worksheets.getItem(c.sheet);
      const range = ws.getRange(c.cell).load("values,valueTypes");
      const props = range.getCellProperties(PROPS_TO_READ);
      const note = support === "notes" ? ws.notes.getItemOrNullObject(c.cell).load("content") : null;
      return { c, range, props, note };
    });
    try {
      await context.sync();
    } catch (error) {
      if (isPayloadError(error) && size > 1) {
        size = Math.max(1, Math.floor(size / 2));
        continue;
      }
      throw error;
    }
    for (const { c, range, props, note } of pending) {
      const p = (props.value[0]?.[0] ?? {}) as CellProps;
      const fill = fillState(p.format?.fill);
      const font = { color: (p.format?.font?.color ?? "#000000").toUpperCase() };
      const look: CellLook = {
        value: toCellValue(range.values[0][0], range.valueTypes[0][0]),
        fill: fill.pattern === "None" ? null : fill.color,
        fontColor: font.color,
        note: note && !note.isNullObject ? note.content : null,
        exact: JSON.stringify({ fill, font } satisfies ExactState),
      };
      states.set(cellKey(c.sheet, c.cell), look);
    }
    at += batch.length;
  }
  return states;
}

/** Threaded comments by cell (ExcelApi 1.10: Workbook.comments, Comment.getLocation). */
async function readComments(context: Excel.RequestContext): Promise<{ at: Map<string, string>; ids: Set<string> }> {
  const comments = context.workbook.comments.load("items/id");
  await context.sync();
  const located = comments.items.map((c) => ({ id: c.id, location: c.getLocation().load("address") }));
  if (located.length > 0) await context.sync();
  const at = new Map<string, string>();
  for (const { id, location } of located) {
    // The address carries the sheet name, quoted when Excel needs it ("'My Sheet'!B2").
    const bang = location.address.lastIndexOf("!");
    let sheet = location.address.slice(0, bang);
    if (sheet.startsWith("'")) sheet = sheet.slice(1, -1).replace(/''/g, "'");
    at.set(cellKey(sheet, location.address.slice(bang + 1)), id);
  }
  return { at, ids: new Set(located.map((l) => l.id)) };
}

/**
 * Cells with a note of ours anywhere (ExcelApi 1.18: Worksheet.notes, Note.getLocation), for naming
 * flags the backup does not cover. Only with notes: fills alone would need every cell's format.
 */
async function readOwnNotes(context: Excel.RequestContext, infos: SheetInfo[]): Promise<{ sheet: string; cell: string; look: CellLook }[]> {
  const found: { sheet: string; note: string; location: Excel.Range }[] = [];
  for (const info of infos.filter((s) => s.name !== BACKUP_SHEET)) {
    const notes = context.workbook.worksheets.getItem(info.name).notes;
    let contents: Excel.Note[];
    try {
      notes.load("items/content");
      await context.sync();
      contents = notes.items;
    } catch (error) {
      if (!isPayloadError(error)) throw error;
      // All of a sheet's notes at once pass 5 MB: a few at a time (NoteCollection.getCount/getItemAt).
      contents = await readNotesInParts(context, notes);
    }
    for (const n of contents) if (n.content.includes(NOTE_MARKER)) found.push({ sheet: info.name, note: n.content, location: n.getLocation().load("address") });
  }
  if (found.length > 0) await context.sync();
  return found.map((o) => ({
    sheet: o.sheet,
    cell: o.location.address.slice(o.location.address.lastIndexOf("!") + 1).replace(/\$/g, ""),
    look: { value: null, fill: null, fontColor: null, note: o.note },
  }));
}

async function readNotesInParts(context: Excel.RequestContext, notes: Excel.NoteCollection): Promise<Excel.Note[]> {
  const count = notes.getCount();
  await context.sync();
  const out: Excel.Note[] = [];
  let size = 64;
  while (out.length < count.value) {
    const part = Array.from({ length: Math.min(size, count.value - out.length) }, (_, i) => notes.getItemAt(out.length + i).load("content"));
    try {
      await context.sync();
    } catch (error) {
      if (!isPayloadError(error) || size === 1) throw error;
      size = Math.max(1, Math.floor(size / 2));
      continue;
    }
    out.push(...part);
  }
  return out;
}

// ---------------------------------------------------------------------------------------------------
// Writing

/** Queues writes in batches and syncs each when it grows large (chars of text or cells). */
class WriteBatches {
  private chars = 0;
  private cells = 0;
  constructor(
    private readonly context: Excel.RequestContext,
    private readonly sheets: string[],
    private readonly action: string,
  ) {}
  async add(chars: number, queue: () => void): Promise<void> {
    if (this.cells > 0 && (this.chars + chars > WRITE_BATCH_CHARS || this.cells >= WRITE_BATCH_CELLS)) await this.flush();
    queue();
    this.chars += chars + 200;
    this.cells += 1;
  }
  async flush(): Promise<void> {
    this.chars = 0;
    this.cells = 0;
    await syncWrites(this.context, this.sheets, this.action);
  }
}

/**
 * Writes the backup sheet's content, reusing the sheet when it is there (a very hidden sheet cannot
 * be deleted: Worksheet.delete throws InvalidOperation on it, as its reference says), or removes it
 * when nothing is left: visibility "Hidden" first, then delete (ExcelApi 1.1).
 */
async function writeBackup(context: Excel.RequestContext, exists: boolean, records: FlagBackupRecord[], damaged: DamagedBackupRow[], action: string): Promise<boolean> {
  const worksheets = context.workbook.worksheets;
  if (records.length === 0 && damaged.length === 0) {
    if (!exists) return false;
    const sheet = worksheets.getItem(BACKUP_SHEET);
    sheet.visibility = "Hidden";
    sheet.delete();
    await syncWrites(context, [BACKUP_SHEET], action);
    return false;
  }
  const sheet = exists ? worksheets.getItem(BACKUP_SHEET) : worksheets.add(BACKUP_SHEET);
  if (exists) sheet.getRange().clear();
  // ExcelApi 1.1: visibility "VeryHidden" (Excel.SheetVisibility.veryHidden: not even listed under Unhide).
  else sheet.visibility = "VeryHidden";
  const rows = encodeBackup(records, damaged);
  const batches = new WriteBatches(context, [BACKUP_SHEET], action);
  for (const [r, row] of rows.entries()) {
    const chars = row.reduce((n, c) => n + c.length, 0);
    await batches.add(chars, () => {
      // ExcelApi 1.7: getRangeByIndexes. Text format first: a record is stored as typed, never parsed.
      const range = sheet.getRangeByIndexes(r, 0, 1, row.length);
      range.numberFormat = [row.map(() => "@")];
      range.values = [row];
    });
  }
  await batches.flush();
  return true;
}

/**
 * Restores one cell's fill and font colour as the plan says (exact state when the add-in wrote it).
 * ExcelApi 1.1: RangeFill.clear() ("no fill" again, not white), RangeFill.color, RangeFont.color;
 * ExcelApi 1.9: RangeFill.pattern/patternColor. Excel reports an "automatic" font colour as a hex
 * colour (black by default) and the API cannot set "automatic" back, so that colour is written.
 */
function queueRestore(context: Excel.RequestContext, step: RestoreStep, comments: Set<string>, support: NoteSupport): void {
  const { record } = step;
  const ws = context.workbook.worksheets.getItem(record.sheet);
  const range = ws.getRange(record.cell);
  const exact = parseExact(record);
  if (step.fill) {
    const colour = exact ? (exact.fill.pattern === "None" ? null : exact.fill.color) : record.original.fill;
    if (colour === null) range.format.fill.clear();
    else {
      range.format.fill.color = colour;
      if (exact && exact.fill.pattern !== "Solid") {
        range.format.fill.pattern = exact.fill.pattern as Excel.FillPattern;
        if (exact.fill.patternColor) range.format.fill.patternColor = exact.fill.patternColor;
      }
    }
  }
  if (step.fontColor) range.format.font.color = exact?.font.color ?? record.original.fontColor ?? "#000000";
  if (exact?.mode === "comments") {
    if (exact.commentId && comments.has(exact.commentId)) context.workbook.comments.getItem(exact.commentId).delete();
  } else if (support === "notes" && step.note.kind === "set") {
    const note = ws.notes.getItem(record.cell);
    if (step.note.text === null) note.delete();
    else note.content = step.note.text;
  }
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

function sheetsOf(plan: FlagPlan): string[] {
  return [...new Set([...plan.paint.map((p) => p.mark.sheet), ...plan.restore.map((s) => s.record.sheet)])];
}

export interface FlagResult {
  flagged: number;
  noteSupport: NoteSupport;
  /** Cells left alone because they changed or moved since flagging (named in problems). */
  skipped: number;
  problems: Problem[];
}

export async function flagWorkbook(context: Excel.RequestContext, scan: ScanResult, support: NoteSupport): Promise<FlagResult> {
  const marks = planFlags(scan);
  const infos = await loadSheetInfos(context);
  const backup = await readBackup(context, infos);
  const looks = await readLooks(context, cellsToRead(marks, backup), infos, support);
  const plan = planFlag(marks, (s, c) => looks.get(cellKey(s, c)) ?? "no-sheet", backup, { shell: "excel", writesNotes: support === "notes" });
  if (!plan.write) return { flagged: 0, noteSupport: support, skipped: plan.skipped, problems: plan.problems };
  const usesComments = support === "comments" || plan.restore.some((s) => parseExact(s.record)?.mode === "comments");
  const comments = usesComments && support !== "fill-only" ? await readComments(context) : { at: new Map<string, string>(), ids: new Set<string>() };

  for (const { record } of plan.paint) {
    withExact(record, (x) => {
      // A record carried over keeps the thread it had; a fresh one gets it below.
      x.mode = support;
      if (support !== "comments") delete x.commentId;
    });
  }
  // 1) Every cell about to change is in the backup first.
  // (A foreign sheet of that name stops the plan before this: plan.write is false.)
  const exists = await writeBackup(context, backup.kind === "ours", [...plan.backup, ...plan.restore.map((s) => s.record)], plan.damaged, "就地标注");

  // 2) Restores and paints.
  const sheets = sheetsOf(plan);
  const batches = new WriteBatches(context, sheets, "就地标注");
  for (const step of plan.restore) await batches.add(step.note.kind === "set" ? (step.note.text ?? "").length : 0, () => queueRestore(context, step, comments.ids, support));
  const added: { record: FlagBackupRecord; comment: Excel.Comment }[] = [];
  for (const { mark, note, record } of plan.paint) {
    await batches.add((note ?? mark.note).length, () => {
      const ws = context.workbook.worksheets.getItem(mark.sheet);
      const range = ws.getRange(mark.cell);
      const colours = FLAG_STYLE[mark.level];
      range.format.fill.color = colours.fill;
      range.format.font.color = colours.font;
      const look = looks.get(cellKey(mark.sheet, mark.cell)) as CellLook;
      if (support === "notes" && note !== null) {
        // ExcelApi 1.18: NoteCollection.add(cellAddress, content); Note.content is writable.
        if (look.note !== null) ws.notes.getItem(mark.cell).content = note;
        else ws.notes.add(range, note);
      } else if (support === "comments") {
        const existing = comments.at.get(cellKey(mark.sheet, mark.cell));
        const ours = parseExact(record)?.commentId;
        if (existing && existing === ours) context.workbook.comments.getItem(existing).content = mark.note;
        else if (!existing) {
          // ExcelApi 1.10: CommentCollection.add returns the new Comment; its id is read after the sync.
          added.push({ record, comment: context.workbook.comments.add(range, mark.note).load("id") });
        }
        // A thread the user started stays theirs: the fill alone says "flagged".
      }
    });
  }
  await batches.flush();
  for (const { record, comment } of added) withExact(record, (x) => (x.commentId = comment.id));

  // 3) The final backup.
  await writeBackup(context, exists, plan.backup, plan.damaged, "就地标注");
  return { flagged: plan.paint.length, noteSupport: support, skipped: plan.skipped, problems: plan.problems };
}

export interface UnflagResult {
  restored: number;
  skipped: number;
  problems: Problem[];
}

export async function unflagWorkbook(context: Excel.RequestContext, support: NoteSupport): Promise<UnflagResult> {
  const infos = await loadSheetInfos(context);
  const backup = await readBackup(context, infos);
  const records = backup.kind === "ours" ? backup.records : [];
  const looks = await readLooks(context, records, infos, support);
  const plan = planUnflag((s, c) => looks.get(cellKey(s, c)) ?? "no-sheet", backup);
  const problems = [...plan.problems];
  if (plan.write) {
    const usesComments = support !== "fill-only" && plan.restore.some((s) => parseExact(s.record)?.mode === "comments");
    const comments = usesComments ? await readComments(context) : { ids: new Set<string>() };
    const batches = new WriteBatches(context, sheetsOf(plan), "清除标注");
    for (const step of plan.restore) await batches.add(step.note.kind === "set" ? (step.note.text ?? "").length : 0, () => queueRestore(context, step, comments.ids, support));
    await batches.flush();
    await writeBackup(context, backup.kind === "ours", plan.backup, [], "清除标注");
    // Notes written by a newer Excel (or the CLI) cannot be touched here: say so rather than leave them silently.
    const noteLeft = support === "notes" ? [] : plan.restore.filter((s) => s.record.notePrint !== null);
    if (noteLeft.length > 0) {
      const first = noteLeft[0].record;
      problems.push({
        sheet: first.sheet,
        cell: first.cell,
        message: `已恢复填充色和字体颜色，但此版本的 Excel 不能修改单元格批注（需要 ExcelApi 1.18）：“${first.sheet}”!${first.cell}${noteLeft.length > 1 ? `等 ${noteLeft.length} 个单元格` : ""}中大练兵助手写的批注（以“${NOTE_MARKER}”开头）请手动删除，或在 Microsoft 365 中再清除一次标注。`,
      });
    }
  }
  if (support === "notes" && (backup.kind !== "ours" || plan.write)) {
    const covered = new Set(records.map((r) => cellKey(r.sheet, r.cell)));
    const found = (await readOwnNotes(context, infos.filter((s) => !s.isProtected))).filter((c) => !covered.has(cellKey(c.sheet, c.cell)));
    problems.push(...orphanFlags(found, backup));
  }
  return { restored: plan.restore.length, skipped: plan.skipped, problems };
}
