/**
 * Reads every sheet as a SheetGrid with a fixed number of context.sync() calls, whatever the number of
 * sheets and rows (DESIGN §7): 1) sheet names and protection; 2) every used range's size and every
 * sheet's merged areas; 3) every used range's values and value types. A sheet that fails is retried
 * alone and, if it still fails, handed to the core with a readProblem; the others are still read.
 */
import type { CellValue, Problem, SheetGrid } from "../core/grid";
import { BACKUP_SHEET } from "../core/flags/types";
import { parseMergedAddresses } from "./addresses";
import { errorText } from "./host";
import type { ScanProgress } from "./types";

/** Above this many cells a sheet is read only in part (Office limits a response's size). */
export const MAX_CELLS_PER_SHEET = 1_000_000;

export interface SheetInfo {
  name: string;
  isProtected: boolean;
  visibility: string;
}

export interface WorkbookRead {
  grids: SheetGrid[];
  sheets: SheetInfo[];
  /** Sheets read only in part (too large); the part read is still scanned. */
  partial: Problem[];
}

/** Sheets the product writes for itself; never scanned as tables. */
export function isOwnSheet(name: string): boolean {
  return name === BACKUP_SHEET;
}

export async function loadSheetInfos(context: Excel.RequestContext): Promise<SheetInfo[]> {
  const worksheets = context.workbook.worksheets;
  worksheets.load("items/name,items/visibility,items/protection/protected");
  await context.sync();
  return worksheets.items.map((ws) => ({ name: ws.name, isProtected: ws.protection.protected, visibility: ws.visibility }));
}

function toCellValue(value: unknown, type: string | undefined): CellValue {
  if (type === "Error") return { error: String(value) };
  if (type === "Empty" || value === "" || value === null || value === undefined) return null;
  if (typeof value === "number" || typeof value === "boolean" || typeof value === "string") return value;
  return String(value);
}

/** Values of a range placed at absolute sheet positions (row 0 is sheet row 1). */
export function gridValues(rowIndex: number, columnIndex: number, values: unknown[][], types: string[][]): CellValue[][] {
  const out: CellValue[][] = [];
  for (let r = 0; r < rowIndex; r++) out.push([]);
  for (let r = 0; r < values.length; r++) {
    const row: CellValue[] = new Array(columnIndex).fill(null);
    const src = values[r];
    const srcTypes = types[r] ?? [];
    for (let c = 0; c < src.length; c++) row.push(toCellValue(src[c], srcTypes[c]));
    out.push(row);
  }
  return out;
}

/** Syncs 2 and 3 for the given sheets; throws when Office rejects the batch. */
async function readSheets(context: Excel.RequestContext, names: string[]): Promise<{ grid: SheetGrid; partial?: string }[]> {
  const pending = names.map((name) => {
    const sheet = context.workbook.worksheets.getItem(name);
    const used = sheet.getUsedRangeOrNullObject(true).load("rowIndex,columnIndex,rowCount,columnCount");
    const merged = sheet.getRange().getMergedAreasOrNullObject().load("address");
    return { name, sheet, used, merged };
  });
  await context.sync();

  const reads = pending.map(({ name, sheet, used, merged }) => {
    const merges = merged.isNullObject ? [] : parseMergedAddresses(merged.address);
    if (used.isNullObject) return { name, merges, range: null, readProblem: undefined as string | undefined };
    let rows = used.rowCount;
    let readProblem: string | undefined;
    if (used.rowCount * used.columnCount > MAX_CELLS_PER_SHEET) {
      rows = Math.max(1, Math.floor(MAX_CELLS_PER_SHEET / used.columnCount));
      readProblem = `工作表“${name}”有 ${used.rowIndex + used.rowCount} 行，超出一次读取的上限，只读取了前 ${used.rowIndex + rows} 行。`;
    }
    const range = sheet.getRangeByIndexes(used.rowIndex, used.columnIndex, rows, used.columnCount).load("values,valueTypes");
    return { name, merges, range, readProblem, rowIndex: used.rowIndex, columnIndex: used.columnIndex };
  });
  await context.sync();

  // A sheet read in part carries no readProblem: the core would skip it, and the part read is useful.
  return reads.map((r) => ({
    grid: {
      name: r.name,
      values: r.range ? gridValues(r.rowIndex ?? 0, r.columnIndex ?? 0, r.range.values, r.range.valueTypes) : [],
      merges: r.merges,
    },
    partial: r.readProblem,
  }));
}

export async function readWorkbook(
  context: Excel.RequestContext,
  onProgress?: (p: ScanProgress) => void,
  only?: (name: string) => boolean,
): Promise<WorkbookRead> {
  const sheets = (await loadSheetInfos(context)).filter((s) => !isOwnSheet(s.name) && (!only || only(s.name)));
  const names = sheets.map((s) => s.name);
  onProgress?.({ phase: "reading", done: 0, total: names.length });
  let read: { grid: SheetGrid; partial?: string }[];
  try {
    read = await readSheets(context, names);
  } catch {
    // One sheet spoiled the batch (too many merged areas, a response too large …): read each alone.
    read = [];
    for (const name of names) {
      try {
        read.push(...(await readSheets(context, [name])));
      } catch (error) {
        read.push({ grid: { name, values: [], merges: [], readProblem: `无法读取工作表“${name}”：${errorText(error)}` } });
      }
      onProgress?.({ phase: "reading", done: read.length, total: names.length });
    }
  }
  onProgress?.({ phase: "reading", done: names.length, total: names.length });
  const partial = read.filter((r) => r.partial).map((r) => ({ sheet: r.grid.name, cell: "", message: r.partial! }));
  return { grids: read.map((r) => r.grid), sheets, partial };
}
