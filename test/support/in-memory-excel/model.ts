/**
 * The workbook behind the in-memory Excel: plain data, plus the JSON snapshot format tests load from
 * and dump to. Pure TypeScript (no Node APIs) so the browser e2e can bundle it.
 */
import { cellAddress, columnIndex, columnName } from "../../../src/core/address";

export type SnapshotValue = string | number | boolean | null | { error: string };

export interface SnapshotCell {
  value: SnapshotValue;
  /** "=SUM(A1:A3)"; value then holds the cached result. */
  formula?: string;
  /** Solid fill "#RRGGBB"; absent means no fill. */
  fill?: string;
  /** Font colour "#RRGGBB"; absent means the default black. */
  fontColor?: string;
  bold?: boolean;
  /** Number format; absent means "General". */
  numberFormat?: string;
  /** Cell note (ExcelApi 1.18 notes). */
  note?: string;
  /** Threaded comment text and its replies (ExcelApi 1.10). */
  comment?: string;
  commentReplies?: string[];
  /**
   * Other format properties written through the API (wrapText, alignment, borders, rowHeight, locked …).
   * Only in snapshots taken with { formats: true } (for rendering, to-xlsx.ts).
   */
  style?: Record<string, unknown>;
}

export interface ConditionalFormatRecord {
  range: string;
  type: string;
  formula?: string;
  text?: string;
  operator?: string;
  fill?: string;
  fontColor?: string;
}

export interface SheetSnapshot {
  name: string;
  /** Cells by A1 address. */
  cells: Record<string, SnapshotCell>;
  /** Merged areas as "A1:B3". */
  merges?: string[];
  protected?: boolean;
  visibility?: "Visible" | "Hidden" | "VeryHidden";
  conditionalFormats?: ConditionalFormatRecord[];
  /** Column widths in points by column letter, as set through the API. */
  columnWidths?: Record<string, number>;
  /** Worksheet.pageLayout as set through the API; only in snapshots taken with { formats: true }. */
  pageLayout?: PageLayoutRecord;
  /** Worksheet.freezePanes.freezeRows(n); only in snapshots taken with { formats: true }. */
  frozenRows?: number;
}

/** What the add-in sets of Worksheet.pageLayout (ExcelApi 1.9). */
export interface PageLayoutRecord {
  orientation?: "Portrait" | "Landscape";
  /** Excel.PaperType, e.g. "A3". */
  paperSize?: string;
  zoom?: { horizontalFitToPages?: number; verticalFitToPages?: number; scale?: number };
  /** setPrintTitleRows("$3:$3"). */
  printTitleRows?: string;
  centerHorizontally?: boolean;
}

export interface SnapshotOptions {
  /** Also dump recorded format properties, page layout and frozen rows (default false: tests compare without them). */
  formats?: boolean;
}

export interface WorkbookSnapshot {
  sheets: SheetSnapshot[];
}

export interface CellModel {
  value: SnapshotValue;
  formula?: string;
  fill?: string;
  fontColor?: string;
  bold?: boolean;
  numberFormat?: string;
  /** Other format properties written through the API (wrapText, alignment, borders …), recorded only. */
  style?: Record<string, unknown>;
}

export interface Rect {
  top: number;
  left: number;
  bottom: number;
  right: number;
}

export interface CommentModel {
  id: string;
  sheet: SheetModel;
  row: number;
  col: number;
  content: string;
  replies: { id: string; content: string }[];
}

export interface SheetModel {
  id: string;
  name: string;
  cells: Map<string, CellModel>;
  merges: Rect[];
  protected: boolean;
  visibility: "Visible" | "Hidden" | "VeryHidden";
  notes: Map<string, string>;
  conditionalFormats: ConditionalFormatRecord[];
  columnWidths: Map<number, number>;
  pageLayout?: PageLayoutRecord;
  frozenRows?: number;
  deleted?: boolean;
}

export interface WorkbookModel {
  sheets: SheetModel[];
  comments: CommentModel[];
  selection: { sheet: string; address: string } | null;
  nextId: number;
}

export const MAX_ROWS = 1_048_576;
export const MAX_COLUMNS = 16_384;

export function key(row: number, col: number): string {
  return `${row},${col}`;
}

/** Column letters → 0-based index (the core's conversion, under the name this model's callers use). */
export const parseColumn = columnIndex;

/** "A1", "A1:C3", "C:E", "3:5", with optional "$". Throws on anything else. */
export function parseRect(address: string): Rect {
  const text = address.replace(/\$/g, "").trim();
  const parts = text.split(":");
  if (parts.length > 2 || parts[0] === "") throw new Error(`bad address ${address}`);
  const one = (p: string): { row: number | null; col: number | null } => {
    const m = /^([A-Za-z]{0,3})(\d*)$/.exec(p);
    if (!m || (m[1] === "" && m[2] === "")) throw new Error(`bad address ${address}`);
    return { col: m[1] ? parseColumn(m[1]) : null, row: m[2] ? Number(m[2]) - 1 : null };
  };
  const a = one(parts[0]);
  const b = parts.length === 2 ? one(parts[1]) : a;
  if (a.row === null && a.col === null) throw new Error(`bad address ${address}`);
  const rect: Rect = {
    top: a.row ?? 0,
    bottom: b.row ?? MAX_ROWS - 1,
    left: a.col ?? 0,
    right: b.col ?? MAX_COLUMNS - 1,
  };
  if (a.row === null) rect.bottom = MAX_ROWS - 1;
  if (a.col === null) rect.right = MAX_COLUMNS - 1;
  if (rect.top > rect.bottom) [rect.top, rect.bottom] = [rect.bottom, rect.top];
  if (rect.left > rect.right) [rect.left, rect.right] = [rect.right, rect.left];
  return rect;
}

export function rectAddress(rect: Rect): string {
  const a = cellAddress(rect.top, rect.left);
  if (rect.top === rect.bottom && rect.left === rect.right) return a;
  if (rect.top === 0 && rect.bottom === MAX_ROWS - 1) return `${columnName(rect.left)}:${columnName(rect.right)}`;
  return `${a}:${cellAddress(rect.bottom, rect.right)}`;
}

/** Sheet name as Excel writes it in an address: quoted unless plain letters, digits, CJK and _ only. */
export function quoteSheetName(name: string): string {
  return /^[\p{L}\p{N}_.]+$/u.test(name) && !/^\d/.test(name) ? name : `'${name.replace(/'/g, "''")}'`;
}

/** Splits "Sheet1!A1:B2" / "'My Sheet'!A1" into sheet name and local address. */
export function splitSheetAddress(address: string): { sheet: string | null; local: string } {
  const bang = address.lastIndexOf("!");
  if (bang < 0) return { sheet: null, local: address };
  let sheet = address.slice(0, bang);
  if (sheet.startsWith("'") && sheet.endsWith("'")) sheet = sheet.slice(1, -1).replace(/''/g, "'");
  return { sheet, local: address.slice(bang + 1) };
}

export function intersects(a: Rect, b: Rect): boolean {
  return a.top <= b.bottom && b.top <= a.bottom && a.left <= b.right && b.left <= a.right;
}

export function isEmptyValue(v: SnapshotValue | undefined): boolean {
  return v === null || v === undefined || v === "";
}

function isDefaultCell(c: CellModel): boolean {
  return (
    isEmptyValue(c.value) &&
    c.formula === undefined &&
    c.fill === undefined &&
    c.fontColor === undefined &&
    !c.bold &&
    (c.numberFormat === undefined || c.numberFormat === "General") &&
    (c.style === undefined || Object.keys(c.style).length === 0)
  );
}

export function modelFromSnapshot(snapshot: WorkbookSnapshot): WorkbookModel {
  const model: WorkbookModel = { sheets: [], comments: [], selection: null, nextId: 1 };
  for (const s of snapshot.sheets) {
    const sheet: SheetModel = {
      id: `{sheet-${model.nextId++}}`,
      name: s.name,
      cells: new Map(),
      merges: (s.merges ?? []).map(parseRect),
      protected: s.protected ?? false,
      visibility: s.visibility ?? "Visible",
      notes: new Map(),
      conditionalFormats: (s.conditionalFormats ?? []).map((cf) => ({ ...cf })),
      columnWidths: new Map(Object.entries(s.columnWidths ?? {}).map(([c, w]) => [parseColumn(c), w])),
    };
    if (s.pageLayout) sheet.pageLayout = { ...s.pageLayout };
    if (s.frozenRows !== undefined) sheet.frozenRows = s.frozenRows;
    for (const [addr, cell] of Object.entries(s.cells)) {
      const { top: row, left: col } = parseRect(addr);
      const { note, comment, commentReplies, ...rest } = cell;
      sheet.cells.set(key(row, col), { ...rest, value: rest.value ?? null });
      if (note !== undefined) sheet.notes.set(cellAddress(row, col), note);
      if (comment !== undefined) {
        model.comments.push({
          id: `comment-${model.nextId++}`,
          sheet,
          row,
          col,
          content: comment,
          replies: (commentReplies ?? []).map((content) => ({ id: `reply-${model.nextId++}`, content })),
        });
      }
    }
    model.sheets.push(sheet);
  }
  return model;
}

export function snapshotFromModel(model: WorkbookModel, options: SnapshotOptions = {}): WorkbookSnapshot {
  return {
    sheets: model.sheets.map((sheet) => {
      const cells: Record<string, SnapshotCell> = {};
      const entries = [...sheet.cells.entries()]
        .map(([k, c]) => {
          const [row, col] = k.split(",").map(Number);
          return { row, col, c };
        })
        .sort((a, b) => a.row - b.row || a.col - b.col);
      for (const { row, col, c } of entries) {
        if (isDefaultCell(c)) continue;
        const out: SnapshotCell = { value: c.value };
        if (c.formula !== undefined) out.formula = c.formula;
        if (c.fill !== undefined) out.fill = c.fill;
        if (c.fontColor !== undefined) out.fontColor = c.fontColor;
        if (c.bold) out.bold = true;
        if (c.numberFormat !== undefined && c.numberFormat !== "General") out.numberFormat = c.numberFormat;
        if (options.formats && c.style !== undefined && Object.keys(c.style).length > 0) out.style = { ...c.style };
        cells[cellAddress(row, col)] = out;
      }
      for (const [addr, note] of sheet.notes) {
        cells[addr] = { ...(cells[addr] ?? { value: null }), note };
      }
      for (const cm of model.comments.filter((c) => c.sheet === sheet)) {
        const addr = cellAddress(cm.row, cm.col);
        const cell: SnapshotCell = { ...(cells[addr] ?? { value: null }), comment: cm.content };
        if (cm.replies.length > 0) cell.commentReplies = cm.replies.map((r) => r.content);
        cells[addr] = cell;
      }
      const out: SheetSnapshot = { name: sheet.name, cells };
      if (sheet.merges.length > 0) out.merges = sheet.merges.map(rectAddress);
      if (sheet.protected) out.protected = true;
      if (sheet.visibility !== "Visible") out.visibility = sheet.visibility;
      if (sheet.conditionalFormats.length > 0) out.conditionalFormats = sheet.conditionalFormats.map((c) => ({ ...c }));
      if (sheet.columnWidths.size > 0) {
        out.columnWidths = Object.fromEntries([...sheet.columnWidths].map(([c, w]) => [columnName(c), w]));
      }
      if (options.formats && sheet.pageLayout) out.pageLayout = { ...sheet.pageLayout };
      if (options.formats && sheet.frozenRows !== undefined) out.frozenRows = sheet.frozenRows;
      return out;
    }),
  };
}

/**
 * What Excel does to a sheet when the user inserts (count > 0) or deletes (count < 0) whole rows or
 * columns at 0-based index `at`: cells, notes, comments and merged areas after it move; deleted ones go.
 */
export function shiftSheet(model: WorkbookModel, sheet: SheetModel, axis: "rows" | "columns", at: number, count: number): void {
  const move = (row: number, col: number): { row: number; col: number } | null => {
    const i = axis === "rows" ? row : col;
    if (i < at) return { row, col };
    if (count < 0 && i < at - count) return null;
    return axis === "rows" ? { row: row + count, col } : { row, col: col + count };
  };
  const cells = new Map<string, CellModel>();
  for (const [k, c] of sheet.cells) {
    const [r, col] = k.split(",").map(Number);
    const to = move(r, col);
    if (to) cells.set(key(to.row, to.col), c);
  }
  sheet.cells = cells;
  const notes = new Map<string, string>();
  for (const [addr, text] of sheet.notes) {
    const p = parseRect(addr);
    const to = move(p.top, p.left);
    if (to) notes.set(cellAddress(to.row, to.col), text);
  }
  sheet.notes = notes;
  model.comments = model.comments.filter((cm) => {
    if (cm.sheet !== sheet) return true;
    const to = move(cm.row, cm.col);
    if (!to) return false;
    cm.row = to.row;
    cm.col = to.col;
    return true;
  });
  sheet.merges = sheet.merges.flatMap((m) => {
    const a = move(m.top, m.left);
    const b = move(m.bottom, m.right);
    return a && b ? [{ top: a.row, left: a.col, bottom: b.row, right: b.col }] : [];
  });
}
