/**
 * "插入公式列" (issue 4 §2): live DALIANBING formulas in the recognised table itself, at its right edge,
 * one per data row, with conditional formatting on 节点状态, so the table flags itself with the pane
 * closed. The staff's own cells and formatting are not touched; running it twice adds nothing twice.
 */
import { cellAddress, columnName } from "../core/address";
import { FLAG_STYLE } from "../core/flags/types";
import type { Problem, SheetGrid } from "../core/grid";
import { normalizeHeader, recognizeWorkbook } from "../core/tables";
import type { RecognisedTable } from "../core/tables/types";
import { areaAddress } from "./addresses";
import { DONE_HEADER, queueNewColumns } from "./done-column";
import { type ReadOptions, readWorkbook } from "./read";

export const STATUS_HEADER = "节点状态";
export const NEXT_DUE_HEADER = "下一节点";
export const OVERDUE_HEADER = "逾期数";
export const FORMULA_HEADERS = [STATUS_HEADER, NEXT_DUE_HEADER, OVERDUE_HEADER] as const;
export const NEXT_DUE_FORMAT = "yyyy-mm-dd";

/** Points: wide enough for "无固定期限", "2024-09-30" and the headers at the default 11 pt. */
const COLUMN_WIDTHS: Record<string, number> = { [DONE_HEADER]: 72, [STATUS_HEADER]: 68, [NEXT_DUE_HEADER]: 76, [OVERDUE_HEADER]: 48 };

/** Columns of the header row by normalised name. */
function headerColumns(grid: SheetGrid, table: RecognisedTable): Map<string, number> {
  const out = new Map<string, number>();
  const row = grid.values[table.headerRow] ?? [];
  for (let c = 0; c < row.length; c++) {
    const v = row[c];
    if (typeof v === "string" && !out.has(normalizeHeader(v))) out.set(normalizeHeader(v), c);
  }
  return out;
}

/** The three formulas of one data row; year from the table's title when it has one (docs/design.md §4). */
export function rowFormulas(milestoneRef: string, doneRef: string, year: number | null): [string, string, string] {
  const args = `${milestoneRef},TODAY(),${doneRef}${year === null ? "" : `,${year}`}`;
  return [
    `=DALIANBING.STATUS(${args})`,
    // No milestone left answers #N/A; an empty cell reads better in a staff table.
    `=IFNA(DALIANBING.NEXTDUE(${args}),"")`,
    `=DALIANBING.OVERDUE(${args})`,
  ];
}

export interface FormulaColumnsResult {
  tables: number;
  added: boolean;
  problems: Problem[];
}

export async function insertFormulaColumnsInWorkbook(
  context: Excel.RequestContext,
  options: ReadOptions = { mergedAreas: true },
): Promise<FormulaColumnsResult> {
  const read = await readWorkbook(context, undefined, undefined, options);
  const isProtected = new Map(read.sheets.map((s) => [s.name, s.isProtected]));
  const grids = new Map(read.grids.map((g) => [g.name, g]));
  const recognition = recognizeWorkbook(read.grids);
  const problems: Problem[] = [];
  let tables = 0;
  let added = false;

  for (const table of recognition.tables) {
    if (table.columns.milestones === undefined) continue;
    tables++;
    const grid = grids.get(table.sheet)!;
    const present = headerColumns(grid, table);
    const missing = FORMULA_HEADERS.filter((h) => !present.has(h));
    const needDone = table.columns.done === undefined;
    if (missing.length === 0 && !needDone) continue;
    if (isProtected.get(table.sheet)) {
      problems.push({ sheet: table.sheet, cell: "", message: `工作表“${table.sheet}”受保护，未插入公式列；请先撤销工作表保护后重试。` });
      continue;
    }
    const sheet = context.workbook.worksheets.getItem(table.sheet);
    // The header row's last non-empty cell: formula columns from an earlier run are inside it.
    const rightEdge = table.lastColumn;
    const newHeaders = [...(needDone ? [DONE_HEADER] : []), ...missing];
    const start = queueNewColumns(sheet, grid, table, rightEdge + 1, newHeaders);
    const colOf = (name: string): number => (newHeaders.includes(name) ? start + newHeaders.indexOf(name) : present.get(name)!);
    const doneCol = needDone ? start : table.columns.done!;
    const milestonesCol = table.columns.milestones;

    for (const row of table.rows) {
      const mc = row.milestoneCell ?? { row: row.row, col: milestonesCol };
      // Every row of a merged 市级辅助成果 cell reads its text and the done list of the row that owns it.
      const [status, nextDue, overdue] = rowFormulas(cellAddress(mc.row, mc.col), cellAddress(mc.row, doneCol), table.year);
      const formulas: Record<string, string> = { [STATUS_HEADER]: status, [NEXT_DUE_HEADER]: nextDue, [OVERDUE_HEADER]: overdue };
      for (const name of missing) {
        const cell = sheet.getRange(cellAddress(row.row, colOf(name)));
        // ExcelApi 1.1: Range.numberFormat takes Excel's format codes ("yyyy-mm-dd" shows the serial as a date).
        if (name === NEXT_DUE_HEADER) cell.numberFormat = [[NEXT_DUE_FORMAT]];
        cell.formulas = [[formulas[name]]];
      }
      if (needDone) sheet.getRange(cellAddress(row.row, doneCol)).numberFormat = [["@"]];
    }

    const firstData = table.rows.length > 0 ? Math.min(...table.rows.map((r) => r.row)) : table.headerRow + 1;
    if (missing.includes(STATUS_HEADER) && table.rows.length > 0) {
      const col = colOf(STATUS_HEADER);
      const range = sheet.getRange(areaAddress(firstData, col, table.lastRow, col));
      const anchor = `$${columnName(col)}${firstData + 1}`;
      // ExcelApi 1.6: ConditionalFormatCollection.add("Custom") → ConditionalFormat.custom, a
      // CustomConditionalFormat with rule.formula (A1, English function names; relative references are
      // read from the range's top-left cell, hence "$N<first row>") and format.fill.color/font.color.
      for (const [text, style] of [
        ["已逾期", FLAG_STYLE.overdue],
        ["临期", FLAG_STYLE["due-soon"]],
      ] as const) {
        const cf = range.conditionalFormats.add("Custom");
        cf.custom.rule.formula = `=${anchor}="${text}"`;
        cf.custom.format.fill.color = style.fill;
        cf.custom.format.font.color = style.font;
      }
    }
    if (table.rows.length > 0) {
      // The new cells look like the table's: a cell grid, centred. Explicit formats rather than
      // copyFrom(last column), which would also copy that column's merged cells over the formulas.
      const body = sheet.getRange(areaAddress(firstData, start, table.lastRow, start + newHeaders.length - 1));
      for (const edge of ["EdgeTop", "EdgeBottom", "EdgeLeft", "EdgeRight", "InsideVertical", "InsideHorizontal"] as const) {
        body.format.borders.getItem(edge).style = "Continuous";
      }
      body.format.horizontalAlignment = "Center";
      body.format.verticalAlignment = "Center";
    }
    for (const name of newHeaders) {
      const col = colOf(name);
      sheet.getRange(`${columnName(col)}:${columnName(col)}`).format.columnWidth = COLUMN_WIDTHS[name] ?? 60;
    }
    added = true;
  }
  await context.sync();
  return { tables, added, problems };
}
