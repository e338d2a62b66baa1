/**
 * ExcelJS workbook → the core's SheetGrid[]: plain values from A1, formulas as their cached result,
 * rich text and hyperlinks as text, dates as ISO text, error values as {error}, merged areas 0-based.
 */
import type ExcelJS from "exceljs";
import { isoDate } from "../core/dates";
import type { CellValue, MergedArea, Problem, SheetGrid } from "../core/grid";
import { BACKUP_SHEET } from "../core/flags/types";

/** ExcelJS's ValueType.Merge: a cell inside a merged area other than its top-left. */
const MERGE_TYPE = 1;

/** Dates in ExcelJS are UTC instants; a time of day is kept only when there is one. */
function dateText(d: Date): string {
  if (Number.isNaN(d.getTime())) return "";
  const day = isoDate(d.getUTCFullYear(), d.getUTCMonth() + 1, d.getUTCDate());
  const h = d.getUTCHours();
  const m = d.getUTCMinutes();
  if (h === 0 && m === 0 && d.getUTCSeconds() === 0) return day;
  return `${day} ${String(h).padStart(2, "0")}:${String(m).padStart(2, "0")}`;
}

/** Converts an ExcelJS cell value (any of its shapes) to the core's CellValue. */
export function toCellValue(value: unknown): CellValue {
  if (value === null || value === undefined) return null;
  switch (typeof value) {
    case "string":
    case "number":
    case "boolean":
      return value;
    case "object":
      break;
    default:
      return String(value);
  }
  if (value instanceof Date) return dateText(value);
  const v = value as Record<string, unknown>;
  if (Array.isArray(v.richText)) {
    return (v.richText as { text?: unknown }[]).map((run) => (typeof run.text === "string" ? run.text : "")).join("");
  }
  if (typeof v.error === "string") return { error: v.error };
  if ("formula" in v || "sharedFormula" in v) return toCellValue(v.result);
  if ("hyperlink" in v || "text" in v) return toCellValue(v.text);
  return null;
}

/** A formula saved without its result (files written by other programs): it reads as empty. */
function isUncalculatedFormula(value: unknown): boolean {
  if (typeof value !== "object" || value === null) return false;
  const v = value as Record<string, unknown>;
  return ("formula" in v || "sharedFormula" in v) && (v.result === undefined || v.result === null);
}

/** Reads one worksheet into a SheetGrid; addresses of formulas without a saved result go to `uncalculated`. */
export function readWorksheet(ws: ExcelJS.Worksheet, uncalculated?: string[]): SheetGrid {
  const values: CellValue[][] = [];
  ws.eachRow({ includeEmpty: false }, (row, rowNumber) => {
    const out: CellValue[] = [];
    row.eachCell({ includeEmpty: false }, (cell, colNumber) => {
      if (cell.type === MERGE_TYPE) return;
      const v = toCellValue(cell.value);
      if (v === null) {
        if (uncalculated && isUncalculatedFormula(cell.value)) uncalculated.push(cell.address);
        return;
      }
      while (out.length < colNumber - 1) out.push(null);
      out[colNumber - 1] = v;
    });
    values[rowNumber - 1] = out;
  });
  // eachRow skips empty rows: fill the holes so that indices stay absolute.
  for (let r = 0; r < values.length; r++) if (values[r] === undefined) values[r] = [];
  return { name: ws.name, values, merges: readMerges(ws) };
}

function readMerges(ws: ExcelJS.Worksheet): MergedArea[] {
  // ExcelJS keeps merges by master address; `model.merges` would rebuild the whole sheet model.
  const internal = (ws as unknown as { _merges?: Record<string, { model: MergedArea }> })._merges ?? {};
  return Object.values(internal).map(({ model }) => ({
    top: model.top - 1,
    left: model.left - 1,
    bottom: model.bottom - 1,
    right: model.right - 1,
  }));
}

/**
 * Every sheet of the workbook except the product's own (hidden) backup sheet. Sheets with formulas saved
 * without their results add one problem each to `problems` (such cells would otherwise vanish unnoticed).
 */
export function readWorkbook(wb: ExcelJS.Workbook, problems?: Problem[]): SheetGrid[] {
  const grids: SheetGrid[] = [];
  wb.eachSheet((ws) => {
    // The product's backup is hidden; a visible sheet of that name is the user's and is scanned.
    if (ws.name === BACKUP_SHEET && ws.state !== "visible") return;
    const uncalculated: string[] = [];
    grids.push(readWorksheet(ws, problems ? uncalculated : undefined));
    if (uncalculated.length > 0) problems?.push(uncalculatedProblem(ws.name, uncalculated));
  });
  return grids;
}

function uncalculatedProblem(sheet: string, cells: string[]): Problem {
  const which = cells.length === 1 ? "该公式单元格" : `${cells.length}个公式单元格（${cells.slice(0, 3).join("、")}${cells.length > 3 ? "等" : ""}）`;
  return {
    sheet,
    cell: cells[0],
    message: `${which}在文件中没有保存计算结果，已按空白处理。文件可能由其他程序生成，请在 Excel 或 WPS 中打开并保存后再检查`,
  };
}
