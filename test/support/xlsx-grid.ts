/**
 * Test-only: an ExcelJS worksheet as the core's SheetGrid (values from A1, merges, error values).
 * The production reader lives in src/cli; this one exists so table tests can read real .xlsx files.
 */
import ExcelJS from "exceljs";
import { parseCellAddress } from "../../src/core/address";
import type { CellValue, MergedArea, SheetGrid } from "../../src/core/grid";

function plainValue(value: ExcelJS.CellValue): CellValue {
  if (value === null || value === undefined) return null;
  if (typeof value === "string" || typeof value === "number" || typeof value === "boolean") return value;
  if (value instanceof Date) return value.toISOString().slice(0, 10);
  if (typeof value === "object") {
    if ("error" in value) return { error: String(value.error) };
    if ("richText" in value) return value.richText.map((run) => run.text).join("");
    if ("text" in value && typeof value.text === "string") return value.text; // hyperlink
    if ("result" in value) return plainValue((value.result ?? null) as ExcelJS.CellValue); // formula
  }
  return String(value);
}

export function mergedAreas(sheet: ExcelJS.Worksheet): MergedArea[] {
  const ranges: string[] = (sheet.model as unknown as { merges?: string[] }).merges ?? [];
  return ranges.map((range) => {
    const [from, to] = range.split(":");
    const a = parseCellAddress(from);
    const b = parseCellAddress(to ?? from);
    return { top: a.row, left: a.col, bottom: b.row, right: b.col };
  });
}

export function worksheetToGrid(sheet: ExcelJS.Worksheet): SheetGrid {
  const values: CellValue[][] = [];
  sheet.eachRow({ includeEmpty: false }, (row, rowNumber) => {
    const cells: CellValue[] = [];
    row.eachCell({ includeEmpty: false }, (cell, colNumber) => {
      // ExcelJS reports the master's value in every cell of a merged area; the grid holds it once.
      if (cell.isMerged && cell.master.address !== cell.address) return;
      cells[colNumber - 1] = plainValue(cell.value);
    });
    for (let c = 0; c < cells.length; c++) if (cells[c] === undefined) cells[c] = null;
    values[rowNumber - 1] = cells;
  });
  for (let r = 0; r < values.length; r++) if (values[r] === undefined) values[r] = [];
  return { name: sheet.name, values, merges: mergedAreas(sheet) };
}

export async function readWorkbookGrids(file: string): Promise<SheetGrid[]> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.readFile(file);
  return workbook.worksheets.map(worksheetToGrid);
}
