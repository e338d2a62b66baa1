/**
 * "标记完成" on an ExcelJS workbook (docs/design.md §4): the milestone label goes into the row's 已完成节点
 * cell, as text; the column is added with its header when the table has none. The row and the place
 * of a new column are decided by src/core/tables/done-column.ts, as in the add-in.
 */
import type ExcelJS from "exceljs";
import { addDoneLabel } from "../core/milestones";
import { recognizeSheet } from "../core/tables";
import { DONE_HEADER, columnsFree, findRow } from "../core/tables/done-column";
import type { RecognisedTable } from "../core/tables/types";
import type { SheetGrid } from "../core/grid";
import { BACKUP_SHEET } from "../core/flags/types";
import { readWorksheet } from "./read-workbook";

/** Cells read from a file can share one style object: change a copy, never the shared one. */
function restyle(cell: ExcelJS.Cell, change: (style: Partial<ExcelJS.Style>) => void): void {
  const copy = structuredClone(cell.style ?? {}) as Partial<ExcelJS.Style>;
  change(copy);
  cell.style = copy;
}

/**
 * The first column right of the table that is empty over all its rows. ExcelJS cannot insert a sheet
 * column the way Excel does (it would leave formulas and merged areas pointing at the old places), so
 * the new column goes into free space instead of pushing what staff put next to the table.
 */
function freeColumnRightOf(grid: SheetGrid, table: RecognisedTable): number {
  let col = table.lastColumn + 1;
  while (!columnsFree(grid, table, col, col)) col++;
  return col;
}

/** A cell as it was before 标记完成 touched it, so that 撤销 can put it back exactly. */
export interface CellSnapshot {
  address: string;
  value: ExcelJS.CellValue;
  style: Partial<ExcelJS.Style>;
}

function snapshot(cell: ExcelJS.Cell): CellSnapshot {
  return { address: cell.address, value: structuredClone(cell.value), style: structuredClone(cell.style ?? {}) };
}

function addDoneColumn(ws: ExcelJS.Worksheet, grid: SheetGrid, table: RecognisedTable, before: CellSnapshot[]): number {
  const col = freeColumnRightOf(grid, table);
  const headerLook = ws.getCell(table.headerRow + 1, table.lastColumn + 1).style;
  for (const headerRow of [table.headerRow, ...table.repeatedHeaderRows]) {
    const cell = ws.getCell(headerRow + 1, col + 1);
    before.push(snapshot(cell));
    cell.style = structuredClone(headerLook ?? {});
    cell.value = DONE_HEADER;
  }
  // Staff type labels into this column too: "1,2" must stay text, not become a number.
  for (const r of table.rows) {
    const cell = ws.getCell(r.row + 1, col + 1);
    before.push(snapshot(cell));
    restyle(cell, (s) => (s.numFmt = "@"));
  }
  const column = ws.getColumn(col + 1);
  if (!column.width) column.width = 12;
  return col;
}

/**
 * Writes `label` into the 已完成节点 cell of the row of (sheet, milestoneCell); returns that cell's
 * address, its new text and every cell as it was before (for 撤销). Throws a Chinese message when the
 * sheet or the row cannot be found.
 */
export function markDoneInWorkbook(
  wb: ExcelJS.Workbook,
  sheetName: string,
  milestoneCell: string,
  label: string,
): { cell: string; value: string; before: CellSnapshot[]; addedColumn: boolean } {
  const ws = sheetName === BACKUP_SHEET ? undefined : wb.getWorksheet(sheetName);
  if (!ws) throw new Error(`找不到工作表“${sheetName}”；请重新扫描后再试。`);
  const grid = readWorksheet(ws);
  const found = findRow(recognizeSheet(grid).tables, milestoneCell);
  if (!found) throw new Error(`在工作表“${sheetName}”的 ${milestoneCell} 找不到对应的责任分解表行；请重新扫描后再试。`);
  const { table, row } = found;
  const before: CellSnapshot[] = [];
  const doneCol = table.columns.done ?? addDoneColumn(ws, grid, table, before);
  const value = addDoneLabel(row.done, label);
  const cell = ws.getCell(row.row + 1, doneCol + 1);
  if (!before.some((b) => b.address === cell.address)) before.push(snapshot(cell));
  // A plain string: ExcelJS writes it as text, so a typed "=…" never becomes a formula.
  cell.value = value;
  restyle(cell, (s) => (s.numFmt = "@"));
  return { cell: cell.address, value, before, addedColumn: table.columns.done === undefined || table.columns.done === null };
}

/**
 * 撤销 of one markDoneInWorkbook: puts every touched cell back exactly (value and look). Refuses, with
 * a Chinese message and nothing changed, when the cell no longer holds what 标记完成 wrote.
 */
export function undoMarkDoneInWorkbook(wb: ExcelJS.Workbook, sheetName: string, cellAddress: string, written: string, before: CellSnapshot[]): void {
  const ws = sheetName === BACKUP_SHEET ? undefined : wb.getWorksheet(sheetName);
  if (!ws) throw new Error(`找不到工作表“${sheetName}”，无法撤销。`);
  const now = ws.getCell(cellAddress).value;
  if (String(now ?? "") !== written) {
    throw new Error(`${sheetName}!${cellAddress} 已改为“${String(now ?? "")}”，不再是标记完成写入的“${written}”；为免覆盖，未撤销。`);
  }
  for (const b of before) {
    const cell = ws.getCell(b.address);
    cell.value = structuredClone(b.value);
    cell.style = structuredClone(b.style);
  }
}
