/**
 * Reads every sheet as a SheetGrid with a fixed number of context.sync() calls, whatever the number of
 * sheets and rows (docs/design.md §7): 1) sheet names and protection; 2) every used range's size and every
 * sheet's merged areas; 3) every used range's values and value types (in more syncs only when a
 * response would pass Excel on the web's 5 MB limit). A sheet that fails is retried
 * alone (then without its merged areas) and, if it still fails, handed to the core with a
 * readProblem; the others are still read.
 */
import type { CellValue, Problem, SheetGrid } from "../core/grid";
import { BACKUP_SHEET } from "../core/flags/types";
import { parseMergedAddresses } from "./addresses";
import { API, errorText, isPayloadError } from "./host";
import type { ScanProgress } from "./types";

/** Above this many cells a sheet is read only in part (Office limits a response's size). */
export const MAX_CELLS_PER_SHEET = 1_000_000;

export interface SheetInfo {
  name: string;
  isProtected: boolean;
  visibility: string;
}

export interface ReadOptions {
  /** ExcelApi 1.13 (Range.getMergedAreasOrNullObject) is there: read merged areas. */
  mergedAreas: boolean;
}

/** Said once per scan when the host lacks ExcelApi 1.13: merged cells are read as unmerged. */
export const NO_MERGED_AREAS_MESSAGE = `此版本的 Excel 不支持读取合并单元格（需要 ExcelApi ${API.mergedAreas}）：合并的单元格按未合并读取，跨行合并的“市级辅助成果”只归首行；升级 Office 后重新扫描即可。`;

export interface WorkbookRead {
  grids: SheetGrid[];
  sheets: SheetInfo[];
  /** Sheets read only in part (too large); the part read is still scanned. */
  partial: Problem[];
}

/** Sheets the product writes for itself (hidden); never scanned as tables. A visible one of that name is the user's. */
export function isOwnSheet(sheet: { name: string; visibility: string }): boolean {
  return sheet.name === BACKUP_SHEET && sheet.visibility !== "Visible";
}

/**
 * Names, visibility and protection of every sheet, very hidden ones included (the API sees them).
 * ExcelApi 1.1: Worksheet.visibility ("Visible" | "Hidden" | "VeryHidden"); ExcelApi 1.2:
 * WorksheetProtection.protected.
 */
export async function loadSheetInfos(context: Excel.RequestContext): Promise<SheetInfo[]> {
  const worksheets = context.workbook.worksheets;
  worksheets.load("items/name,items/visibility,items/protection/protected");
  await context.sync();
  return worksheets.items.map((ws) => ({ name: ws.name, isProtected: ws.protection.protected, visibility: ws.visibility }));
}

/**
 * ExcelApi 1.1: Range.valueTypes is "Unknown" | "Empty" | "String" | "Integer" | "Double" | "Boolean"
 * | "Error" | "RichValue"; for "Error" Range.values holds the error's text ("#N/A", "#DIV/0!" …).
 */
export function toCellValue(value: unknown, type: string | undefined): CellValue {
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

/**
 * The merged areas of a whole sheet, queued. ExcelApi 1.13: Range.getMergedAreasOrNullObject, a
 * RangeAreas (ExcelApi 1.9) whose `address` lists every area with its sheet name, comma-separated
 * ("Sheet1!A1:B4, Sheet1!D1:D4"; the name quoted when Excel needs it). Office documents that it fails
 * on more than 512 merged areas: readWorkbook then reads that sheet without them.
 */
export function queueMergedAreas(sheet: Excel.Worksheet): Excel.RangeAreas {
  return sheet.getRange().getMergedAreasOrNullObject().load("address");
}

/** A sheet with too many merged areas (over 512) is read without them, and says so. */
function mergesSkippedMessage(name: string): string {
  return `工作表“${name}”的合并单元格过多，Excel 无法一次返回（上限 512 个合并区域）：已按未合并读取，跨行合并的“市级辅助成果”只归首行。`;
}

/**
 * Syncs 2 and 3 for the given sheets; throws when Office rejects the batch.
 * ExcelApi 1.4: Worksheet.getUsedRangeOrNullObject(valuesOnly) (a null object on an empty sheet);
 * 1.7: getRangeByIndexes; 1.1: Range.values and valueTypes.
 */
async function readSheets(context: Excel.RequestContext, names: string[], withMerges: boolean): Promise<{ grid: SheetGrid; partial?: string }[]> {
  const pending = names.map((name) => {
    const sheet = context.workbook.worksheets.getItem(name);
    const used = sheet.getUsedRangeOrNullObject(true).load("rowIndex,columnIndex,rowCount,columnCount");
    const merged = withMerges ? queueMergedAreas(sheet) : null;
    return { name, sheet, used, merged };
  });
  await context.sync();

  const reads = pending.map(({ name, sheet, used, merged }) => {
    const merges = !merged || merged.isNullObject ? [] : parseMergedAddresses(merged.address);
    if (used.isNullObject) return { name, sheet, merges, rows: 0, columns: 0, rowIndex: 0, columnIndex: 0, readProblem: undefined as string | undefined };
    let rows = used.rowCount;
    let readProblem: string | undefined;
    if (used.rowCount * used.columnCount > MAX_CELLS_PER_SHEET) {
      rows = Math.max(1, Math.floor(MAX_CELLS_PER_SHEET / used.columnCount));
      readProblem = `工作表“${name}”有 ${used.rowIndex + used.rowCount} 行，超出一次读取的上限，只读取了前 ${used.rowIndex + rows} 行。`;
    }
    return { name, sheet, merges, rows, columns: used.columnCount, rowIndex: used.rowIndex, columnIndex: used.columnIndex, readProblem };
  });
  const values = await readValues(context, reads);

  // A sheet read in part carries no readProblem: the core would skip it, and the part read is useful.
  return reads.map((r, i) => ({
    grid: { name: r.name, values: r.rows > 0 ? gridValues(r.rowIndex, r.columnIndex, values[i].values, values[i].types) : [], merges: r.merges },
    partial: r.readProblem,
  }));
}

/**
 * Cells per read request to start with. Excel on the web refuses a response over 5 MB
 * (ResponsePayloadSizeLimitExceeded); on that answer the budget is halved and the rest read again.
 */
export const CELLS_PER_READ = 200_000;

/**
 * The values and value types of each sheet's range, in row bands: bands of all sheets share a sync
 * while they fit CELLS_PER_READ, so a usual workbook still takes one sync.
 */
async function readValues(
  context: Excel.RequestContext,
  sheets: { sheet: Excel.Worksheet; rows: number; columns: number; rowIndex: number; columnIndex: number }[],
): Promise<{ values: unknown[][]; types: string[][] }[]> {
  const out = sheets.map(() => ({ values: [] as unknown[][], types: [] as string[][] }));
  // Next row (relative) to read for each sheet.
  const next = sheets.map(() => 0);
  let budget = CELLS_PER_READ;
  for (;;) {
    const batch: { i: number; rows: number; range: Excel.Range }[] = [];
    let cells = 0;
    for (let i = 0; i < sheets.length && cells < budget; i++) {
      const s = sheets[i];
      if (next[i] >= s.rows) continue;
      const rows = Math.min(s.rows - next[i], Math.max(1, Math.floor((budget - cells) / s.columns)));
      const range = s.sheet.getRangeByIndexes(s.rowIndex + next[i], s.columnIndex, rows, s.columns).load("values,valueTypes");
      batch.push({ i, rows, range });
      cells += rows * s.columns;
    }
    if (batch.length === 0) return out;
    try {
      await context.sync();
    } catch (error) {
      if (!isPayloadError(error) || budget <= 1) throw error;
      budget = Math.max(1, Math.floor(budget / 2));
      continue;
    }
    for (const { i, rows, range } of batch) {
      // No spread: a band can have more rows than a call may take arguments.
      for (const row of range.values) out[i].values.push(row);
      for (const row of range.valueTypes) out[i].types.push(row);
      next[i] += rows;
    }
  }
}

/** One sheet alone: with merged areas, then (if that fails and they were asked for) without. */
async function readOneAlone(context: Excel.RequestContext, name: string, withMerges: boolean): Promise<{ grid: SheetGrid; partial?: string }> {
  try {
    return (await readSheets(context, [name], withMerges))[0];
  } catch (error) {
    if (withMerges) {
      try {
        const [read] = await readSheets(context, [name], false);
        return { ...read, partial: [read.partial, mergesSkippedMessage(name)].filter(Boolean).join(" ") };
      } catch {
        // Not the merged areas: report the first error below.
      }
    }
    return { grid: { name, values: [], merges: [], readProblem: `无法读取工作表“${name}”：${errorText(error)}` } };
  }
}

export async function readWorkbook(
  context: Excel.RequestContext,
  onProgress?: (p: ScanProgress) => void,
  only?: (name: string) => boolean,
  options: ReadOptions = { mergedAreas: true },
): Promise<WorkbookRead> {
  const sheets = (await loadSheetInfos(context)).filter((s) => !isOwnSheet(s) && (!only || only(s.name)));
  const names = sheets.map((s) => s.name);
  onProgress?.({ phase: "reading", done: 0, total: names.length });
  let read: { grid: SheetGrid; partial?: string }[];
  try {
    read = await readSheets(context, names, options.mergedAreas);
  } catch {
    // One sheet spoiled the batch (too many merged areas, a response too large …): read each alone.
    read = [];
    for (const name of names) {
      read.push(await readOneAlone(context, name, options.mergedAreas));
      onProgress?.({ phase: "reading", done: read.length, total: names.length });
    }
  }
  onProgress?.({ phase: "reading", done: names.length, total: names.length });
  const partial = read.filter((r) => r.partial).map((r) => ({ sheet: r.grid.name, cell: "", message: r.partial! }));
  if (!options.mergedAreas && names.length > 0) partial.push({ sheet: "全部工作表", cell: "", message: NO_MERGED_AREAS_MESSAGE });
  return { grids: read.map((r) => r.grid), sheets, partial };
}
