/**
 * "标记完成" (docs/design.md §4, issue 4 §1): the milestone label goes into the row's 已完成节点 cell; the column
 * is added with its header at the right edge of the table when the table has none. Staff see and
 * edit the same column; nothing is kept anywhere else.
 */
import { cellAddress, columnName } from "../core/address";
import type { SheetGrid } from "../core/grid";
import { addDoneLabel } from "../core/milestones";
import { recognizeSheet } from "../core/tables";
import { DONE_HEADER, columnsFree, findRow } from "../core/tables/done-column";
import type { RecognisedTable } from "../core/tables/types";
import { areaAddress, columnsAddress, parseMergedAddresses } from "./addresses";
import { errorText, isOfficeError, isProtectionError, protectedWriteMessage } from "./host";
import { type ReadOptions, gridValues, queueMergedAreas } from "./read";
import type { DoneUndo } from "./types";

// The row and free-column decisions are pure and shared with the .xlsx adapter (src/xlsx/mark-done.ts).
export { DONE_HEADER, columnsFree, findRow } from "../core/tables/done-column";

/**
 * Writes text so that Excel keeps it as typed: the cells are formatted as text ("@") first, so a
 * value starting with "=", "+", "-" or "@" never becomes a formula and "1,2" never becomes a number.
 * ExcelApi 1.1: Range.numberFormat and Range.values, applied in the order queued; a cell formatted
 * "@" takes what is written as text, as a typed entry would be.
 */
export function writeText(range: Excel.Range, rows: string[][]): void {
  range.numberFormat = rows.map((r) => r.map(() => "@"));
  range.values = rows;
}

/** Reads one sheet as a SheetGrid (one sync, two when the merged areas fail) and whether it is protected. */
export async function readOneSheet(
  context: Excel.RequestContext,
  sheetName: string,
  options: ReadOptions = { mergedAreas: true },
): Promise<{ grid: SheetGrid; isProtected: boolean }> {
  const queue = (withMerges: boolean) => {
    const sheet = context.workbook.worksheets.getItem(sheetName);
    // ExcelApi 1.2: WorksheetProtection.protected.
    sheet.protection.load("protected");
    const used = sheet.getUsedRangeOrNullObject(true).load("rowIndex,columnIndex,values,valueTypes");
    return { sheet, used, merged: withMerges ? queueMergedAreas(sheet) : null };
  };
  let read = queue(options.mergedAreas);
  try {
    await context.sync();
  } catch (error) {
    if (isOfficeError(error, "ItemNotFound")) throw new Error(`找不到工作表“${sheetName}”，它可能已被重命名或删除；请重新扫描。`, { cause: error });
    if (!read.merged) throw new Error(`无法读取工作表“${sheetName}”：${errorText(error)}`, { cause: error });
    // Over 512 merged areas: read without them (the row is then found by its own row).
    read = queue(false);
    try {
      await context.sync();
    } catch {
      throw new Error(`无法读取工作表“${sheetName}”：${errorText(error)}`, { cause: error });
    }
  }
  const { sheet, used, merged } = read;
  const grid: SheetGrid = {
    name: sheetName,
    values: used.isNullObject ? [] : gridValues(used.rowIndex, used.columnIndex, used.values, used.valueTypes),
    merges: !merged || merged.isNullObject ? [] : parseMergedAddresses(merged.address),
  };
  return { grid, isProtected: sheet.protection.protected };
}

/**
 * Queues a new column block with headers at the table's right edge, inserting sheet columns when
 * the cells there are in use. Returns the first new column.
 * ExcelApi 1.1: Range.insert("Right") on whole columns ("C:E"); ExcelApi 1.9: Range.copyFrom(source,
 * "Formats") to give the new headers the look of the table's last header.
 */
export function queueNewColumns(
  sheet: Excel.Worksheet,
  grid: SheetGrid,
  table: RecognisedTable,
  start: number,
  headers: string[],
): number {
  return queueNewColumnBlock(sheet, grid, table, start, headers).start;
}

/** queueNewColumns, also saying whether sheet columns were inserted (undo deletes them again). */
function queueNewColumnBlock(
  sheet: Excel.Worksheet,
  grid: SheetGrid,
  table: RecognisedTable,
  start: number,
  headers: string[],
): { start: number; inserted: boolean } {
  const last = start + headers.length - 1;
  const inserted = !columnsFree(grid, table, start, last);
  if (inserted) sheet.getRange(columnsAddress(start, last)).insert("Right");
  const headerStyle = sheet.getRange(cellAddress(table.headerRow, table.lastColumn));
  for (const headerRow of [table.headerRow, ...table.repeatedHeaderRows]) {
    const range = sheet.getRange(areaAddress(headerRow, start, headerRow, last));
    range.copyFrom(headerStyle, "Formats");
    writeText(range, [headers]);
  }
  return { start, inserted };
}

export async function markDoneInSheet(
  context: Excel.RequestContext,
  sheetName: string,
  milestoneCell: string,
  label: string,
  options: ReadOptions = { mergedAreas: true },
): Promise<DoneUndo> {
  const { grid, isProtected } = await readOneSheet(context, sheetName, options);
  const recognition = recognizeSheet(grid);
  const found = findRow(recognition.tables, milestoneCell);
  if (!found) throw new Error(`在工作表“${sheetName}”的 ${milestoneCell} 找不到对应的责任分解表行；请重新扫描后再试。`);
  if (isProtected) throw new Error(protectedWriteMessage(sheetName, `写入“${DONE_HEADER}”`));
  const { table, row } = found;
  const sheet = context.workbook.worksheets.getItem(sheetName);
  let doneCol = table.columns.done;
  let previous: DoneUndo["previous"] = { formula: null, value: null, numberFormat: "@" };
  let addedColumn: DoneUndo["addedColumn"] = null;
  if (doneCol === undefined) {
    const block = queueNewColumnBlock(sheet, grid, table, table.lastColumn + 1, [DONE_HEADER]);
    doneCol = block.start;
    // Staff type labels into this column too: keep what they type as text.
    for (const r of table.rows) sheet.getRange(cellAddress(r.row, doneCol)).numberFormat = [["@"]];
    const headerRows = [table.headerRow].concat(table.repeatedHeaderRows);
    addedColumn = {
      column: columnName(doneCol),
      inserted: block.inserted,
      area: areaAddress(table.headerRow, doneCol, table.lastRow, doneCol),
      headerCells: headerRows.map((r) => cellAddress(r, doneCol as number)),
    };
  } else {
    // The exact content before (a formula, a number, a date's serial, its format) for 撤销: one more sync.
    const before = sheet.getRange(cellAddress(row.row, doneCol)).load("formulas,values,numberFormat");
    await context.sync();
    const formula = before.formulas[0][0];
    const value = before.values[0][0] as string | number | boolean;
    previous = {
      formula: typeof formula === "string" && formula.startsWith("=") ? formula : null,
      value: value === "" ? null : value,
      numberFormat: String(before.numberFormat[0][0] ?? "General"),
    };
  }
  const value = addDoneLabel(row.done, label);
  const cell = cellAddress(row.row, doneCol);
  writeText(sheet.getRange(cell), [[value]]);
  try {
    await context.sync();
  } catch (error) {
    // Protected after the read above (or in a way protection.protected does not show).
    if (isProtectionError(error)) throw new Error(protectedWriteMessage(sheetName, `写入“${DONE_HEADER}”`), { cause: error });
    throw error;
  }
  return { sheet: sheetName, cell, label, written: value, previous, addedColumn };
}

const UNDO_ACTION = `撤销“${DONE_HEADER}”的修改`;

/**
 * 撤销 of markDoneInSheet (two syncs: read the cell and the column, then write). The cell must still
 * hold what markDone wrote, so that an edit made since is never overwritten.
 */
export async function undoMarkDoneInSheet(context: Excel.RequestContext, undo: DoneUndo): Promise<void> {
  const sheet = context.workbook.worksheets.getItem(undo.sheet);
  sheet.protection.load("protected");
  const target = sheet.getRange(undo.cell).load("values,formulas");
  const column = undo.addedColumn ? sheet.getRange(undo.addedColumn.area).load("values,formulas,rowIndex,columnIndex") : null;
  try {
    await context.sync();
  } catch (error) {
    if (isOfficeError(error, "ItemNotFound")) throw new Error(`找不到工作表“${undo.sheet}”，它可能已被重命名或删除，无法撤销。`, { cause: error });
    throw new Error(`无法撤销：${errorText(error)}`, { cause: error });
  }
  if (sheet.protection.protected) throw new Error(protectedWriteMessage(undo.sheet, UNDO_ACTION));
  const now = target.formulas[0][0];
  if (String(now ?? "") !== undo.written) {
    const shown = String(now ?? "") === "" ? "空" : `“${String(now)}”`;
    throw new Error(`${undo.sheet}!${undo.cell} 现在是${shown}，已不是标记完成时写入的“${undo.written}”（之后有人修改过），为免覆盖，未撤销；如需更改请直接编辑该单元格。`);
  }
  const range = sheet.getRange(undo.cell);
  const added = undo.addedColumn;
  if (added && column && onlyOurs(column, added.headerCells, undo.cell)) {
    // The column holds nothing but what markDone put there: take it away again, as it was before.
    if (added.inserted) sheet.getRange(`${added.column}:${added.column}`).delete("Left");
    else sheet.getRange(added.area).clear("All");
  } else if (added) {
    // Others wrote labels in the new column since: it stays (text format like its other cells), this cell empty.
    range.clear("Contents");
  } else {
    const p = undo.previous;
    range.numberFormat = [[p.numberFormat]];
    if (p.formula !== null) range.formulas = [[p.formula]];
    else if (p.value === null) range.clear("Contents");
    else range.values = [[p.value]];
  }
  try {
    await context.sync();
  } catch (error) {
    if (isProtectionError(error)) throw new Error(protectedWriteMessage(undo.sheet, UNDO_ACTION), { cause: error });
    throw error;
  }
}

/** Whether the added column's area holds only its header cells and the one cell markDone wrote. */
function onlyOurs(column: Excel.Range, headerCells: string[], cell: string): boolean {
  const ours = new Set(headerCells.concat(cell));
  const formulas = column.formulas;
  for (let r = 0; r < formulas.length; r++) {
    const address = cellAddress(column.rowIndex + r, column.columnIndex);
    if (ours.has(address)) continue;
    if (String(formulas[r][0] ?? "") !== "") return false;
  }
  return true;
}
